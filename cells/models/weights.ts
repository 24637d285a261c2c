/*
 * A model's weights as plain data, without tfjs: their Keras names and shapes, and Keras's seeded initial
 * values. A worker that trains on the fused kernels needs only this (network.ts holds them in tfjs variables).
 */

import {RandomState} from "../random/mt19937.js";
import {glorotUniform, orthogonal, uniform} from "../random/initializers.js";
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
  const names = weightNames(spec);
  const shapes = weightShapes(spec);
  return {spec, weights: values.map((v, i) => ({name: names[i], shape: shapes[i], values: v}))};
}

/**
 * Keras's initial weights as plain arrays (no tfjs needed): glorot_uniform kernels, orthogonal recurrent
 * kernel, zero biases, U(-0.05, 0.05) embeddings, drawn in layer order from one seeded generator.
 */
export function initialWeights(spec: ModelSpec, {seed}: {seed?: number} = {}): WeightData[] {
  const rng = new RandomState(seed ?? (Math.random() * 2 ** 32) >>> 0);
  const inputs = inputShapes(spec);
  const names = weightNames(spec);
  const shapes = weightShapes(spec);
  let k = 0;
  const weights: WeightData[] = [];
  const add = (values: Float32Array) => weights.push({name: names[k], shape: shapes[k++], values});
  spec.layers.forEach((layer, i) => {
    const d = inputs[i][inputs[i].length - 1];
    if (layer.type === "Embedding") add(uniform(layer.inputDim * layer.outputDim, rng));
    if (layer.type === "SimpleRNN") {
      add(glorotUniform(d, layer.units, rng));
      add(orthogonal(layer.units, layer.units, rng));
      add(new Float32Array(layer.units));
    }
    if (layer.type === "Dense" || layer.type === "TimeDistributed") {
      add(glorotUniform(d, layer.units, rng));
      add(new Float32Array(layer.units));
    }
  });
  return weights;
}

/** Keras weight names, layers numbered as in `summary`. */
export function weightNames(spec: ModelSpec): string[] {
  const rows = summary(spec).rows;
  return spec.layers.flatMap((layer, i) => {
    const name = rows[i].name;
    if (layer.type === "Embedding") return [`${name}/embeddings`];
    if (layer.type === "SimpleRNN")
      return ["kernel", "recurrent_kernel", "bias"].map((w) => `${name}/simple_rnn_cell/${w}`);
    if (layer.type === "Dense") return [`${name}/kernel`, `${name}/bias`];
    if (layer.type === "TimeDistributed") return [`${name}/kernel`, `${name}/bias`];
    return [];
  });
}

export function weightShapes(spec: ModelSpec): number[][] {
  const inputs = inputShapes(spec);
  return spec.layers.flatMap((layer, i) => {
    const d = inputs[i][inputs[i].length - 1];
    if (layer.type === "Embedding") return [[layer.inputDim, layer.outputDim]];
    if (layer.type === "SimpleRNN") return [[d, layer.units], [layer.units, layer.units], [layer.units]];
    if (layer.type === "Dense" || layer.type === "TimeDistributed") return [[d, layer.units], [layer.units]];
    return [];
  });
}
