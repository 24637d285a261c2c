import * as tf from "@tensorflow/tfjs";
import {abortError} from "../util/abort-error.js";
import {nextTask} from "../util/next-task.js";
import {RandomState} from "./mt19937.js";

/** Draws between two looks at the clock. */
const DRAWS_PER_CHECK = 1024;
/** Main-thread time spent drawing before the page gets a turn. */
const SLICE_MS = 8;

export interface RandnOptions {
  /** numpy's `RandomState(seed)`: the same seed gives the same draws as `np.random.RandomState(seed).randn`. */
  seed: number;
  signal?: AbortSignal;
  /** Time spent drawing between two tasks (default 8 ms). */
  sliceMs?: number;
}

/**
 * `np.random.RandomState(seed).randn(*shape)` as a float32 tensor, drawn in slices of a few milliseconds with a
 * task in between: a batch of 32 × 10 × 300 draws took 35–50 ms in one task on a page (tfjs's own
 * `randomNormal`). Rejects with an AbortError once `signal` aborts.
 */
export async function randn(shape: number[], {seed, signal, sliceMs = SLICE_MS}: RandnOptions): Promise<tf.Tensor> {
  const size = shape.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`randn: invalid shape [${shape.join(", ")}]`);
  const rng = new RandomState(seed);
  const values = new Float32Array(size);
  let sliceStart = performance.now();
  for (let i = 0; i < size;) {
    const end = Math.min(size, i + DRAWS_PER_CHECK);
    for (; i < end; ++i) values[i] = rng.gauss();
    if (i < size && performance.now() - sliceStart >= sliceMs) {
      await nextTask();
      if (signal?.aborted) throw abortError(signal);
      sliceStart = performance.now();
    }
  }
  if (signal?.aborted) throw abortError(signal);
  return tf.tensor(values, shape, "float32");
}
