import * as tf from "@tensorflow/tfjs";
import {beforeEach, describe, expect, it} from "vitest";
import {useBackend} from "../testing/backends.js";
import {gradientNormsByLength, gradientNormsByLengthStream, inputGradientByTimestep} from "./vanishing-gradient.js";

beforeEach(() => useBackend("wasm"));

describe("vanishing gradient experiments", () => {
  it("computes the seed's mean gradient norm over the 5 trainable variables for each length", () => {
    const before = tf.memory().numTensors;
    const results = gradientNormsByLength([10, 20, 50, 100], {hiddenSize: 16});
    expect(results.map((r) => r.length)).toEqual([10, 20, 50, 100]);
    for (const r of results) {
      expect(r.variableNorms.length).toBe(5);
      expect(r.meanGradientNorm).toBeCloseTo(r.variableNorms.reduce((a, b) => a + b) / 5, 6);
      expect(r.meanGradientNorm).toBeGreaterThan(0);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it("shows ‖∂L/∂x_t‖ shrinking from the last timestep back to the first", () => {
    const norms = inputGradientByTimestep(40, {hiddenSize: 16, seed: 1});
    expect(norms.length).toBe(40);
    expect(norms[0]).toBeLessThan(norms[39] / 10);
  });

  it("streams the same results one length at a time", async () => {
    const streamed: number[][] = [];
    for await (const partial of gradientNormsByLengthStream([5, 9], {hiddenSize: 8, seed: 2}))
      streamed.push(partial.map((r) => r.meanGradientNorm));
    const whole = gradientNormsByLength([5, 9], {hiddenSize: 8, seed: 2}).map((r) => r.meanGradientNorm);
    expect(streamed).toEqual([whole.slice(0, 1), whole]);
  });

  it("is reproducible for a seed and names bad lengths", () => {
    expect(gradientNormsByLength([12], {hiddenSize: 8, seed: 3})).toEqual(
      gradientNormsByLength([12], {hiddenSize: 8, seed: 3})
    );
    expect(() => gradientNormsByLength([10, 0])).toThrow(/lengths\[1\]/);
  });

  it("runs with the largest seed: the next length's seed wraps to 0", () => {
    const [, wrapped] = gradientNormsByLength([5, 6], {hiddenSize: 8, seed: 4294967295});
    expect(wrapped).toEqual(gradientNormsByLength([6], {hiddenSize: 8, seed: 0})[0]);
    expect(() => gradientNormsByLength([5], {hiddenSize: 8, seed: -1})).toThrow(RangeError);
  });
});
