/** Padded rows of token ids and their labels, as plain arrays (what crosses to a worker as-is). No tfjs here. */
export interface Dataset {
  x: ArrayLike<number>[] | Int32Array[];
  y: ArrayLike<number>;
}

export function checkDataset({x, y}: Dataset, name: string, vocabSize?: number): void {
  if (!Array.isArray(x) || x.length === 0) throw new RangeError(`${name}.x must be a non-empty array of rows`);
  if (!y || y.length !== x.length) throw new RangeError(`${name}.y has ${y?.length} labels for ${x.length} rows`);
  const length = x[0].length;
  x.forEach((row, i) => {
    if (row.length !== length)
      throw new RangeError(`${name}.x[${i}] has ${row.length} ids, row 0 has ${length}: pad the sequences first`);
    if (vocabSize !== undefined) {
      for (let j = 0; j < row.length; ++j) {
        if (!(row[j] >= 0 && row[j] < vocabSize))
          throw new RangeError(`${name}.x[${i}][${j}] = ${row[j]} is outside the vocabulary [0, ${vocabSize})`);
      }
    }
  });
}

export function range(start: number, end: number): Int32Array {
  return Int32Array.from({length: Math.max(0, end - start)}, (_, i) => start + i);
}
