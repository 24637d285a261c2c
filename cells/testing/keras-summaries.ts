import {
  baselineSpec,
  manyToManySpec,
  manyToOneSpec,
  oneToManySpec,
  sentimentRnnSpec,
  simpleRnnSpec
} from "../models/builders.js";
import type {ModelSpec} from "../models/spec.js";

/** One row of Keras's `model.summary()`: layer name, type, output shape, parameter count. */
export type KerasRow = [name: string, type: string, outputShape: string, params: number];

/** What Keras prints for each of the essay's models at the seed's sizes. */
export const KERAS_SUMMARIES: Record<string, {spec: ModelSpec; rows: KerasRow[]}> = {
  "§3 simple RNN": {
    spec: simpleRnnSpec(),
    rows: [
      ["simple_rnn", "SimpleRNN", "(None, 128)", 54912],
      ["dense", "Dense", "(None, 2)", 258]
    ]
  },
  "§5 sentiment RNN": {
    spec: sentimentRnnSpec(),
    rows: [
      ["embedding", "Embedding", "(None, 20, 100)", 100000],
      ["simple_rnn", "SimpleRNN", "(None, 128)", 29312],
      ["dropout", "Dropout", "(None, 128)", 0],
      ["dense", "Dense", "(None, 1)", 129]
    ]
  },
  "§4 one to many": {
    spec: oneToManySpec(),
    rows: [
      ["dense", "Dense", "(None, 256)", 131328],
      ["repeat_vector", "RepeatVector", "(None, 20, 256)", 0],
      ["simple_rnn", "SimpleRNN", "(None, 20, 256)", 131328],
      ["time_distributed", "TimeDistributed", "(None, 20, 10000)", 2570000]
    ]
  },
  "§4 many to one": {
    spec: manyToOneSpec(),
    rows: [
      ["simple_rnn", "SimpleRNN", "(None, 128)", 54912],
      ["dense", "Dense", "(None, 5)", 645]
    ]
  },
  "§4 many to many": {
    spec: manyToManySpec(),
    rows: [
      ["simple_rnn", "SimpleRNN", "(None, 50, 128)", 54912],
      ["time_distributed", "TimeDistributed", "(None, 50, 10)", 1290]
    ]
  },
  "§7 baseline": {
    spec: baselineSpec(),
    rows: [
      ["embedding", "Embedding", "(None, 20, 100)", 100000],
      ["global_average_pooling1d", "GlobalAveragePooling1D", "(None, 100)", 0],
      ["dense", "Dense", "(None, 64)", 6464],
      ["dropout", "Dropout", "(None, 64)", 0],
      ["dense_1", "Dense", "(None, 1)", 65]
    ]
  }
};
