import * as tf from "@tensorflow/tfjs";
import type {Network} from "../models/network.js";
import {padSequences} from "../text/pad-sequences.js";
import type {Tokenizer} from "../text/tokenizer.js";
import {predictProbabilities} from "../train/fit.js";
import {FusedRnnTrainer} from "../train/fused/fused-trainer.js";

export interface TrainedPair {
  network: Network;
  tokenizer: Tokenizer;
  maxLength: number;
}

export interface Prediction {
  text: string;
  /** Probability of "positive", in [0, 1]. */
  score: number;
  positive: boolean;
  /** Tokens the model sees (after the tokenizer and truncation), oldest first. */
  tokens: string[];
  /** Words of the text that the tokenizer does not know (or that fall outside numWords). */
  unknownWords: string[];
  /** True when no word of the text is known: the score is the model's answer to pure padding. */
  noKnownWord: boolean;
}

/** The seed's `predict_sentiment`, plus what a reader needs to trust the score. */
export function predictSentiment(text: string, pair: TrainedPair): Prediction {
  return predictSentiments([text], pair)[0];
}

export function predictSentiments(texts: string[], {network, tokenizer, maxLength}: TrainedPair): Prediction[] {
  if (!Array.isArray(texts)) throw new TypeError("texts must be an array of strings");
  texts.forEach((t, i) => {
    if (typeof t !== "string") throw new TypeError(`text ${i} must be a string, got ${t === null ? "null" : typeof t}`);
  });
  const sequences = tokenizer.textsToSequences(texts);
  const rows = padSequences(sequences, {maxlen: maxLength});
  const scores = predictProbabilities(network, rows);
  return texts.map((text, i) => {
    const known = new Set(tokenizer.sequencesToTexts([sequences[i]])[0].split(" ").filter(Boolean));
    const words = tokenizer.tokenize(text);
    const kept = Array.from(rows[i])
      .filter((id) => id !== 0)
      .map((id) => tokenizer.indexWord.get(id) ?? "?");
    return {
      text,
      score: scores[i],
      positive: scores[i] > 0.5,
      tokens: kept,
      unknownWords: [...new Set(words.filter((w) => !known.has(w)))],
      noKnownWord: sequences[i].length === 0
    };
  });
}

export interface HiddenStates {
  text: string;
  /** states[t][unit], for every padded position t. */
  states: number[][];
  /** ‖h_t‖ for every position. */
  norms: number[];
  /** The token at each position, or null for padding (pre-padding puts the words last). */
  tokens: (string | null)[];
}

/**
 * The §6 visualisation's data: every hidden state for a phrase, with the token of each position aligned
 * to the padding (the seed labelled the first positions with the words, though 'pre' padding puts them last).
 */
export function hiddenStates(text: string, {network, tokenizer, maxLength}: TrainedPair): HiddenStates {
  if (typeof text !== "string")
    throw new TypeError(`text must be a string, got ${text === null ? "null" : typeof text}`);
  const [row] = padSequences(tokenizer.textsToSequences([text]), {maxlen: maxLength});
  // The fused kernels, once loaded, run the recurrence in two calls; tfjs's layers take a few ops per step.
  const fused = FusedRnnTrainer.forInference(network, 1);
  const states = fused
    ? fused.stepStates(row)
    : tf.tidy(
        () =>
          network
            .hiddenStates(tf.tensor2d(row, [1, maxLength], "int32"))
            .squeeze([0])
            .arraySync() as number[][]
      );
  return {
    text,
    states,
    norms: states.map((h) => Math.hypot(...h)),
    tokens: Array.from(row, (id) => (id === 0 ? null : (tokenizer.indexWord.get(id) ?? null)))
  };
}
