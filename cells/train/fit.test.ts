import * as tf from "@tensorflow/tfjs";
import {beforeEach, describe, expect, it} from "vitest";
import {sentimentRnnSpec} from "../models/builders.js";
import {Network} from "../models/network.js";
import {useBackend} from "../testing/backends.js";
import {seedData} from "../testing/seed-data.js";
import {evaluate, evaluateInSlices, fit, predictProbabilities, train, type EpochUpdate} from "./fit.js";

const data = seedData();

async function collect(generator: AsyncGenerator<EpochUpdate, unknown>): Promise<EpochUpdate[]> {
  const updates: EpochUpdate[] = [];
  for await (const update of generator) updates.push(update);
  return updates;
}

beforeEach(() => useBackend("wasm"));

describe("fit (Keras semantics, lean network)", () => {
  it("trains the seed model to ≥ 0.95 train accuracy and streams Keras-named logs each epoch", async () => {
    const before = tf.memory().numTensors;
    const network = Network.create(sentimentRnnSpec(), {seed: 42});
    const updates = await collect(fit(network, data.train, {epochs: 10, validationSplit: 0.2, seed: 42}));
    expect(updates.map((u) => u.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(updates.map((u) => u.progress)).toEqual(updates.map((_, i) => (i + 1) / 10));
    const last = updates[9];
    expect(Object.keys(last.logs)).toEqual(["loss", "accuracy", "val_loss", "val_accuracy"]);
    expect(last.history.loss.length).toBe(10);
    expect(last.logs.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(last.logs.loss).toBeLessThan(updates[0].logs.loss);
    const test = evaluate(network, data.test);
    expect(test.accuracy).toBeGreaterThanOrEqual(0.9);
    const scores = predictProbabilities(network, data.test.x.slice(0, 8));
    scores.forEach((s, i) => expect(s > 0.5 ? 1 : 0, `row ${i}`).toBe(data.test.y[i]));
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("is reproducible with a seed (same history to 1e-6), and differs with another seed", async () => {
    const run = async (seed: number) => {
      const network = Network.create(sentimentRnnSpec({hiddenSize: 32}), {seed});
      const updates = await collect(fit(network, data.train, {epochs: 2, validationSplit: 0.2, seed}));
      network.dispose();
      return updates.flatMap((u) => [u.logs.loss, u.logs.accuracy, u.logs.val_loss!, u.logs.val_accuracy!]);
    };
    const [a, b, c] = [await run(3), await run(3), await run(4)];
    a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(1e-6));
    expect(a[0]).not.toBe(c[0]);
  });

  it("holds out the last rows for validation, as Keras does (409 train / 103 validation of 512)", async () => {
    const network = Network.create(sentimentRnnSpec({hiddenSize: 8}), {seed: 1});
    const seen: number[] = [];
    await collect(
      fit(network, data.train, {epochs: 1, validationSplit: 0.2, seed: 1, onBatch: (b, n) => seen.push(n)})
    );
    expect(seen.length).toBe(Math.ceil(409 / 32));
    network.dispose();
  });

  it("stops within one batch when aborted, frees everything, and says it was aborted", async () => {
    const before = tf.memory().numTensors;
    const network = Network.create(sentimentRnnSpec({hiddenSize: 16}), {seed: 1});
    const controller = new AbortController();
    const batches: number[] = [];
    const run = collect(
      fit(network, data.train, {
        epochs: 5,
        signal: controller.signal,
        onBatch: (b, _n, epoch) => {
          batches.push(b);
          if (epoch === 2 && b === 3) controller.abort();
        }
      })
    );
    await expect(run).rejects.toBeInstanceOf(DOMException);
    await expect(run).rejects.toHaveProperty("name", "AbortError");
    expect(batches.length).toBe(16 + 3);
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("frees everything after a fit that throws mid-way", async () => {
    const before = tf.memory().numTensors;
    const network = Network.create(sentimentRnnSpec({hiddenSize: 16}), {seed: 1});
    const failing = collect(
      fit(network, data.train, {
        epochs: 2,
        onBatch: (b) => {
          if (b === 2) throw new Error("disk full");
        }
      })
    );
    await expect(failing).rejects.toThrow("disk full");
    network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("train(spec, data) streams epochs and finishes with the weights, leaving no tensor behind", async () => {
    const before = tf.memory().numTensors;
    const values: unknown[] = [];
    for await (const value of train(sentimentRnnSpec({hiddenSize: 8}), data.train, {epochs: 2, seed: 2}))
      values.push(value);
    const final = values.at(-1) as {done: true; weights: {weights: {name: string}[]}};
    expect(values.length).toBe(3);
    expect(final.done).toBe(true);
    expect(final.weights.weights.map((w) => w.name)[2]).toBe("simple_rnn/simple_rnn_cell/recurrent_kernel");
    expect(tf.memory().numTensors).toBe(before);
  });

  it("trains on the cpu backend too", async () => {
    await useBackend("cpu");
    const network = Network.create(sentimentRnnSpec({hiddenSize: 16}), {seed: 1});
    const small = {x: data.train.x.slice(0, 64), y: data.train.y.slice(0, 64)};
    const [update] = await collect(fit(network, small, {epochs: 1, seed: 1}));
    expect(Number.isFinite(update.logs.loss)).toBe(true);
    network.dispose();
  });

  it("evaluates in slices with the same loss and accuracy, and stops with an AbortError", async () => {
    const network = Network.create(sentimentRnnSpec({hiddenSize: 16}), {seed: 3});
    try {
      for (const kernels of ["auto", "tfjs"] as const) {
        const whole = evaluate(network, data.test, {kernels, batchSize: data.test.x.length});
        const sliced = await evaluateInSlices(network, data.test, {kernels, batchSize: 7});
        expect(sliced.loss).toBeCloseTo(whole.loss, 5);
        expect(sliced.accuracy).toBeCloseTo(whole.accuracy, 6);
      }
      const controller = new AbortController();
      const evaluating = evaluateInSlices(network, data.test, {batchSize: 7, signal: controller.signal});
      controller.abort();
      await expect(evaluating).rejects.toMatchObject({name: "AbortError"});
    } finally {
      network.dispose();
    }
  });

  it("names bad options and data", async () => {
    const network = Network.create(sentimentRnnSpec({hiddenSize: 4}), {seed: 1});
    await expect(collect(fit(network, data.train, {epochs: 0}))).rejects.toThrow(/epochs/);
    await expect(collect(fit(network, data.train, {validationSplit: 1}))).rejects.toThrow(/validationSplit/);
    await expect(collect(fit(network, {x: [Int32Array.of(1, 5000)], y: [1]}))).rejects.toThrow(
      /outside the vocabulary/
    );
    network.dispose();
  });
});
