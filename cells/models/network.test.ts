import * as tf from "@tensorflow/tfjs";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {maxAbsDiff} from "../testing/max-abs-diff.js";
import {disposeLayersModel, toLayersModel} from "../io/layers-model.js";
import {RandomState} from "../random/mt19937.js";
import {glorotUniform, orthogonal} from "../random/initializers.js";
import {nodeBackends, useBackend} from "../testing/backends.js";
import {baselineSpec, manyToManySpec, oneToManySpec, sentimentRnnSpec, simpleRnnSpec} from "./builders.js";
import {Network, useAutodiffRnn} from "./network.js";
import type {ModelSpec} from "./spec.js";

beforeEach(() => useBackend("cpu"));
afterEach(() => expect(tf.memory().numTensors).toBe(0));

describe("Keras initialisers", () => {
  it("orthogonal gives QᵀQ = I, also for non-square shapes", () => {
    for (const [rows, cols] of [
      [64, 64],
      [30, 10],
      [10, 30]
    ]) {
      const q = orthogonal(rows, cols, new RandomState(3));
      const small = Math.min(rows, cols);
      for (let i = 0; i < small; ++i) {
        for (let j = 0; j < small; ++j) {
          let dot = 0;
          for (let k = 0; k < Math.max(rows, cols); ++k)
            dot += rows >= cols ? q[k * cols + i] * q[k * cols + j] : q[i * cols + k] * q[j * cols + k];
          expect(dot).toBeCloseTo(i === j ? 1 : 0, 5);
        }
      }
    }
  });

  it("glorot uniform stays within ±sqrt(6 / (fanIn + fanOut)) and fills it", () => {
    const values = glorotUniform(100, 128, new RandomState(1));
    const limit = Math.sqrt(6 / 228);
    expect(Math.max(...values)).toBeLessThanOrEqual(limit);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-limit);
    expect(Math.max(...values)).toBeGreaterThan(0.95 * limit);
  });

  it("toData hands out arrays the caller owns: transferring them away leaves the network intact (cpu backend)", () => {
    const network = Network.create(sentimentRnnSpec({hiddenSize: 8}), {seed: 7});
    const before = network.toData().weights.map((w) => w.values.slice());
    const sent = network.toData();
    structuredClone(sent, {transfer: sent.weights.map((w) => w.values.buffer)});
    expect(sent.weights[0].values.length, "the transfer detached the copies").toBe(0);
    network.toData().weights.forEach((w, i) => expect(maxAbsDiff(w.values, before[i])).toBe(0));
    network.dispose();
  });

  it("a seed makes a model's initial weights reproducible; biases start at zero", () => {
    const a = Network.create(sentimentRnnSpec({hiddenSize: 8}), {seed: 7});
    const b = Network.create(sentimentRnnSpec({hiddenSize: 8}), {seed: 7});
    const c = Network.create(sentimentRnnSpec({hiddenSize: 8}), {seed: 8});
    const [da, db, dc] = [a, b, c].map((n) => n.toData().weights);
    expect(da.map((w) => w.name)).toEqual([
      "embedding/embeddings",
      "simple_rnn/simple_rnn_cell/kernel",
      "simple_rnn/simple_rnn_cell/recurrent_kernel",
      "simple_rnn/simple_rnn_cell/bias",
      "dense/kernel",
      "dense/bias"
    ]);
    da.forEach((w, i) => expect(maxAbsDiff(w.values, db[i].values)).toBe(0));
    expect(maxAbsDiff(da[1].values, dc[1].values)).toBeGreaterThan(0);
    expect(Math.max(...da[3].values.map(Math.abs))).toBe(0);
    expect(Math.max(...da[0].values.map(Math.abs))).toBeLessThanOrEqual(0.05);
    [a, b, c].forEach((n) => n.dispose());
  });
});

/** Mean binary cross-entropy on probabilities, the same function for both models. */
const bce = (y: tf.Tensor, p: tf.Tensor) => {
  const q = p.reshape([-1]).clipByValue(1e-7, 1 - 1e-7);
  return y
    .mul(q.log())
    .add(tf.scalar(1).sub(y).mul(tf.scalar(1).sub(q).log()))
    .mean()
    .neg() as tf.Scalar;
};

const idsBatch = (rng: RandomState, batch: number, length: number, vocab: number) =>
  tf.tensor2d(
    Int32Array.from({length: batch * length}, () => Math.floor(rng.randomSample() * vocab)),
    [batch, length],
    "int32"
  );

