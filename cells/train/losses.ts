import * as tf from "@tensorflow/tfjs";

/**
 * Keras `binary_crossentropy` on a sigmoid output: Keras uses the logits behind the sigmoid
 * (`sigmoid_cross_entropy_with_logits`), i.e. max(z, 0) − z·y + log(1 + e^−|z|), averaged.
 */
export function binaryCrossentropyFromLogits(labels: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  const z = logits.reshape([-1]);
  const y = labels.reshape([-1]).toFloat();
  return z.relu().sub(z.mul(y)).add(z.abs().neg().exp().log1p()).mean() as tf.Scalar;
}

/** Keras `binary_accuracy` (threshold 0.5) from logits: the share of (z > 0) == y. */
export function binaryAccuracyFromLogits(labels: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  return logits
    .reshape([-1])
    .greater(0)
    .toFloat()
    .equal(labels.reshape([-1]).toFloat())
    .toFloat()
    .mean() as tf.Scalar;
}

/** Keras `sparse_categorical_crossentropy` per example (not averaged), from logits. */
export function sparseCategoricalCrossentropyFromLogits(labels: tf.Tensor, logits: tf.Tensor): tf.Tensor1D {
  const classes = logits.shape[logits.shape.length - 1];
  return tf
    .oneHot(labels.reshape([-1]).toInt(), classes)
    .mul(tf.logSoftmax(logits))
    .sum(-1)
    .neg() as tf.Tensor1D;
}
