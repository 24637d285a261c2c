import type {ModelSpec} from "../models/spec.js";
import type {Tokenizer} from "../text/tokenizer.js";
import {UploadError} from "./upload-error.js";

/**
 * The highest index the tokenizer can put into a sequence, and its word. With `numWords` set, Keras drops
 * indices ≥ numWords (the OOV token's index is still written), so those never reach the model.
 */
export function highestIndex(tokenizer: Tokenizer): {index: number; word: string} | null {
  let highest: {index: number; word: string} | null = null;
  for (const [word, index] of tokenizer.wordIndex) {
    const seen = !tokenizer.numWords || index < tokenizer.numWords || word === tokenizer.oovToken;
    if (seen && (!highest || index > highest.index)) highest = {index, word};
  }
  return highest;
}

/** The model's Embedding must have a row for every index the tokenizer produces (0, the padding, included). */
export function checkVocabulary(spec: ModelSpec, tokenizer: Tokenizer, files: {model: string; tokenizer: string}) {
  const embedding = spec.layers[0];
  if (embedding?.type !== "Embedding") return;
  const highest = highestIndex(tokenizer);
  if (highest && highest.index >= embedding.inputDim) {
    const {inputDim} = embedding;
    throw new UploadError({
      kind: "vocabulary",
      file: files.model,
      tokenizerFile: files.tokenizer,
      inputDim,
      ...highest
    });
  }
}
