import {checkRate, checkSize, type LayerSpec, type ModelSpec} from "./spec.js";

/** The seed's models, with the seed's values as defaults and every size a parameter. */

/** §3 `create_simple_rnn`: SimpleRNN(tanh) → Dense softmax. 300/128/2/10 → 55 170 parameters. */
export function simpleRnnSpec({
  inputSize = 300,
  hiddenSize = 128,
  outputSize = 2,
  sequenceLength = 10
} = {}): ModelSpec {
  checkSizes({inputSize, hiddenSize, outputSize, sequenceLength});
  return {
    name: "sequential",
    inputShape: [sequenceLength, inputSize],
    layers: [simpleRnn(hiddenSize), {type: "Dense", units: outputSize, activation: "softmax"}]
  };
}

/** §4 one-to-many (generation): Dense relu → RepeatVector → SimpleRNN(seq) → TimeDistributed(Dense softmax). */
export function oneToManySpec({
  inputSize = 512,
  hiddenSize = 256,
  outputLength = 20,
  vocabSize = 10000
} = {}): ModelSpec {
  checkSizes({inputSize, hiddenSize, outputLength, vocabSize});
  return {
    name: "one_to_many",
    inputShape: [inputSize],
    layers: [
      {type: "Dense", units: hiddenSize, activation: "relu"},
      {type: "RepeatVector", n: outputLength},
      simpleRnn(hiddenSize, {returnSequences: true}),
      {type: "TimeDistributed", units: vocabSize, activation: "softmax"}
    ]
  };
}

/** §4 many-to-one (classification). Also the model of the §8 vanishing-gradient experiment. */
export function manyToOneSpec({
  sequenceLength = 50,
  inputSize = 300,
  hiddenSize = 128,
  numClasses = 5
} = {}): ModelSpec {
  return {...simpleRnnSpec({inputSize, hiddenSize, outputSize: numClasses, sequenceLength}), name: "many_to_one"};
}

/** §4 many-to-many (tagging): SimpleRNN(seq) → TimeDistributed(Dense softmax). */
export function manyToManySpec({
  sequenceLength = 50,
  inputSize = 300,
  hiddenSize = 128,
  outputSize = 10
} = {}): ModelSpec {
  checkSizes({sequenceLength, inputSize, hiddenSize, outputSize});
  return {
    name: "many_to_many",
    inputShape: [sequenceLength, inputSize],
    layers: [
      simpleRnn(hiddenSize, {returnSequences: true}),
      {type: "TimeDistributed", units: outputSize, activation: "softmax"}
    ]
  };
}

export interface SentimentOptions {
  vocabSize?: number;
  embeddingDim?: number;
  hiddenSize?: number;
  /** The former name of `hiddenSize`, still read: pages written with it keep working. */
  hiddenDim?: number;
  maxLength?: number;
  dropout?: number;
  recurrentDropout?: number;
}

/** §5 `create_sentiment_rnn`: Embedding → SimpleRNN(dropout, recurrent dropout) → Dropout → Dense sigmoid. 129 441 parameters. */
export function sentimentRnnSpec({
  vocabSize = 1000,
  embeddingDim = 100,
  hiddenDim,
  hiddenSize = hiddenDim ?? 128,
  maxLength = 20,
  dropout = 0.3,
  recurrentDropout = dropout
}: SentimentOptions = {}): ModelSpec {
  checkSizes({vocabSize, embeddingDim, hiddenSize, maxLength});
  checkRate(dropout, "dropout");
  checkRate(recurrentDropout, "recurrentDropout");
  return {
    name: "sentiment_rnn",
    inputShape: [maxLength],
    layers: [
      {type: "Embedding", inputDim: vocabSize, outputDim: embeddingDim},
      simpleRnn(hiddenSize, {dropout, recurrentDropout}),
      {type: "Dropout", rate: dropout},
      {type: "Dense", units: 1, activation: "sigmoid"}
    ]
  };
}

/** §7 `create_baseline_model`: Embedding → GlobalAveragePooling1D → Dense relu → Dropout → Dense sigmoid. */
export function baselineSpec({
  vocabSize = 1000,
  embeddingDim = 100,
  maxLength = 20,
  denseUnits = 64,
  dropout = 0.3
} = {}): ModelSpec {
  checkSizes({vocabSize, embeddingDim, maxLength, denseUnits});
  checkRate(dropout, "dropout");
  return {
    name: "baseline",
    inputShape: [maxLength],
    layers: [
      {type: "Embedding", inputDim: vocabSize, outputDim: embeddingDim},
      {type: "GlobalAveragePooling1D"},
      {type: "Dense", units: denseUnits, activation: "relu"},
      {type: "Dropout", rate: dropout},
      {type: "Dense", units: 1, activation: "sigmoid"}
    ]
  };
}

/** Keras's `SimpleRNN(units)` as the seed uses it: tanh, the last state only and no dropout unless asked. */
function simpleRnn(units: number, {returnSequences = false, dropout = 0, recurrentDropout = 0} = {}): LayerSpec {
  return {type: "SimpleRNN", units, returnSequences, activation: "tanh", dropout, recurrentDropout};
}

/** Each size an integer ≥ 1 (the error names the first that is not). */
function checkSizes(sizes: Record<string, number>) {
  for (const [name, value] of Object.entries(sizes)) checkSize(value, name);
}
