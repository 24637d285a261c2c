import * as tf from "@tensorflow/tfjs";
import {beforeAll, describe, expect, it} from "vitest";
import {disposeLayersModel, toLayersModel} from "../io/layers-model.js";
import {useBackend} from "../testing/backends.js";
import {
  baselineSpec,
  manyToManySpec,
  manyToOneSpec,
  oneToManySpec,
  sentimentRnnSpec,
  simpleRnnSpec
} from "./builders.js";
import {Network} from "./network.js";
import type {ModelSpec} from "./spec.js";
import {summary, summaryText} from "./summary.js";

const rows = (spec: ModelSpec) => summary(spec).rows.map((r) => [r.name, r.type, r.outputShape, r.params]);

beforeAll(() => useBackend("cpu"));

describe("summary (Keras model.summary as data)", () => {
  it("§3 simple RNN: 55 170 parameters", () => {
    expect(rows(simpleRnnSpec())).toEqual([
      ["simple_rnn", "SimpleRNN", "(None, 128)", 54912],
      ["dense", "Dense", "(None, 2)", 258]
    ]);
    expect(summary(simpleRnnSpec()).totalParams).toBe(55170);
  });

  it("§5 sentiment RNN: 129 441 parameters; hidden 64 gives a 10 560-parameter SimpleRNN", () => {
    expect(rows(sentimentRnnSpec())).toEqual([
      ["embedding", "Embedding", "(None, 20, 100)", 100000],
      ["simple_rnn", "SimpleRNN", "(None, 128)", 29312],
      ["dropout", "Dropout", "(None, 128)", 0],
      ["dense", "Dense", "(None, 1)", 129]
    ]);
    expect(summary(sentimentRnnSpec()).totalParams).toBe(129441);
    expect(summary(sentimentRnnSpec({hiddenSize: 64})).rows[1].params).toBe(10560);
    // the former name of the option is still read
    expect(sentimentRnnSpec({hiddenDim: 64})).toEqual(sentimentRnnSpec({hiddenSize: 64}));
  });

  it("§4 architectures and §7 baseline", () => {
    expect(rows(oneToManySpec())).toEqual([
      ["dense", "Dense", "(None, 256)", 131328],
      ["repeat_vector", "RepeatVector", "(None, 20, 256)", 0],
      ["simple_rnn", "SimpleRNN", "(None, 20, 256)", 131328],
      ["time_distributed", "TimeDistributed", "(None, 20, 10000)", 2570000]
    ]);
    expect(rows(manyToOneSpec())).toEqual([
      ["simple_rnn", "SimpleRNN", "(None, 128)", 54912],
      ["dense", "Dense", "(None, 5)", 645]
    ]);
    expect(rows(manyToManySpec())).toEqual([
      ["simple_rnn", "SimpleRNN", "(None, 50, 128)", 54912],
      ["time_distributed", "TimeDistributed", "(None, 50, 10)", 1290]
    ]);
    expect(rows(baselineSpec())).toEqual([
      ["embedding", "Embedding", "(None, 20, 100)", 100000],
      ["global_average_pooling1d", "GlobalAveragePooling1D", "(None, 100)", 0],
      ["dense", "Dense", "(None, 64)", 6464],
      ["dropout", "Dropout", "(None, 64)", 0],
      ["dense_1", "Dense", "(None, 1)", 65]
    ]);
  });

  it("agrees with stock tfjs layers on output shapes and parameter counts", () => {
    for (const spec of [
      simpleRnnSpec({hiddenSize: 16}),
      manyToManySpec({hiddenSize: 8}),
      baselineSpec({denseUnits: 8}),
      sentimentRnnSpec({hiddenSize: 12}),
      oneToManySpec({hiddenSize: 8, vocabSize: 30})
    ]) {
      const network = Network.create(spec, {seed: 1});
      const model = toLayersModel(network);
      const ours = summary(spec);
      expect(model.countParams()).toBe(ours.totalParams);
      expect(
        model.layers.map(
          (l) => `(${(l.outputShape as (number | null)[]).map((d) => (d === null ? "None" : d)).join(", ")})`
        )
      ).toEqual(ours.rows.map((r) => r.outputShape));
      disposeLayersModel(model);
      network.dispose();
    }
    expect(tf.memory().numTensors).toBe(0);
  });

  it("summarises a built model like its spec", () => {
    const network = Network.create(sentimentRnnSpec({hiddenSize: 64}), {seed: 1});
    expect(summary(network)).toEqual(summary(sentimentRnnSpec({hiddenSize: 64})));
    expect(network.countParams()).toBe(100000 + 10560 + 65);
    network.dispose();
  });

  it("prints like Keras", () => {
    const text = summaryText(summary(sentimentRnnSpec()));
    expect(text).toMatch(/simple_rnn \(SimpleRNN\)\s+\(None, 128\)\s+29,312/);
    expect(text).toMatch(/Total params: 129,441/);
  });

  it("names bad sizes", () => {
    expect(() => sentimentRnnSpec({hiddenSize: 0})).toThrow(/hiddenSize/);
    expect(() => sentimentRnnSpec({dropout: 1})).toThrow(/dropout/);
    expect(() => simpleRnnSpec({inputSize: 2.5})).toThrow(/inputSize/);
  });
});
