/**
 * Models as data: the layers of each of the seed's Keras models, and the shapes and parameter counts of a whole
 * model (what each layer kind computes is in ./layer-kinds.ts). The same spec drives the summary table, the
 * trainable network and the tfjs layers model used to save.
 */
import {layerParams, outputShape} from "./layer-kinds.js";

export type Activation = "linear" | "tanh" | "relu" | "sigmoid" | "softmax";

export type LayerSpec =
  | {type: "Embedding"; inputDim: number; outputDim: number}
  | {
      type: "SimpleRNN";
      units: number;
      returnSequences: boolean;
      activation: Activation;
      dropout: number;
      recurrentDropout: number;
    }
  | {type: "Dense"; units: number; activation: Activation}
  | {type: "TimeDistributed"; units: number; activation: Activation}
  | {type: "Dropout"; rate: number}
  | {type: "GlobalAveragePooling1D"}
  | {type: "RepeatVector"; n: number};

export interface ModelSpec {
  name: string;
  /** Input shape without the batch dimension; an Embedding model's input is [length] of int ids. */
  inputShape: number[];
  layers: LayerSpec[];
}

/** Output shape of each layer, batch dimension omitted. */
export function layerShapes(spec: ModelSpec): number[][] {
  const shapes: number[][] = [];
  let shape = spec.inputShape;
  for (const layer of spec.layers) {
    shape = outputShape(layer, shape);
    shapes.push(shape);
  }
  return shapes;
}

export function inputShapes(spec: ModelSpec): number[][] {
  return [spec.inputShape, ...layerShapes(spec).slice(0, -1)];
}

export function countParams(spec: ModelSpec): number {
  const inputs = inputShapes(spec);
  return spec.layers.reduce((sum, layer, i) => sum + layerParams(layer, inputs[i]), 0);
}

export function checkSize(
  value: number,
  name: string,
  {min = 1, integer = true}: {min?: number; integer?: boolean} = {}
) {
  if (typeof value !== "number" || Number.isNaN(value) || (integer && !Number.isInteger(value)) || value < min) {
    throw new RangeError(`${name} must be ${integer ? "an integer" : "a number"} ≥ ${min}, got ${value}`);
  }
}

export function checkRate(value: number, name: string) {
  if (typeof value !== "number" || !(value >= 0 && value < 1))
    throw new RangeError(`${name} must be in [0, 1), got ${value}`);
}
