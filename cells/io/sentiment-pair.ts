import type {TrainedPair} from "../inspect/sentiment.js";
import {Network} from "../models/network.js";
import {layerShapes, type ModelSpec} from "../models/spec.js";
import type {Tokenizer} from "../text/tokenizer.js";
import {readModelFiles, type NamedBlob} from "./model-files.js";
import {readTokenizerFile} from "./tokenizer-file.js";
import {UploadError} from "./upload-error.js";
import type {UploadLanguage} from "./upload-messages.js";
import {checkVocabulary} from "./vocabulary.js";

/**
 * The essay's saved pair (model files + tokenizer file) → a pair that predicts, or an `UploadError` worded in
 * `lang`. Everything is checked first — each file, then that the model is a sentiment model and that its
 * vocabulary covers the tokenizer's indices — and the network is built last, so a refusal leaves no tensor.
 */
export async function loadPairFromFiles(
  modelFiles: readonly NamedBlob[],
  tokenizerFile: NamedBlob,
  {lang = "en"}: {lang?: UploadLanguage} = {}
): Promise<TrainedPair> {
  try {
    const data = await readModelFiles(modelFiles);
    const modelFile = modelFiles.find((f) => f.name.toLowerCase().endsWith(".json"))!.name;
    checkSentimentModel(data.spec, modelFile);
    const tokenizer: Tokenizer = await readTokenizerFile(tokenizerFile);
    checkVocabulary(data.spec, tokenizer, {model: modelFile, tokenizer: tokenizerFile.name});
    return {network: Network.fromData(data), tokenizer, maxLength: data.spec.inputShape[0]};
  } catch (error) {
    throw error instanceof UploadError ? error.in(lang) : error;
  }
}

/** Predictions need ids in (an Embedding first) and one score out; the §6 figures need a SimpleRNN. */
function checkSentimentModel(spec: ModelSpec, file: string) {
  const outputShape = layerShapes(spec).at(-1)!;
  const types = spec.layers.map((l) => l.type);
  const fits = types[0] === "Embedding" && types.includes("SimpleRNN") && outputShape.join() === "1";
  if (!fits) throw new UploadError({kind: "not-sentiment-model", file, layers: types, outputShape});
}
