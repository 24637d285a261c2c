import * as tf from "@tensorflow/tfjs";
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeEach, describe, expect, it} from "vitest";
import {sentimentRnnSpec} from "../models/builders.js";
import {Network} from "../models/network.js";
import {useBackend} from "../testing/backends.js";
import {seedData} from "../testing/seed-data.js";
import {Tokenizer} from "../text/tokenizer.js";
import {fit} from "../train/fit.js";
import {predictSentiments} from "../inspect/sentiment.js";
import {TEST_PHRASES} from "../data/sentiment.js";
import {directoryHandler} from "./node-directory.js";
import {loadNetwork, saveNetwork} from "./save-load.js";

beforeEach(() => useBackend("wasm"));

describe("save and load a trained pair", () => {
  it("a loaded model and tokenizer predict exactly what the saved pair did", async () => {
    const before = tf.memory().numTensors;
    const data = seedData();
    const network = Network.create(sentimentRnnSpec({hiddenSize: 16}), {seed: 5});
    for await (const _ of fit(network, data.train, {epochs: 2, seed: 5})) void _;
    const directory = mkdtempSync(join(tmpdir(), "courant-save-"));
    await saveNetwork(network, directoryHandler(directory));
    const modelJson = JSON.parse(readFileSync(join(directory, "model.json"), "utf8"));
    expect(modelJson.format).toBe("layers-model");
    expect(modelJson.modelTopology.config.layers.map((l: {class_name: string}) => l.class_name)).toEqual([
      "Embedding",
      "SimpleRNN",
      "Dropout",
      "Dense"
    ]);

    const loaded = await loadNetwork(directoryHandler(directory));
    const tokenizer = Tokenizer.fromJSON(data.tokenizer.toJSON());
    const original = predictSentiments([...TEST_PHRASES], {network, tokenizer: data.tokenizer, maxLength: 20}).map(
      (p) => p.score
    );
    const restored = predictSentiments([...TEST_PHRASES], {network: loaded, tokenizer, maxLength: 20}).map(
      (p) => p.score
    );
    expect(restored).toEqual(original);
    expect(loaded.spec.layers).toEqual(network.spec.layers);
    network.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
