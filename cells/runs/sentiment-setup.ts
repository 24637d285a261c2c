import {createSentimentDataset} from "../data/sentiment.js";
import {trainTestSplit} from "../data/split.js";
import {sentimentRnnSpec} from "../models/builders.js";
import type {ModelSpec} from "../models/spec.js";
import {padSequences} from "../text/pad-sequences.js";
import {Tokenizer} from "../text/tokenizer.js";
import type {Dataset} from "../train/data.js";
import type {FitOptions} from "../train/fit.js";
import type {RunConfig} from "./run-config.js";

/** The essay's §5 vocabulary size and validation split. */
export const MAX_WORDS = 1000;
export const VALIDATION_SPLIT = 0.2;

export interface SentimentSetup {
  spec: ModelSpec;
  train: Dataset;
  test: Dataset;
  tokenizer: Tokenizer;
  maxLength: number;
  options: Omit<FitOptions, "signal">;
}

const prepared = new Map<number, {tokenizer: Tokenizer; train: Dataset; test: Dataset}>();

/**
 * What the essay's §5 cells build for a configuration — tokenizer (1 000 words), pre-padding to `maxLength`,
 * split 80/20 with random_state 42, the sentiment model, fit's options — so that replicates and sweeps train
 * exactly what the page would (same data, same key in the result cache). Data are prepared once per length.
 */
export function sentimentSetup(config: RunConfig): SentimentSetup {
  const {maxLength} = config;
  let data = prepared.get(maxLength);
  if (!data) {
    const {texts, labels} = createSentimentDataset();
    const tokenizer = new Tokenizer({numWords: MAX_WORDS}).fitOnTexts(texts);
    const X = padSequences(tokenizer.textsToSequences(texts), {maxlen: maxLength});
    const [xTrain, xTest, yTrain, yTest] = trainTestSplit([X, labels], {testSize: 0.2, randomState: 42}) as [
      Int32Array[],
      Int32Array[],
      Int32Array,
      Int32Array
    ];
    data = {tokenizer, train: {x: xTrain, y: yTrain}, test: {x: xTest, y: yTest}};
    prepared.set(maxLength, data);
  }
  const spec = sentimentRnnSpec({
    vocabSize: MAX_WORDS,
    embeddingDim: config.embeddingDim,
    hiddenSize: config.hiddenSize,
    maxLength,
    dropout: config.dropoutRate,
    recurrentDropout: config.dropoutRate
  });
  const {epochs, batchSize, learningRate, seed} = config;
  return {
    ...data,
    spec,
    maxLength,
    options: {epochs, batchSize, validationSplit: VALIDATION_SPLIT, learningRate, seed}
  };
}
