import * as tf from "@tensorflow/tfjs";
import {Network} from "../models/network.js";
import type {LayerSpec} from "../models/spec.js";

/**
 * The bridge to stock tfjs layers: the same spec as a `tf.LayersModel` carrying the network's weights
 * (for saving in the tfjs layers format, and for checking the lean network against stock layers). Loading reads
 * the saved topology itself (./model-topology.ts), so that nothing is built before it is checked.
 * Initialisers are zeros: the weights are overwritten at once, and tfjs's orthogonal initialiser is slow.
 */
export function toLayersModel(network: Network): tf.LayersModel {
  const {spec} = network;
  const model = tf.sequential({name: spec.name});
  spec.layers.forEach((layer, i) => model.add(toLayer(layer, i === 0 ? spec.inputShape : undefined)));
  model.setWeights(network.variables);
  return model;
}

function toLayer(layer: LayerSpec, inputShape?: number[]): tf.layers.Layer {
  const first = inputShape ? {inputShape} : {};
  const zeros = {kernelInitializer: "zeros", biasInitializer: "zeros"} as const;
  switch (layer.type) {
    case "Embedding":
      return tf.layers.embedding({
        inputDim: layer.inputDim,
        outputDim: layer.outputDim,
        inputLength: inputShape?.[0],
        embeddingsInitializer: "zeros",
        ...first
      });
    case "SimpleRNN":
      return tf.layers.simpleRNN({
        units: layer.units,
        returnSequences: layer.returnSequences,
        activation: layer.activation,
        dropout: layer.dropout,
        recurrentDropout: layer.recurrentDropout,
        recurrentInitializer: "zeros",
        ...zeros,
        ...first
      });
    case "Dense":
      return tf.layers.dense({units: layer.units, activation: layer.activation, ...zeros, ...first});
    case "TimeDistributed":
      return tf.layers.timeDistributed({
        layer: tf.layers.dense({units: layer.units, activation: layer.activation, ...zeros}),
        ...first
      });
    case "Dropout":
      return tf.layers.dropout({rate: layer.rate, ...first});
    case "GlobalAveragePooling1D":
      return tf.layers.globalAveragePooling1d(first);
    case "RepeatVector":
      return tf.layers.repeatVector({n: layer.n, ...first});
  }
}

/**
 * `model.dispose()` plus the dropout masks tfjs's SimpleRNN cells cache and never free (tfjs 4.22: two
 * tensors per RNN with dropout stay behind otherwise).
 */
export function disposeLayersModel(model: tf.LayersModel): void {
  for (const layer of model.layers) {
    const cell = (
      layer as unknown as {cell?: {dropoutMask?: tf.Tensor | null; recurrentDropoutMask?: tf.Tensor | null}}
    ).cell;
    if (cell) {
      tf.dispose([cell.dropoutMask, cell.recurrentDropoutMask].filter((t): t is tf.Tensor => !!t));
      cell.dropoutMask = null;
      cell.recurrentDropoutMask = null;
    }
  }
  model.dispose();
}
