import * as tf from "@tensorflow/tfjs";

/**
 * Embedding lookup with the math of `tf.layers.embedding` (a gather of rows) and a fast backward on every
 * backend: the table's gradient is a scatter-add of the output gradient (`scatterND` sums duplicate
 * indices), where tfjs's own gather gradient needs `UnsortedSegmentSum` (missing on wasm, ~7 s a batch on cpu).
 */
export function embeddingLookup(table: tf.Tensor2D, ids: tf.Tensor): tf.Tensor {
  const [, dim] = table.shape;
  const flatIds = ids.reshape([-1]).toInt();
  const lookup = tf.customGrad(((t: tf.Tensor, save: tf.GradSaveFunc) => {
    save([flatIds]);
    return {
      value: tf.gather(t, flatIds),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const indices = saved[0].reshape([-1, 1]);
        return [tf.scatterND(indices, (dy as tf.Tensor).reshape([-1, dim]), table.shape)];
      }
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (lookup(table) as tf.Tensor).reshape([...ids.shape, dim]);
}
