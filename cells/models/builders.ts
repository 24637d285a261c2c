import {checkRate, checkSize, type ModelSpec} from "./spec.js";

/** The seed's models, with the seed's values as defaults and every size a parameter. */

/** §3 `create_simple_rnn`: SimpleRNN(tanh) → Dense softmax. 300/128/2/10 → 55 170 parameters. */
export function simpleRnnSpec({
  inputSize = 300,
  hiddenSize = 128,
  outputSize = 2,
  sequenceLength = 10
} = {}): ModelSpec {
  checkSize(inputSize, "inputSize");
  checkSize(hiddenSize, "hiddenSize");
  checkSize(outputSize, "outputSize");
  checkSize(sequenceLength, "sequenceLength");
  return {
    name: "sequential",
    inputShape: [sequenceLength, inputSize],
    layers: [
      {
        type: "SimpleRNN",
        units: hiddenSize,
        returnSequences: false,
        activation: "tanh",
        dropout: 0,
        recurrentDropout: 0
      },
      {type: "Dense", units: outputSize, activation: "softmax"}
    ]
  };
}

/** §4 one-to-many (generation): Dense relu → RepeatVector → SimpleRNN(seq) → TimeDistributed(Dense softmax). */
export function oneToManySpec({
  inputSize = 512,
  hiddenSize = 256,
  outputLength = 20,
  vocabSize = 10000
} = {}): ModelSpec {
  checkSize(inputSize, "inputSize");
  checkSize(hiddenSize, "hiddenSize");
  checkSize(outputLength, "outputLength");
  checkSize(vocabSize, "vocabSize");
  return {
    name: "one_to_many",
    inputShape: [inputSize],
    layers: [
      {type: "Dense", units: hiddenSize, activation: "relu"},
      {type: "RepeatVector", n: outputLength},
      {
        type: "SimpleRNN",
        units: hiddenSize,
        returnSequences: true,
        activation: "tanh",
        dropout: 0,
        recurrentDropout: 0
      },
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
  checkSize(sequenceLength, "sequenceLength");
  checkSize(inputSize, "inputSize");
  checkSize(hiddenSize, "hiddenSize");
  checkSize(outputSize, "outputSize");
  return {
    name: "many_to_many",
    inputShape: [sequenceLength, inputSize],
    layers: [
      {
        type: "SimpleRNN",
        units: hiddenSize,
        returnSequences: true,
        activation: "tanh",
        dropout: 0,
        recurrentDropout: 0
      },
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
  checkSize(vocabSize, "vocabSize");
  checkSize(embeddingDim, "embeddingDim");
  checkSize(hiddenSize, "hiddenSize");
  checkSize(maxLength, "maxLength");
  checkRate(dropout, "dropout");
  checkRate(recurrentDropout, "recurrentDropout");
  return {
    name: "sentiment_rnn",
    inputShape: [maxLength],
    layers: [
      {type: "Embedding", inputDim: vocabSize, outputDim: embeddingDim},
      {type: "SimpleRNN", units: hiddenSize, returnSequences: false, activation: "tanh", dropout, recurrentDropout},
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
  checkSize(vocabSize, "vocabSize");
  checkSize(embeddingDim, "embeddingDim");
  checkSize(maxLength, "maxLength");
  checkSize(denseUnits, "denseUnits");
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
