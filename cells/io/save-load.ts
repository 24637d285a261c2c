import * as tf from "@tensorflow/tfjs";
import {Network} from "../models/network.js";
import type {Tokenizer} from "../text/tokenizer.js";
import {disposeLayersModel, toLayersModel} from "./layers-model.js";
import {networkDataFromArtifacts, readModelFiles, type NamedBlob} from "./model-files.js";
import {readTokenizerFile} from "./tokenizer-file.js";

/**
 * Saving and loading a trained pair: the model in the tfjs layers format (`downloads://name`,
 * `indexeddb://name`, or any tfjs IOHandler — in Node, `directoryHandler` of ./node-directory.ts), and the
 * tokenizer as Keras `tokenizer_to_json` JSON. Loading checks everything before building the network (no
 * stock tfjs model is built on the way), and a refusal is an `UploadError` (./upload-error.ts).
 * For the essay's pair, with the vocabulary check and messages in the page's language: ./sentiment-pair.ts.
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
  const handler = typeof source === "string" ? (tf.io.getLoadHandlers(source)[0] ?? tf.io.http(source)) : source;
  if (!handler.load) throw new TypeError("this tfjs IOHandler cannot load");
  const name = typeof source === "string" ? source : "model.json";
  return Network.fromData(networkDataFromArtifacts(await handler.load(), name));
}

/** Files picked in the browser (model.json + its weights files) → a network. */
export async function loadNetworkFromFiles(files: readonly NamedBlob[]): Promise<Network> {
  return Network.fromData(await readModelFiles(files));
}

export function tokenizerToBlob(tokenizer: Tokenizer): Blob {
  return new Blob([tokenizer.toJSON()], {type: "application/json"});
}

export function tokenizerFromFile(file: Blob): Promise<Tokenizer> {
  return readTokenizerFile(file);
}