describe.each(nodeBackends)("the lean network equals stock tfjs layers (%s backend)", (backend) => {
  it("forward outputs agree for every model of the seed (≤ 1e-4)", async () => {
    await useBackend(backend);
    const rng = new RandomState(11);
    const cases: [ModelSpec, tf.Tensor][] = [
      [sentimentRnnSpec({vocabSize: 50, embeddingDim: 8, hiddenSize: 12, maxLength: 6}), idsBatch(rng, 4, 6, 50)],
      [baselineSpec({vocabSize: 50, embeddingDim: 8, maxLength: 6, denseUnits: 5}), idsBatch(rng, 4, 6, 50)],
      [simpleRnnSpec({inputSize: 7, hiddenSize: 9, sequenceLength: 5}), tf.randomNormal([3, 5, 7], 0, 1, "float32", 1)],
      [
        manyToManySpec({sequenceLength: 5, inputSize: 7, hiddenSize: 6, outputSize: 4}),
        tf.randomNormal([3, 5, 7], 0, 1, "float32", 2)
      ],
      [
        oneToManySpec({inputSize: 7, hiddenSize: 6, outputLength: 4, vocabSize: 9}),
        tf.randomNormal([3, 7], 0, 1, "float32", 3)
      ]
    ];
    for (const [spec, x] of cases) {
      const network = Network.create(spec, {seed: 5});
      const model = toLayersModel(network);
      const ours = tf.tidy(() => network.apply(x).dataSync());
      const stock = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
      expect(maxAbsDiff(ours, stock), spec.name).toBeLessThanOrEqual(1e-4);
      disposeLayersModel(model);
      network.dispose();
      x.dispose();
    }
  });

  it("every gradient of the sentiment model agrees (≤ 1e-4)", async () => {
    await useBackend(backend);
    // Stock tfjs's Embedding gradient (UnsortedSegmentSum) exists only on cpu: compare ours there,
    // and check on wasm that ours matches the cpu reference computed with stock layers.
    const spec = sentimentRnnSpec({vocabSize: 40, embeddingDim: 6, hiddenSize: 10, maxLength: 7, dropout: 0});
    const rng = new RandomState(4);
    const xs = idsBatch(rng, 5, 7, 40);
    const ys = tf.tensor1d([1, 0, 1, 1, 0]);
    const network = Network.create(spec, {seed: 9});
    const ours = tf.tidy(() => {
      const {grads} = tf.variableGrads(() => bce(ys, network.apply(xs)), network.variables);
      return network.variables.map((v) => grads[v.name].dataSync());
    });
    await useBackend("cpu");
    const model = toLayersModel(network);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const stock = tf.tidy(() => {
      const {grads} = tf.variableGrads(() => bce(ys, model.apply(xs, {training: true}) as tf.Tensor), variables);
      return variables.map((v) => grads[v.name].dataSync());
    });
    expect(ours.length).toBe(6);
    ours.forEach((g, i) => expect(maxAbsDiff(g, stock[i]), `gradient ${i}`).toBeLessThanOrEqual(1e-4));
    expect(Math.max(...ours[0].map(Math.abs))).toBeGreaterThan(0);
    disposeLayersModel(model);
    network.dispose();
    xs.dispose();
    ys.dispose();
  });
});

describe.each(nodeBackends)("hand-written BPTT (%s backend)", (backend) => {
  it("gives tfjs autodiff's gradients, with dropout and recurrent dropout masks, for any length", async () => {
    await useBackend(backend);
    for (const maxLength of [1, 2, 9]) {
      const spec = sentimentRnnSpec({
        vocabSize: 30,
        embeddingDim: 5,
        hiddenSize: 7,
        maxLength,
        dropout: 0.3,
        recurrentDropout: 0.4
      });
      const network = Network.create(spec, {seed: 2});
      const xs = idsBatch(new RandomState(8), 6, maxLength, 30);
      const ys = tf.tensor1d([1, 0, 0, 1, 1, 0]);
      const gradients = (autodiff: boolean) => {
        useAutodiffRnn(autodiff);
        try {
          const rng = new RandomState(99); // same masks both times
          return tf.tidy(() => {
            const {value, grads} = tf.variableGrads(
              () => bce(ys, network.apply(xs, {training: true, rng})),
              network.variables
            );
            // autodiff gives no gradient for U when a sequence has one step (U is not used): zeros
            return [value.dataSync(), ...network.variables.map((v) => (grads[v.name] ?? tf.zerosLike(v)).dataSync())];
          });
        } finally {
          useAutodiffRnn(false);
        }
      };
      const [ours, reference] = [gradients(false), gradients(true)];
      ours.forEach((g, i) =>
        expect(maxAbsDiff(g, reference[i]), `length ${maxLength}, tensor ${i}`).toBeLessThanOrEqual(1e-5)
      );
      network.dispose();
      tf.dispose([xs, ys]);
    }
  });
});
