import * as tf from "@tensorflow/tfjs";
import {describe, expect, it} from "vitest";
import {RandomState} from "./mt19937.js";
import {randn} from "./randn.js";

// numpy 1.26: np.random.RandomState(0).randn(6)
const NUMPY_RANDN_SEED_0 = [
  1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458, 1.8675579901499675, -0.977277879876411
];

describe("randn (numpy's legacy normal draws)", () => {
  it("draws numpy's values for a seed, the second of each pair kept for the next call", () => {
    const rng = new RandomState(0);
    const draws = Array.from({length: 6}, () => rng.gauss());
    draws.forEach((value, i) => expect(value).toBeCloseTo(NUMPY_RANDN_SEED_0[i], 14));
  });

  it("gives a tensor of the shape, in numpy's order, across the slices it is drawn in", async () => {
    const shape = [4, 50, 300];
    const tensor = await randn(shape, {seed: 0, sliceMs: 0});
    try {
      expect(tensor.shape).toEqual(shape);
      expect(tensor.dtype).toBe("float32");
      const values = tensor.dataSync();
      const rng = new RandomState(0);
      const expected = Float32Array.from({length: values.length}, () => rng.gauss());
      expect(values).toEqual(expected);
      expect(values[1]).toBeCloseTo(NUMPY_RANDN_SEED_0[1], 6);
    } finally {
      tensor.dispose();
    }
  });

  it("rejects with an AbortError and leaves no tensor once aborted", async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const drawing = randn([1000, 1000], {seed: 1, signal: controller.signal});
    controller.abort();
    await expect(drawing).rejects.toMatchObject({name: "AbortError"});
    expect(tf.memory().numTensors).toBe(before);
  });

  it("rejects a shape that is not one", async () => {
    await expect(randn([2, -3], {seed: 1})).rejects.toThrow(RangeError);
  });
});
