import * as tf from "@tensorflow/tfjs";
import {beforeAll, describe, expect, it} from "vitest";
import {disposeLayersModel, toLayersModel} from "../io/layers-model.js";
import {useBackend} from "../testing/backends.js";
import {KERAS_SUMMARIES} from "../testing/keras-summaries.js";
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
    expect(rows(simpleRnnSpec())).toEqual(KERAS_SUMMARIES["§3 simple RNN"].rows);
    expect(summary(simpleRnnSpec()).totalParams).toBe(55170);
  });

  it("§5 sentiment RNN: 129 441 parameters; hidden 64 gives a 10 560-parameter SimpleRNN", () => {
    expect(rows(sentimentRnnSpec())).toEqual(KERAS_SUMMARIES["§5 sentiment RNN"].rows);
    expect(summary(sentimentRnnSpec()).totalParams).toBe(129441);
    expect(summary(sentimentRnnSpec({hiddenSize: 64})).rows[1].params).toBe(10560);
    // the former name of the option is still read
    expect(sentimentRnnSpec({hiddenDim: 64})).toEqual(sentimentRnnSpec({hiddenSize: 64}));
  });

  it("§4 architectures and §7 baseline", () => {
    expect(rows(oneToManySpec())).toEqual(KERAS_SUMMARIES["§4 one to many"].rows);
    expect(rows(manyToOneSpec())).toEqual(KERAS_SUMMARIES["§4 many to one"].rows);
    expect(rows(manyToManySpec())).toEqual(KERAS_SUMMARIES["§4 many to many"].rows);
    expect(rows(baselineSpec())).toEqual(KERAS_SUMMARIES["§7 baseline"].rows);
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
