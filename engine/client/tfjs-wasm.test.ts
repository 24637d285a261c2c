import * as tf from "@tensorflow/tfjs";
import {afterAll, beforeAll, describe, expect, it, vi} from "vitest";
import {BackendWasm} from "./tfjs-wasm.js";

/** A tensor's values and shape on the cpu backend, the reference. */
async function onCpu(make: () => tf.Tensor | tf.Tensor[]): Promise<{shape: number[]; values: unknown}[]> {
  await tf.setBackend("cpu");
  const result = tf.tidy(() => [make()].flat().map((t) => ({shape: t.shape, values: t.arraySync()})));
  await tf.setBackend("wasm");
  return result;
}

describe("the wasm backend's kernel setup", () => {
  afterAll(async () => {
    await tf.setBackend("cpu");
  });

  // First in this file: the kernels' first use.
  it("is not done when the backend starts, and kernels that call others directly work on first use", async () => {
    await tf.setBackend("wasm");
    await tf.ready();
    expect(tf.getKernelsForBackend("wasm").filter((kernel) => kernel.setupFunc)).toEqual([]);
    // A sum over the first axis transposes its input through the Transpose kernel's function, not the registry.
    const sums = tf.tidy(() => tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]).sum(0).arraySync());
    expect(sums).toEqual([5, 7, 9]);
    const cumulative = tf.tidy(() => tf.tensor2d([1, 2, 3, 4], [2, 2]).cumsum(0).arraySync());
    expect(cumulative).toEqual([
      [1, 2],
      [4, 6]
    ]);
  });
});

describe("the wasm backend's Slice and Unpack", () => {
  beforeAll(async () => {
    await tf.setBackend("wasm");
    await tf.ready();
  });
  afterAll(async () => {
    await tf.setBackend("cpu");
  });

  const x = () => tf.tidy(() => tf.range(0, 2 * 3 * 4 * 5).reshape([2, 3, 4, 5]));
  const cases: [string, (t: tf.Tensor) => tf.Tensor | tf.Tensor[]][] = [
    ["a contiguous block", (t) => t.slice([1, 0, 0, 0], [1, 3, 4, 5])],
    ["a strided block of rank 4", (t) => t.slice([0, 1, 1, 2], [2, 2, 3, 3])],
    ["a block of rank 2", (t) => t.reshape([6, 20]).slice([2, 3], [3, 7])],
    ["a block of rank 5", (t) => t.reshape([2, 3, 2, 2, 5]).slice([1, 1, 0, 1, 1], [1, 2, 2, 1, 3])],
    ["an empty block", (t) => t.slice([0, 0, 0, 0], [2, 0, 4, 5])],
    ["int32 values", (t) => t.toInt().slice([0, 2, 1, 0], [2, 1, 2, 5])],
    ["bool values", (t) => t.greater(50).slice([1, 0, 2, 1], [1, 3, 2, 3])],
    ["unstacked on the first axis", (t) => tf.unstack(t, 0)],
    ["unstacked on a middle axis", (t) => tf.unstack(t, 2)],
    ["unstacked on the last axis (negative)", (t) => tf.unstack(t, -1)]
  ];
  for (const [name, op] of cases) {
    it(`gives what the cpu backend gives: ${name}`, async () => {
      const expected = await onCpu(() => op(x()));
      const got = tf.tidy(() => [op(x())].flat().map((t) => ({shape: t.shape, values: t.arraySync()})));
      expect(got).toEqual(expected);
    });
  }

  it("takes a part without copying the whole input out of the heap", () => {
    const readSync = vi.spyOn(BackendWasm.prototype, "readSync");
    const input = tf.randomNormal([10, 32, 300]);
    const steps = tf.unstack(input);
    const part = input.slice([0, 1, 0], [10, 2, 300]);
    expect(readSync).not.toHaveBeenCalled();
    expect(steps[3].arraySync()).toEqual((input.arraySync() as number[][][])[3]);
    readSync.mockRestore();
    tf.dispose([input, part, ...steps]);
  });

  it("reads its input after making room for its output, which may grow the heap", () => {
    const input = tf.tidy(() => tf.range(0, 3000 * 2000, 1, "int32").reshape([3000, 2000]));
    const part = input.slice([0, 1], [3000, 1999]);
    expect(
      [part.slice([0, 0], [1, 2]).dataSync(), part.slice([2999, 1997], [1, 2]).dataSync()].map((v) => [...v])
    ).toEqual([
      [1, 2],
      [2999 * 2000 + 1998, 2999 * 2000 + 1999]
    ]);
    tf.dispose([input, part]);
  });

  it("leaves string tensors to the package's kernel", () => {
    const words = tf.tensor2d([
      ["a", "b", "c"],
      ["d", "e", "f"]
    ]);
    expect(words.slice([1, 1], [1, 2]).arraySync()).toEqual([["e", "f"]]);
    expect(tf.unstack(words, 1).map((t) => t.arraySync())).toEqual([
      ["a", "d"],
      ["b", "e"],
      ["c", "f"]
    ]);
    words.dispose();
  });

  it("frees what it makes", () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.unstack(x(), 1).map((t) => t.slice([0, 1], [1, 2]));
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
