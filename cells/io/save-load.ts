import * as tf from "@tensorflow/tfjs";
import type {Network} from "../models/network.js";
import {Tokenizer} from "../text/tokenizer.js";
import {disposeLayersModel, fromLayersModel, toLayersModel} from "./layers-model.js";

/**
 * Saving and loading a trained pair: the model in the tfjs layers format (`downloads://name`,
 * `indexeddb://name`, or any tfjs IOHandler — in Node, `directoryHandler` of ./node-directory.ts), and the
 * tokenizer as Keras `tokenizer_to_json` JSON.
 */
export async function saveNetwork(network: Network, destination: string | tf.io.IOHandler): Promise<tf.io.SaveResult> {
  const model = toLayersModel(network);
  try {
    return await model.save(destination);
  } finally {
    disposeLayersModel(model);
  }
}

export async function loadNetwork(source: string | tf.io.IOHandler): Promise<Network> {
  const model = await tf.loadLayersModel(source);
  try {
    return fromLayersModel(model);
  } finally {
    disposeLayersModel(model);
  }
}

/** Files picked in the browser (model.json + its weights file) → a network. */
export function loadNetworkFromFiles(files: File[]): Promise<Network> {
  const json = files.find((f) => f.name.endsWith(".json"));
  if (!json) throw new TypeError("choose the model's .json file together with its .bin weights file");
  return loadNetwork(tf.io.browserFiles([json, ...files.filter((f) => f !== json)]));
}

export function tokenizerToBlob(tokenizer: Tokenizer): Blob {
  return new Blob([tokenizer.toJSON()], {type: "application/json"});
}

export async function tokenizerFromFile(file: Blob): Promise<Tokenizer> {
  return Tokenizer.fromJSON(await file.text());
}
