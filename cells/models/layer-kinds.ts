/**
 * What each layer kind of `LayerSpec` is, in one table: its output shape, its weights (Keras roles in Keras
 * order, shapes from the input's last dimension, whence its parameter count), its Keras name and its stock
 * tfjs layer. No TensorFlow.js at runtime: the fused training workers and the summary read this table without
 * loading it, so the bridge to tfjs layers is handed the `tf` namespace by its caller.
 */
import type * as tfjs from "@tensorflow/tfjs";
import type {LayerSpec} from "./spec.js";

export type LayerType = LayerSpec["type"];
type LayerOf<T extends LayerType> = Extract<LayerSpec, {type: T}>;

/** The last part of a weight's Keras name, which the manifest of a saved model matches on. */
export type WeightRole = "embeddings" | "kernel" | "recurrent_kernel" | "bias";

export interface WeightSlot {
  role: WeightRole;
  shape: number[];
}

export interface LayerKind<L extends LayerSpec> {
  /** Keras's snake-case layer name, numbered per model by `summary`: `simple_rnn`, `dense_1`. */
  kerasName: string;
  /** Keras 2 names a recurrent layer's weights through its cell: `simple_rnn/simple_rnn_cell/kernel`. */
  cell?: string;
  /** The rank of the input (batch omitted) the layer computes on; absent when any rank will do. */
  inputRank?: 1 | 2;
  /** Batch dimension omitted. */
  outputShape(layer: L, input: number[]): number[];
  /** In Keras order; `d` is the input's last dimension. */
  weights(layer: L, d: number): WeightSlot[];
  /** The stock tfjs layer; `first` carries the model's input shape when the layer is the model's first. */
  toTfjs(tf: typeof tfjs, layer: L, first: {inputShape?: number[]}): tfjs.layers.Layer;
}

// Zero initialisers: the bridge's weights are overwritten at once, and tfjs's orthogonal initialiser is slow.
const zeros = {kernelInitializer: "zeros", biasInitializer: "zeros"} as const;

export const LAYER_KINDS: {readonly [T in LayerType]: LayerKind<LayerOf<T>>} = {
  Embedding: {
    kerasName: "embedding",
    inputRank: 1,
    outputShape: (layer, input) => [...input, layer.outputDim],
    weights: (layer) => [{role: "embeddings", shape: [layer.inputDim, layer.outputDim]}],
    toTfjs: (tf, layer, first) =>
      tf.layers.embedding({
        inputDim: layer.inputDim,
        outputDim: layer.outputDim,
        inputLength: first.inputShape?.[0],
        embeddingsInitializer: "zeros",
        ...first
      })
  },
  SimpleRNN: {
    kerasName: "simple_rnn",
    cell: "simple_rnn_cell",
    inputRank: 2,
    outputShape: (layer, input) => (layer.returnSequences ? [input[0], layer.units] : [layer.units]),
    weights: ({units}, d) => [
      {role: "kernel", shape: [d, units]},
      {role: "recurrent_kernel", shape: [units, units]},
      {role: "bias", shape: [units]}
    ],
    toTfjs: (tf, layer, first) =>
      tf.layers.simpleRNN({
        units: layer.units,
        returnSequences: layer.returnSequences,
        activation: layer.activation,
        dropout: layer.dropout,
        recurrentDropout: layer.recurrentDropout,
        recurrentInitializer: "zeros",
        ...zeros,
        ...first
      })
  },
  Dense: {
    kerasName: "dense",
    outputShape: (layer, input) => [...input.slice(0, -1), layer.units],
    weights: ({units}, d) => [
      {role: "kernel", shape: [d, units]},
      {role: "bias", shape: [units]}
    ],
    toTfjs: (tf, layer, first) =>
      tf.layers.dense({units: layer.units, activation: layer.activation, ...zeros, ...first})
  },
  TimeDistributed: {
    kerasName: "time_distributed",
    inputRank: 2,
    outputShape: (layer, input) => [input[0], layer.units],
    weights: ({units}, d) => [
      {role: "kernel", shape: [d, units]},
      {role: "bias", shape: [units]}
    ],
    toTfjs: (tf, layer, first) =>
      tf.layers.timeDistributed({
        layer: tf.layers.dense({units: layer.units, activation: layer.activation, ...zeros}),
        ...first
      })
  },
  Dropout: {
    kerasName: "dropout",
    outputShape: (_layer, input) => input,
    weights: () => [],
    toTfjs: (tf, layer, first) => tf.layers.dropout({rate: layer.rate, ...first})
  },
  GlobalAveragePooling1D: {
    kerasName: "global_average_pooling1d",
    inputRank: 2,
    outputShape: (_layer, input) => [input[input.length - 1]],
    weights: () => [],
    toTfjs: (tf, _layer, first) => tf.layers.globalAveragePooling1d(first)
  },
  RepeatVector: {
    kerasName: "repeat_vector",
    inputRank: 1,
    outputShape: (layer, input) => [layer.n, ...input],
    weights: () => [],
    toTfjs: (tf, layer, first) => tf.layers.repeatVector({n: layer.n, ...first})
  }
};

/** The table's entry for `layer`. */
export function kindOf(layer: LayerSpec): LayerKind<LayerSpec> {
  // TypeScript cannot tie `layer.type` to the entry it picks; the table's type guarantees they match.
  return LAYER_KINDS[layer.type] as LayerKind<LayerSpec>;
}

/** Batch dimension omitted. */
export function outputShape(layer: LayerSpec, input: number[]): number[] {
  return kindOf(layer).outputShape(layer, input);
}

export function layerWeights(layer: LayerSpec, input: number[]): WeightSlot[] {
  return kindOf(layer).weights(layer, input[input.length - 1]);
}

/** Keras's parameter count: the sizes of the layer's weights. */
export function layerParams(layer: LayerSpec, input: number[]): number {
  return layerWeights(layer, input).reduce((sum, {shape}) => sum + shape.reduce((a, b) => a * b, 1), 0);
}
