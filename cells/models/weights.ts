/*
 * A model's weights as plain data, without tfjs: their Keras names and shapes, and Keras's seeded initial
 * values. A worker that trains on the fused kernels needs only this (network.ts holds them in tfjs variables).
 */

import {RandomState} from "../random/mt19937.js";
import {glorotUniform, orthogonal, uniform} from "../random/initializers.js";
import {kindOf, layerWeights, type WeightRole, type WeightSlot} from "./layer-kinds.js";
import {inputShapes, type ModelSpec} from "./spec.js";
import {summary} from "./summary.js";

/** One Keras weight: its Keras name (`simple_rnn/simple_rnn_cell/kernel`), shape and values. */
export interface WeightData {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** A model's spec and weights as plain data: what training returns and what saving writes. */
export interface NetworkData {
  spec: ModelSpec;
  weights: WeightData[];
}

/** `values` (in Keras order) as a model's data: each with its Keras name and shape. */
export function networkData(spec: ModelSpec, values: Float32Array[]): NetworkData {
  const slots = weightsByLayer(spec).flat();
  return {spec, weights: values.map((v, i) => ({name: slots[i].name, shape: slots[i].shape, values: v}))};
}

/** Keras's default initialiser of each weight role, drawing from the model's seeded generator. */
const KERAS_INITIALIZERS: Record<WeightRole, (shape: number[], rng: RandomState) => Float32Array> = {
  embeddings: ([inputDim, outputDim], rng) => uniform(inputDim * outputDim, rng),
  kernel: ([fanIn, fanOut], rng) => glorotUniform(fanIn, fanOut, rng),
  recurrent_kernel: ([rows, cols], rng) => orthogonal(rows, cols, rng),
  bias: ([units]) => new Float32Array(units)
};

/**
 * Keras's initial weights as plain arrays (no tfjs needed): glorot_uniform kernels, orthogonal recurrent
 * kernel, zero biases, U(-0.05, 0.05) embeddings, drawn in layer order from one seeded generator.
 */
export function initialWeights(spec: ModelSpec, {seed}: {seed?: number} = {}): WeightData[] {
  const rng = new RandomState(seed ?? (Math.random() * 2 ** 32) >>> 0);
  return weightsByLayer(spec)
    .flat()
    .map(({name, role, shape}) => ({name, shape, values: KERAS_INITIALIZERS[role](shape, rng)}));
}

/** Each layer's weights in Keras order, with their Keras names (layers numbered as in `summary`). */
export function weightsByLayer(spec: ModelSpec): (WeightSlot & {name: string})[][] {
  const rows = summary(spec).rows;
  const inputs = inputShapes(spec);
  return spec.layers.map((layer, i) => {
    const {cell} = kindOf(layer);
    const prefix = cell ? `${rows[i].name}/${cell}` : rows[i].name;
    return layerWeights(layer, inputs[i]).map((slot) => ({...slot, name: `${prefix}/${slot.role}`}));
  });
}
