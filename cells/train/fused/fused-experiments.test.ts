import * as tf from "@tensorflow/tfjs";
import {describe, expect, it} from "vitest";
import {
  gradientNormsByLength,
  inputGradientByTimestep,
  type LengthGradient
} from "../../experiments/vanishing-gradient.js";
import {useBackend} from "../../testing/backends.js";
import type {JobContext} from "../worker-host.js";
import type {ExperimentOptions} from "../worker-protocol.js";
import {gradientsOnFusedKernels, timestepsOnFusedKernels} from "./fused-experiments.js";

const tfSettings = {backend: "cpu", wasmPath: ""};
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

function context(): JobContext<"gradients"> & {items: LengthGradient[][]} {
  const items: LengthGradient[][] = [];
  return {signal: new AbortController().signal, emit: (value) => void items.push(value), step() {}, items};
}

describe("§8's experiments on the fused kernels", () => {
  const cases: ExperimentOptions[] = [
    {inputSize: 50, hiddenSize: 16, numClasses: 2, batchSize: 8, seed: 4},
    {inputSize: 7, hiddenSize: 24, numClasses: 3, batchSize: 5, seed: 4294967295}
  ];
  for (const options of cases) {
    it(`give vanishing-gradient.ts's norms on tfjs (relative 1e-4), hidden ${options.hiddenSize}, seed ${options.seed}`, async () => {
      await useBackend("cpu");
      const lengths = [1, 3, 12];
      const expected = gradientNormsByLength(lengths, options);
      const jobContext = context();
      const outcome = await gradientsOnFusedKernels({kind: "gradients", tf: tfSettings, lengths, options}, jobContext);
      expect(outcome).toEqual({value: null});
      const results = jobContext.items.at(-1)!;
      expect(jobContext.items).toHaveLength(lengths.length);
      expect(results.map((r) => r.length)).toEqual(lengths);
      results.forEach((r, i) => {
        r.variableNorms.forEach((norm, j) =>
          expect(relative(norm, expected[i].variableNorms[j]), `length ${r.length}, weight ${j}`).toBeLessThan(1e-4)
        );
        expect(relative(r.meanGradientNorm, expected[i].meanGradientNorm)).toBeLessThan(1e-4);
      });

      const timesteps = await timestepsOnFusedKernels({kind: "timesteps", tf: tfSettings, length: 12, options});
      const reference = inputGradientByTimestep(12, options);
      expect(timesteps!.value).toHaveLength(12);
      timesteps!.value.forEach((norm, t) => expect(relative(norm, reference[t]), `t = ${t}`).toBeLessThan(1e-4));
      tf.disposeVariables();
    });
  }

  it("reject the lengths vanishing-gradient.ts rejects, with the same error", async () => {
    const options = cases[0];
    for (const lengths of [[], [3, 0], [2.5]]) {
      const fused = await gradientsOnFusedKernels(
        {kind: "gradients", tf: tfSettings, lengths, options},
        context()
      ).catch((e: Error) => e);
      const reference = (() => {
        try {
          gradientNormsByLength(lengths, options);
          return null;
        } catch (error) {
          return error as Error;
        }
      })();
      expect(fused).toBeInstanceOf(RangeError);
      expect((fused as Error).message).toBe(reference?.message);
    }
  });
});
