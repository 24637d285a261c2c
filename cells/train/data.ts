import * as tf from "@tensorflow/tfjs";
import type {Dataset} from "./dataset.js";

export {checkDataset, range, type Dataset} from "./dataset.js";

/** The rows `indices` of `x` as an int32 [B, T] tensor and their labels as float32 [B]. */
export function batchTensors({x, y}: Dataset, indices: ArrayLike<number>): {xs: tf.Tensor2D; ys: tf.Tensor1D} {
  const length = x[0].length;
  const ids = new Int32Array(indices.length * length);
  const labels = new Float32Array(indices.length);
  for (let b = 0; b < indices.length; ++b) {
    ids.set(x[indices[b]] as ArrayLike<number>, b * length);
    labels[b] = y[indices[b]];
  }
  return {xs: tf.tensor2d(ids, [indices.length, length], "int32"), ys: tf.tensor1d(labels)};
}
