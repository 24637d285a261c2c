import * as tf from "@tensorflow/tfjs";

/** Padded rows of token ids and their labels, as plain arrays (what crosses to a worker as-is). */
export interface Dataset {
  x: ArrayLike<number>[] | Int32Array[];
  y: ArrayLike<number>;
}

export function checkDataset({x, y}: Dataset, name: string, vocabSize?: number): void {
  if (!Array.isArray(x) || x.length === 0) throw new RangeError(`${name}.x must be a non-empty array of rows`);
  if (!y || y.length !== x.length) throw new RangeError(`${name}.y has ${y?.length} labels for ${x.length} rows`);
  const length = x[0].length;
  x.forEach((row, i) => {
    if (row.length !== length) throw new RangeError(`${name}.x[${i}] has ${row.length} ids, row 0 has ${length}: pad the sequences first`);
    if (vocabSize !== undefined) {
      for (let j = 0; j < row.length; ++j) {
        if (!(row[j] >= 0 && row[j] < vocabSize)) throw new RangeError(`${name}.x[${i}][${j}] = ${row[j]} is outside the vocabulary [0, ${vocabSize})`);
      }
    }
  });
}

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

export function range(start: number, end: number): Int32Array {
  return Int32Array.from({length: Math.max(0, end - start)}, (_, i) => start + i);
}
