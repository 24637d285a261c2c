/**
 * Keras `pad_sequences` (keras/utils/data_utils.py → keras_preprocessing/sequence.py, Keras 2.x):
 * rows of int32, padded and truncated at the start ('pre') by default, with 0.
 */
export interface PadOptions {
  /** Row length; defaults to the longest sequence. */
  maxlen?: number | null;
  padding?: "pre" | "post";
  truncating?: "pre" | "post";
  value?: number;
}

export function padSequences(
  sequences: readonly (readonly number[] | ArrayLike<number>)[],
  {maxlen = null, padding = "pre", truncating = "pre", value = 0}: PadOptions = {}
): Int32Array[] {
  if (!Array.isArray(sequences))
    throw new TypeError(`sequences must be an array of sequences, got ${typeof sequences}`);
  if (maxlen !== null && (!Number.isInteger(maxlen) || maxlen < 0))
    throw new RangeError(`maxlen must be a non-negative integer or null, got ${maxlen}`);
  if (padding !== "pre" && padding !== "post")
    throw new RangeError(`padding must be "pre" or "post", got ${JSON.stringify(padding)}`);
  if (truncating !== "pre" && truncating !== "post")
    throw new RangeError(`truncating must be "pre" or "post", got ${JSON.stringify(truncating)}`);
  if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(`value must be a number, got ${value}`);
  sequences.forEach((sequence, i) => {
    if (sequence === null || typeof sequence !== "object" || typeof sequence.length !== "number") {
      throw new TypeError(`sequences[${i}] must be an array of integers`);
    }
  });
  const length = maxlen ?? sequences.reduce((max, s) => Math.max(max, s.length), 0);
  return sequences.map((sequence) => {
    const row = new Int32Array(length).fill(value);
    if (!sequence.length || !length) return row;
    const all = Array.from(sequence as ArrayLike<number>);
    const kept = truncating === "pre" ? all.slice(-length) : all.slice(0, length);
    row.set(kept, padding === "pre" ? length - kept.length : 0);
    return row;
  });
}
