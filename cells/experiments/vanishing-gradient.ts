import * as tf from "@tensorflow/tfjs";
import {RandomState} from "../random/mt19937.js";
import {offsetSeed} from "../random/seeds.js";
import {manyToOneSpec} from "../models/builders.js";
import {Network} from "../models/network.js";
import {checkSize} from "../models/spec.js";
import {sparseCategoricalCrossentropyFromLogits} from "../train/losses.js";
import {nextTask} from "../util/next-task.js";

export interface GradientOptions {
  inputSize?: number;
  hiddenSize?: number;
  numClasses?: number;
  batchSize?: number;
  seed?: number;
}

export interface LengthGradient {
  length: number;
  /** Mean over trainable variables of ‖∂L/∂W‖, as the seed computes it. */
  meanGradientNorm: number;
  /** ‖∂L/∂W‖ per variable, in Keras weight order. */
  variableNorms: number[];
}

/**
 * The seed's §8 experiment: for each length, a fresh many-to-one RNN (input 50, hidden 64, 2 classes),
 * random normal inputs (batch 32) and random labels; the gradient of the summed sparse categorical
 * cross-entropy; the mean of the gradient norms over the trainable variables.
 */
export function gradientNormsByLength(
  lengths: number[] = [10, 20, 50, 100],
  options: GradientOptions = {}
): LengthGradient[] {
  const settings = checkedSettings(lengths, options);
  return lengths.map((length, i) => gradientForLength(length, i, settings));
}

/** The same experiment, one length at a time: yields the results so far after each length, in a task of its own. */
export async function* gradientNormsByLengthStream(
  lengths: number[] = [10, 20, 50, 100],
  options: GradientOptions = {}
): AsyncGenerator<LengthGradient[]> {
  const settings = checkedSettings(lengths, options);
  const results: LengthGradient[] = [];
  for (const [i, length] of lengths.entries()) {
    await nextTask();
    results.push(gradientForLength(length, i, settings));
    yield results.slice();
  }
}

function checkedSettings(
  lengths: number[],
  {inputSize = 50, hiddenSize = 64, numClasses = 2, batchSize = 32, seed = 0}: GradientOptions
): Required<GradientOptions> {
  if (!Array.isArray(lengths) || lengths.length === 0)
    throw new RangeError("lengths must be a non-empty array of integers");
  lengths.forEach((l, i) => checkSize(l, `lengths[${i}]`));
  return {inputSize, hiddenSize, numClasses, batchSize, seed};
}

/** One length: a fresh model (seeded by position), one random batch, the norms of the weight gradients. */
function gradientForLength(
  length: number,
  i: number,
  {inputSize, hiddenSize, numClasses, batchSize, seed}: Required<GradientOptions>
): LengthGradient {
  const lengthSeed = offsetSeed(seed, i); // wraps: the largest seed's next length gets seed 0
  const rng = new RandomState(lengthSeed);
  const network = Network.create(manyToOneSpec({sequenceLength: length, inputSize, hiddenSize, numClasses}), {
    seed: lengthSeed
  });
  try {
    const variableNorms = tf.tidy(() => {
      const {x, y} = randomBatch(rng, batchSize, length, inputSize, numClasses);
      const {grads} = tf.variableGrads(
        () => sparseCategoricalCrossentropyFromLogits(y, network.apply(x, {logits: true})).sum() as tf.Scalar,
        network.variables
      );
      return network.variables.map((v) => grads[v.name].norm().dataSync()[0]);
    });
    return {length, meanGradientNorm: variableNorms.reduce((a, b) => a + b, 0) / variableNorms.length, variableNorms};
  } finally {
    network.dispose();
  }
}

/** The sharper view: ‖∂L/∂x_t‖ for every timestep t of one sequence length (the loss reads only h_T). */
export function inputGradientByTimestep(length = 50, options: GradientOptions = {}): number[] {
  checkSize(length, "length");
  const {inputSize = 50, hiddenSize = 64, numClasses = 2, batchSize = 32, seed = 0} = options;
  const rng = new RandomState(seed);
  const network = Network.create(manyToOneSpec({sequenceLength: length, inputSize, hiddenSize, numClasses}), {seed});
  try {
    return tf.tidy(() => {
      const {x, y} = randomBatch(rng, batchSize, length, inputSize, numClasses);
      const gradient = tf.grad((input: tf.Tensor) =>
        sparseCategoricalCrossentropyFromLogits(y, network.apply(input, {logits: true})).sum()
      )(x);
      return Array.from(gradient.square().sum([0, 2]).sqrt().dataSync());
    });
  } finally {
    network.dispose();
  }
}

function randomBatch(rng: RandomState, batch: number, length: number, features: number, classes: number) {
  const values = new Float32Array(batch * length * features);
  for (let i = 0; i < values.length; ++i) values[i] = rng.normal();
  const labels = Int32Array.from({length: batch}, () => Math.floor(rng.randomSample() * classes));
  return {x: tf.tensor3d(values, [batch, length, features]), y: tf.tensor1d(labels, "int32")};
}
