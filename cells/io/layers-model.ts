import * as tf from "@tensorflow/tfjs";
import {Network} from "../models/network.js";
import type {Activation, LayerSpec, ModelSpec} from "../models/spec.js";

/**
 * The bridge to stock tfjs layers: the same spec as a `tf.LayersModel` carrying the network's weights
 * (for saving in the tfjs layers format, and for checking the lean network against stock layers), and back.
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
    case "Embedding": return tf.layers.embedding({inputDim: layer.inputDim, outputDim: layer.outputDim, inputLength: inputShape?.[0], embeddingsInitializer: "zeros", ...first});
    case "SimpleRNN": return tf.layers.simpleRNN({units: layer.units, returnSequences: layer.returnSequences, activation: layer.activation, dropout: layer.dropout, recurrentDropout: layer.recurrentDropout, recurrentInitializer: "zeros", ...zeros, ...first});
    case "Dense": return tf.layers.dense({units: layer.units, activation: layer.activation, ...zeros, ...first});
    case "TimeDistributed": return tf.layers.timeDistributed({layer: tf.layers.dense({units: layer.units, activation: layer.activation, ...zeros}), ...first});
    case "Dropout": return tf.layers.dropout({rate: layer.rate, ...first});
    case "GlobalAveragePooling1D": return tf.layers.globalAveragePooling1d(first);
    case "RepeatVector": return tf.layers.repeatVector({n: layer.n, ...first});
  }
}

/** A tfjs layers model of the kinds above → spec and weights. */
export function fromLayersModel(model: tf.LayersModel): Network {
  const layers: LayerSpec[] = model.layers.map((layer) => toSpec(layer));
  const inputShape = (model.inputs[0].shape as (number | null)[]).slice(1) as number[];
  if (inputShape.some((d) => d === null)) throw new TypeError(`the model's input shape ${JSON.stringify(model.inputs[0].shape)} must be fully known`);
  const spec: ModelSpec = {name: model.name, inputShape, layers};
  const weights = model.getWeights().map((w, i) => ({name: String(i), shape: w.shape, values: w.dataSync() as Float32Array}));
  return Network.fromData({spec, weights});
}

function toSpec(layer: tf.layers.Layer): LayerSpec {
  const config = layer.getConfig() as Record<string, any>;
  const activation = (config.activation ?? "linear") as Activation;
  switch (layer.getClassName()) {
    case "Embedding": return {type: "Embedding", inputDim: config.inputDim, outputDim: config.outputDim};
    case "SimpleRNN": return {type: "SimpleRNN", units: config.units, returnSequences: !!config.returnSequences, activation, dropout: config.dropout ?? 0, recurrentDropout: config.recurrentDropout ?? 0};
    case "Dense": return {type: "Dense", units: config.units, activation};
    case "TimeDistributed": {
      const inner = config.layer.config;
      return {type: "TimeDistributed", units: inner.units, activation: inner.activation ?? "linear"};
    }
    case "Dropout": return {type: "Dropout", rate: config.rate};
    case "GlobalAveragePooling1D": return {type: "GlobalAveragePooling1D"};
    case "RepeatVector": return {type: "RepeatVector", n: config.n};
    default: throw new TypeError(`layer ${layer.name} of class ${layer.getClassName()} is not one of the notebook's layer kinds`);
  }
}

/**
 * `model.dispose()` plus the dropout masks tfjs's SimpleRNN cells cache and never free (tfjs 4.22: two
 * tensors per RNN with dropout stay behind otherwise).
 */
export function disposeLayersModel(model: tf.LayersModel): void {
  for (const layer of model.layers) {
    const cell = (layer as unknown as {cell?: {dropoutMask?: tf.Tensor | null; recurrentDropoutMask?: tf.Tensor | null}}).cell;
    if (cell) {
      tf.dispose([cell.dropoutMask, cell.recurrentDropoutMask].filter((t): t is tf.Tensor => !!t));
      cell.dropoutMask = null;
      cell.recurrentDropoutMask = null;
    }
  }
  model.dispose();
}
