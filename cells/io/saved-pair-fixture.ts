import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {sentimentRnnSpec} from "../models/builders.js";
import {Network} from "../models/network.js";
import {seedData} from "../testing/seed-data.js";
import {directoryHandler} from "./node-directory.js";
import {saveNetwork} from "./save-load.js";

/**
 * For tests: a pair saved the way the essay's download buttons save it (tfjs layers format through
 * `saveNetwork`, Keras tokenizer JSON), as the bytes a reader would pick, plus the network that was saved
 * (the caller disposes it). `files()` makes fresh File objects, optionally from altered parts.
 */
export async function savedPair({hiddenSize = 8, embeddingDim = 8, vocabSize = 1000, seed = 3} = {}) {
  const {tokenizer, maxLength} = seedData();
  const network = Network.create(sentimentRnnSpec({hiddenSize, embeddingDim, vocabSize, maxLength}), {seed});
  const directory = mkdtempSync(join(tmpdir(), "courant-pair-"));
  try {
    await saveNetwork(network, directoryHandler(directory));
    const modelJson = JSON.parse(readFileSync(join(directory, "model.json"), "utf8"));
    const weights: Uint8Array<ArrayBuffer> = new Uint8Array(readFileSync(join(directory, "weights.bin")));
    const tokenizerJson = tokenizer.toJSON();
    const files = ({
      model = JSON.stringify(modelJson),
      bins = [["weights.bin", weights]] as [string, Uint8Array<ArrayBuffer>][],
      tokenizerText = tokenizerJson
    } = {}) => ({
      model: [new File([model], "model.json"), ...bins.map(([name, bytes]) => new File([bytes], name))],
      tokenizer: new File([tokenizerText], "tokenizer.json")
    });
    return {network, tokenizer, maxLength, modelJson, weights, tokenizerJson, files};
  } finally {
    rmSync(directory, {recursive: true, force: true});
  }
}
