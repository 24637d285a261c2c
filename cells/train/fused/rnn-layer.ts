import type {Arena, KernelExports} from "./kernels.js";

/*
 * One SimpleRNN(tanh) layer on the fused kernels, shared by the trainer and §8's gradient experiment: where its
 * buffers lie, the forward pass over all steps, and the backpropagation through time to ∂W, ∂U, ∂b and ∂x. Rows
 * are time-major (row t·B + i is step t of example i). The caller owns the weights, fills `x`, and writes
 * ∂L/∂h_T into the last step of `dz` between the two passes; a recurrent dropout mask is an optional offset.
 */

/** The sizes the layer needs (FusedShape and ManyToOneShape both have them). */
export interface RnnSizes {
  steps: number;
  features: number;
  units: number;
}

/** A weight and its gradient: byte offsets in the kernels' memory. */
export interface WeightOffsets {
  w: number;
  g: number;
}

/** The layer's activations and scratch: byte offsets, for batches of up to the size they were reserved for. */
export interface RnnBuffers {
  /** Inputs [steps·batch, features]. */
  x: number;
  /** h_t [steps·batch, units]. */
  states: number;
  /** h_t ⊙ the recurrent dropout mask; 0 when reserved without one. */
  masked: number;
  /** ∂L/∂(pre-activation) [steps·batch, units]. */
  dz: number;
  /** ∂L/∂x [steps·batch, features]. */
  dx: number;
  /** Uᵀ [units, units]. */
  ut: number;
  /** Wᵀ [units, features]. */
  wt: number;
}

/** A SimpleRNN layer laid out in the kernels' memory: W (kernel), U (recurrent kernel), b, and its buffers. */
export interface RnnLayer extends RnnBuffers {
  kernel: WeightOffsets;
  recurrent: WeightOffsets;
  bias: WeightOffsets;
}

/** Reserves the buffers for batches of up to `batchSize` rows; `masked` only if a recurrent mask will be used. */
export function reserveRnnBuffers(
  arena: Arena,
  {steps, features, units}: RnnSizes,
  batchSize: number,
  withRecurrentMask: boolean
): RnnBuffers {
  const rows = steps * batchSize;
  return {
    x: arena.reserve(rows * features),
    states: arena.reserve(rows * units),
    masked: withRecurrentMask ? arena.reserve(rows * units) : 0,
    dz: arena.reserve(rows * units),
    dx: arena.reserve(rows * features),
    ut: arena.reserve(units * units),
    wt: arena.reserve(units * features)
  };
}

/** The byte offset of the last step's rows in a time-major buffer of the layer's (states, dz). */
export function lastStep(offset: number, {steps, units}: RnnSizes, batch: number): number {
  return offset + (steps - 1) * batch * units * 4;
}

/**
 * h_t for every step into `states`: the input projection of all steps in one product, then the recurrence
 * (with `recurrentMask`, h_{t−1} ⊙ mask feeds step t). Returns the number of kernel calls made.
 */
export function rnnLayerForward(
  k: KernelExports,
  {kernel, recurrent, bias, x, states, masked}: RnnLayer,
  {steps: t, features: f, units: h}: RnnSizes,
  batch: number,
  recurrentMask = 0
): number {
  if (recurrentMask && !masked) throw new Error("a recurrent mask needs the buffers reserved with one");
  const count = t * batch;
  k.broadcastRows(bias.w, states, count, h);
  k.gemm(x, f, 1, kernel.w, h, states, h, count, f, h, true);
  k.rnnForward(states, recurrentMask ? masked : states, recurrent.w, recurrentMask, t, batch, h);
  return 3;
}

/**
 * Backpropagation through time from ∂L/∂h_T (in the last step of `dz`), then each weight's gradient as one
 * product over all steps, and ∂L/∂x into `dx`. `recurrentMask` must be the forward pass's. Returns the number
 * of kernel calls made.
 */
export function rnnLayerBackward(
  k: KernelExports,
  {kernel, recurrent, bias, x, states, masked, dz, dx, ut, wt}: RnnLayer,
  {steps: t, features: f, units: h}: RnnSizes,
  batch: number,
  recurrentMask = 0
): number {
  const count = t * batch;
  k.transpose(recurrent.w, h, h, ut);
  k.rnnBackward(states, ut, recurrentMask, dz, t, batch, h);
  // ∂U pairs the (masked) state of step t−1 with dz of step t.
  const previous = recurrentMask ? masked : states;
  if (t > 1) k.gemm(previous, 1, h, dz + batch * h * 4, h, recurrent.g, h, h, (t - 1) * batch, h, false);
  else new Float32Array(k.memory.buffer, recurrent.g, h * h).fill(0);
  k.gemm(x, 1, f, dz, h, kernel.g, h, f, count, h, false);
  k.columnSums(dz, count, h, bias.g);
  k.transpose(kernel.w, f, h, wt);
  k.gemm(dz, h, 1, wt, f, dx, f, count, h, f, false);
  return t > 1 ? 7 : 6;
}
