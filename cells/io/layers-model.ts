import * as tf from "@tensorflow/tfjs";
import {Network} from "../models/network.js";
import {kindOf} from "../models/layer-kinds.js";

/**
 * The bridge to stock tfjs layers: the same spec as a `tf.LayersModel` carrying the network's weights
 * (for saving in the tfjs layers format, and for checking the lean network against stock layers). Loading reads
 * the saved topology itself (./model-topology.ts), so that nothing is built before it is checked. Each layer
 * kind's stock tfjs layer is in ../models/layer-kinds.ts.
 */
export function toLayersModel(network: Network): tf.LayersModel {
  const {spec} = network;
  const model = tf.sequential({name: spec.name});
  spec.layers.forEach((layer, i) =>
    model.add(kindOf(layer).toTfjs(tf, layer, i === 0 ? {inputShape: spec.inputShape} : {}))
  );
  model.setWeights(network.variables);
  return model;
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
