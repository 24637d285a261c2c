import type {ModelSpec} from "../../models/spec.js";
import {Arena, instantiateKernels} from "./kernels.js";
import {lastStep, reserveRnnBuffers, rnnLayerBackward, rnnLayerForward, type RnnLayer} from "./rnn-layer.js";

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
  shape: ManyToOneShape,
  weights: ArrayLike<number>[],
  x: Float32Array,
  labels: ArrayLike<number>
): Promise<RnnGradients | null> {
  const k = await instantiateKernels();
  if (!k) return null;
  const {steps: t, features: f, units: h, classes: c} = shape;
  const b = labels.length;
  const rows = t * b;
  const a = new Arena(k);
  const weight = (size: number) => ({w: a.reserve(size), g: a.reserve(size)});
  const rnn: RnnLayer = {
    kernel: weight(f * h),
    recurrent: weight(h * h),
    bias: weight(h),
    ...reserveRnnBuffers(a, shape, b, false)
  };
  a.commit();
  const [kernel, recurrent, bias, denseKernel, denseBias] = weights;
  a.f32(rnn.kernel.w, f * h).set(kernel);
  a.f32(rnn.recurrent.w, h * h).set(recurrent);
  a.f32(rnn.bias.w, h).set(bias);
  // Time-major rows (t·B + i), as the kernels read them.
  const xs = a.f32(rnn.x, rows * f);
  for (let i = 0; i < b; ++i) {
    for (let s = 0; s < t; ++s) xs.set(x.subarray((i * t + s) * f, (i * t + s + 1) * f), (s * b + i) * f);
  }

  rnnLayerForward(k, rnn, shape, b);

  // The head in float64 on the last state: logits, softmax − one-hot (∂ summed cross-entropy / ∂ logits).
  const last = a.f32(lastStep(rnn.states, shape, b), b * h);
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
  const dh = a.f32(lastStep(rnn.dz, shape, b), b * h);
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

  rnnLayerBackward(k, rnn, shape, b);

  const norm = (values: ArrayLike<number>) => {
    let sum = 0;
    for (let i = 0; i < values.length; ++i) sum += values[i] * values[i];
    return Math.sqrt(sum);
  };
  const dx = a.f32(rnn.dx, rows * f);
  return {
    weightNorms: [
      norm(a.f32(rnn.kernel.g, f * h)),
      norm(a.f32(rnn.recurrent.g, h * h)),
      norm(a.f32(rnn.bias.g, h)),
      norm(gDense),
      norm(gDenseBias)
    ],
    inputNorms: Array.from({length: t}, (_, s) => norm(dx.subarray(s * b * f, (s + 1) * b * f)))
  };
}
