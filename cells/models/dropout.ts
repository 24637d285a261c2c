import type {RandomState} from "../random/mt19937.js";

/**
 * Fills `out` with a Keras dropout mask: 1 / (1 − rate) with probability 1 − rate, else 0. One 32-bit draw
 * per unit (keep when u ≥ rate·2³²), in order: the tfjs network and the fused kernels draw the same masks.
 */
export function drawDropoutMask(out: Float32Array, rate: number, rng: RandomState): Float32Array {
  const scale = 1 / (1 - rate);
  const threshold = rate * 4294967296;
  for (let i = 0; i < out.length; ++i) out[i] = rng.nextUint32() >= threshold ? scale : 0;
  return out;
}
