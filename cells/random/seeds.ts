/** Seeds are what numpy's legacy `RandomState` accepts: integers in [0, 2³² − 1]. */
export const MAX_SEED = 0xffffffff;

export function isSeed(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_SEED;
}

/**
 * The seed of the i-th of several runs derived from one seed: seed + i, wrapping around 2³² so that it is
 * always a valid seed (the largest seed's next is 0) rather than an error at the end of the range.
 */
export function offsetSeed(seed: number, i: number): number {
  if (!isSeed(seed)) throw new RangeError(`seed must be an integer in [0, 2**32 - 1], got ${seed}`);
  if (!Number.isSafeInteger(i)) throw new RangeError(`the seed offset must be an integer, got ${i}`);
  return (seed + i) >>> 0;
}
