import {RandomState} from "../random/mt19937.js";

/**
 * scikit-learn `train_test_split` (sklearn/model_selection/_split.py, 1.4): with shuffling, one
 * `RandomState(randomState).permutation(n)`; test = its first ceil(testSize·n) entries, train = the next
 * n_train, in permutation order. Without shuffling, train = the first n_train rows, test the next.
 */
export interface SplitOptions {
  testSize?: number | null;
  trainSize?: number | null;
  randomState?: number | null;
  shuffle?: boolean;
}

export function trainTestSplit<T extends ArrayLike<unknown>>(
  arrays: readonly T[],
  {testSize = null, trainSize = null, randomState = null, shuffle = true}: SplitOptions = {}
): T[] {
  if (!Array.isArray(arrays) || arrays.length === 0) throw new TypeError("arrays must be a non-empty array of arrays");
  const n = arrays[0].length;
  arrays.forEach((a, i) => {
    if (a.length !== n) throw new RangeError(`arrays[${i}] has ${a.length} rows, but arrays[0] has ${n}`);
  });
  const [nTrain, nTest] = splitSizes(n, testSize, trainSize);
  let train: Int32Array;
  let test: Int32Array;
  if (shuffle) {
    const rng = randomState === null ? new RandomState((Math.random() * 2 ** 32) >>> 0) : new RandomState(randomState);
    const permutation = rng.permutation(n);
    test = permutation.slice(0, nTest);
    train = permutation.slice(nTest, nTest + nTrain);
  } else {
    train = Int32Array.from({length: nTrain}, (_, i) => i);
    test = Int32Array.from({length: nTest}, (_, i) => nTrain + i);
  }
  return arrays.flatMap((array) => [take(array, train), take(array, test)]);
}

/** `_validate_shuffle_split`: sizes as fractions in (0, 1) or counts; the default test size is 0.25. */
export function splitSizes(n: number, testSize: number | null, trainSize: number | null): [number, number] {
  const check = (size: number | null, name: string) => {
    if (size === null) return;
    if (typeof size !== "number" || Number.isNaN(size))
      throw new TypeError(`${name} must be a number or null, got ${size}`);
    if (Number.isInteger(size) && size >= 1 ? size >= n : size <= 0 || size >= 1) {
      throw new RangeError(
        `${name}=${size} should be either positive and smaller than the number of samples ${n} or a float in the (0, 1) range`
      );
    }
  };
  check(testSize, "testSize");
  check(trainSize, "trainSize");
  const isFraction = (s: number | null) => s !== null && !(Number.isInteger(s) && s >= 1);
  if (testSize === null && trainSize === null) testSize = 0.25;
  let nTest = testSize === null ? null : isFraction(testSize) ? Math.ceil(testSize * n) : testSize;
  let nTrain = trainSize === null ? null : isFraction(trainSize) ? Math.floor(trainSize * n) : trainSize;
  if (nTrain === null) nTrain = n - nTest!;
  if (nTest === null) nTest = n - nTrain;
  if (nTrain + nTest > n)
    throw new RangeError(`the sum of train and test sizes, ${nTrain + nTest}, exceeds the number of samples ${n}`);
  if (nTrain === 0)
    throw new RangeError(
      `with n_samples=${n}, testSize=${testSize} and trainSize=${trainSize}, the train set would be empty`
    );
  return [nTrain, nTest];
}

function take<T extends ArrayLike<unknown>>(array: T, indices: Int32Array): T {
  const picked = Array.from(indices, (i) => array[i]);
  if (ArrayBuffer.isView(array)) return (array.constructor as any).from(picked);
  return picked as unknown as T;
}

/** numpy `RandomState(seed).permutation(n)`, the primitive the split uses. */
export function permutation(n: number, seed: number): Int32Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  return new RandomState(seed).permutation(n);
}
