import type {ModelSpec} from "../../models/spec.js";
import {Arena, instantiateKernels} from "./kernels.js";

/*
 * The gradient of a many-to-one SimpleRNN(tanh) → Dense(softmax) model's summed sparse categorical cross-entropy,
 * on the fused kernels (no tfjs): every weight's gradient norm, and ‖∂L/∂x_t‖ for every timestep. The same
 * arithmetic as tfjs's gradients of the lean network (forward, backpropagation through time), in float32.
 */

/** The sizes of a model these kernels cover: SimpleRNN(tanh, last state, no dropout) → Dense(softmax). */
export interface ManyToOneShape {
  steps: number;
  features: number;
  units: number;
  classes: number;
}

export function manyToOneShape(spec: ModelSpec): ManyToOneShape | null {
  const [rnn, head, ...rest] = spec.layers;
  if (rest.length || rnn?.type !== "SimpleRNN" || head?.type !== "Dense") return null;
  if (
    rnn.activation !== "tanh" ||
    rnn.returnSequences ||
    rnn.dropout ||
    rnn.recurrentDropout ||
    head.activation !== "softmax"
  )
    return null;
  const [steps, features] = spec.inputShape;
  return {steps, features, units: rnn.units, classes: head.units};
}

export interface RnnGradients {
  /** ‖∂L/∂W‖ per weight, in Keras order (kernel, recurrent kernel, bias, dense kernel, dense bias). */
  weightNorms: number[];
  /** ‖∂L/∂x_t‖ over the batch and features, for t = 0 … T−1. */
  inputNorms: number[];
}

/**
 * Gradients for `weights` (Keras order) on the batch `x` ([B, T, F] row-major, as a tensor3d would hold it) and
 * its class labels; null without WebAssembly SIMD.
 */
export async function fusedRnnGradients(
  {steps: t, features: f, units: h, classes: c}: ManyToOneShape,
  weights: ArrayLike<number>[],
  x: Float32Array,
  labels: ArrayLike<number>
): Promise<RnnGradients | null> {
  const k = await instantiateKernels();
  if (!k) return null;
  const b = labels.length;
  const rows = t * b;
  const a = new Arena(k);
  const at = {
    x: a.reserve(rows * f),
    states: a.reserve(rows * h),
    dz: a.reserve(rows * h),
    dx: a.reserve(rows * f),
    w: a.reserve(f * h),
    wt: a.reserve(h * f),
    u: a.reserve(h * h),
    ut: a.reserve(h * h),
    bias: a.reserve(h),
    gw: a.reserve(f * h),
    gu: a.reserve(h * h),
    gb: a.reserve(h)
  };
  a.commit();
  const [kernel, recurrent, bias, denseKernel, denseBias] = weights;
  a.f32(at.w, f * h).set(kernel);
  a.f32(at.u, h * h).set(recurrent);
  a.f32(at.bias, h).set(bias);
  // Time-major rows (t·B + i), as the kernels read them.
  const xs = a.f32(at.x, rows * f);
  for (let i = 0; i < b; ++i) {
    for (let s = 0; s < t; ++s) xs.set(x.subarray((i * t + s) * f, (i * t + s + 1) * f), (s * b + i) * f);
  }

  k.broadcastRows(at.bias, at.states, rows, h);
  k.gemm(at.x, f, 1, at.w, h, at.states, h, rows, f, h, true);
  k.rnnForward(at.states, at.states, at.u, 0, t, b, h);

  // The head in float64 on the last state: logits, softmax − one-hot (∂ summed cross-entropy / ∂ logits).
  const last = a.f32(at.states + (t - 1) * b * h * 4, b * h);
  const dLogits = new Float64Array(b * c);
  for (let i = 0; i < b; ++i) {
    const z = Array.from({length: c}, (_, j) => {
      let sum = denseBias[j];
      for (let u = 0; u < h; ++u) sum += last[i * h + u] * denseKernel[u * c + j];
      return sum;
    });
    const max = Math.max(...z);
    const exps = z.map((v) => Math.exp(v - max));
    const total = exps.reduce((p, q) => p + q, 0);
    for (let j = 0; j < c; ++j) dLogits[i * c + j] = exps[j] / total - (labels[i] === j ? 1 : 0);
  }
  const gDense = new Float64Array(h * c);
  const gDenseBias = new Float64Array(c);
  const dh = a.f32(at.dz + (t - 1) * b * h * 4, b * h);
  for (let i = 0; i < b; ++i) {
    for (let j = 0; j < c; ++j) gDenseBias[j] += dLogits[i * c + j];
    for (let u = 0; u < h; ++u) {
      let sum = 0;
      for (let j = 0; j < c; ++j) {
        gDense[u * c + j] += last[i * h + u] * dLogits[i * c + j];
        sum += dLogits[i * c + j] * denseKernel[u * c + j];
      }
      dh[i * h + u] = sum;
    }
  }

  k.transpose(at.u, h, h, at.ut);
  k.rnnBackward(at.states, at.ut, 0, at.dz, t, b, h);
  if (t > 1) k.gemm(at.states, 1, h, at.dz + b * h * 4, h, at.gu, h, h, (t - 1) * b, h, false);
  else a.f32(at.gu, h * h).fill(0);
  k.gemm(at.x, 1, f, at.dz, h, at.gw, h, f, rows, h, false);
  k.columnSums(at.dz, rows, h, at.gb);
  k.transpose(at.w, f, h, at.wt);
  k.gemm(at.dz, h, 1, at.wt, f, at.dx, f, rows, h, f, false);

  const norm = (values: ArrayLike<number>) => {
    let sum = 0;
    for (let i = 0; i < values.length; ++i) sum += values[i] * values[i];
    return Math.sqrt(sum);
  };
  const dx = a.f32(at.dx, rows * f);
  return {
    weightNorms: [
      norm(a.f32(at.gw, f * h)),
      norm(a.f32(at.gu, h * h)),
      norm(a.f32(at.gb, h)),
      norm(gDense),
      norm(gDenseBias)
    ],
    inputNorms: Array.from({length: t}, (_, s) => norm(dx.subarray(s * b * f, (s + 1) * b * f)))
  };
}
