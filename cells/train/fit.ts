import * as tf from "@tensorflow/tfjs";
import type {RandomState} from "../random/mt19937.js";
import {Network, type NetworkData} from "../models/network.js";
import type {ModelSpec} from "../models/spec.js";
import {batchTensors, checkDataset, range, type Dataset} from "./data.js";
import {
  epochSettings,
  splitRows,
  trainEpochs,
  trainingRng,
  type BatchTrainer,
  type EpochUpdate,
  type FitOptions,
  type History
} from "./epochs.js";
import {binaryAccuracyFromLogits, binaryCrossentropyFromLogits} from "./losses.js";
import {FusedRnnTrainer, fusedShape} from "./fused/fused-trainer.js";
import {FUSED_MODELS, handInference, handTrainer, type HandTrainer} from "./fused/hand-trainer.js";
import {raceTrainers, type RaceResult} from "./fused/race.js";
import {abortError} from "../util/abort-error.js";
import {nextTask} from "../util/next-task.js";

export {type EpochLogs, type EpochUpdate, type FitOptions, type History} from "./epochs.js";

/**
 * Keras `model.fit` for a binary classifier with a sigmoid output: binary cross-entropy, Adam, accuracy,
 * validation on the last `validationSplit` rows, a shuffle of the training rows every epoch. An async
 * generator that yields after each epoch and yields to the page between batches.
 */
export async function* fit(
  network: Network,
  data: Dataset,
  options: FitOptions = {}
): AsyncGenerator<EpochUpdate, History> {
  const settings = epochSettings(options);
  const vocab = network.spec.layers[0].type === "Embedding" ? network.spec.layers[0].inputDim : undefined;
  checkDataset(data, "data", vocab);
  const n = data.x.length;
  splitRows(n, settings.validationSplit);
  const rng = trainingRng(options.seed);
  // Buffers for at most one batch of the rows there are (a huge batchSize must not reserve memory for nothing).
  const {trainer: fused, race} = await chooseTrainer(
    network,
    data,
    options.kernels ?? "auto",
    Math.min(settings.batchSize, n),
    settings.learningRate
  );
  const optimizer = fused ? null : tf.train.adam(settings.learningRate, 0.9, 0.999, 1e-7);
  const trainer: BatchTrainer = fused
    ? {
        kind: "fused",
        trainBatch: (d, rows, r) => fused.trainBatch(d, rows, r),
        evaluate: (d, rows) => fused.evaluate(d, rows),
        endEpoch: () => assignWeights(network, fused.weightValues())
      }
    : {
        kind: "tfjs",
        trainBatch: (d, rows, r) => trainBatch(network, optimizer!, d, rows, r),
        evaluate: (d, rows) => evaluate(network, d, {rows, batchSize: settings.batchSize})
      };
  try {
    return yield* trainEpochs(trainer, data, {...settings, rng, race}, options);
  } finally {
    // Adam's slots are not owned by any model: free them whatever happens.
    optimizer?.dispose();
  }
}

/** Copies plain weight values (Keras order) into the network's variables. */
export function assignWeights(network: Network, values: ArrayLike<number>[]) {
  network.variables.forEach((variable, i) => {
    const tensor = tf.tensor(values[i] as Float32Array, variable.shape, "float32");
    variable.assign(tensor);
    tensor.dispose();
  });
}

/** The fused kernels when they can and should train this network (on a GPU backend, a measured race decides). */
async function chooseTrainer(
  network: Network,
  data: Dataset,
  kernels: NonNullable<FitOptions["kernels"]>,
  batchSize: number,
  learningRate: number
): Promise<{trainer: HandTrainer | null; race: RaceResult | null}> {
  if (kernels === "tfjs") return {trainer: null, race: null};
  const trainer = await handTrainer(network, {batchSize, learningRate});
  if (!trainer && kernels === "fused") {
    throw new Error(
      fusedShape(network.spec)
        ? "the fused kernels need WebAssembly SIMD, which this environment lacks"
        : `the fused kernels do not cover ${network.spec.name}: only ${FUSED_MODELS}`
    );
  }
  // Only the recurrent model's kernels race a GPU backend: the baseline's step is microseconds in JavaScript.
  const race =
    trainer instanceof FusedRnnTrainer && kernels === "auto"
      ? await raceTrainers(network, data, batchSize, trainBatch)
      : null;
  return {trainer: race && race.tfjsMs < race.fusedMs ? null : trainer, race};
}

/** One optimisation step on the rows `rows` of `data`: returns the batch's loss and accuracy. */
export function trainBatch(
  network: Network,
  optimizer: tf.Optimizer,
  data: Dataset,
  rows: Int32Array,
  rng: RandomState
): [number, number] {
  return tf.tidy(() => {
    const {xs, ys} = batchTensors(data, rows);
    let accuracy: tf.Scalar | null = null;
    const loss = optimizer.minimize(
      () => {
        const logits = network.apply(xs, {training: true, rng, logits: true});
        accuracy = tf.keep(binaryAccuracyFromLogits(ys, logits));
        return binaryCrossentropyFromLogits(ys, logits);
      },
      true,
      network.variables
    )!;
    const values: [number, number] = [loss.dataSync()[0], accuracy!.dataSync()[0]];
    accuracy!.dispose();
    return values;
  });
}

export interface InferenceOptions {
  /** "auto" (default): the hand-written kernels when they cover the model (fused ones once loaded: they load with this module); else tfjs. */
  kernels?: "auto" | "tfjs";
}

/** Keras `model.evaluate` for the binary classifier: mean loss and accuracy over `rows` (default: all). */
export function evaluate(
  network: Network,
  data: Dataset,
  {rows, batchSize = 32, kernels = "auto"}: {rows?: Int32Array; batchSize?: number} & InferenceOptions = {}
): {loss: number; accuracy: number} {
  const all = rows ?? range(0, data.x.length);
  const fused = kernels === "auto" ? handInference(network, batchSize) : null;
  if (fused) return fused.evaluate(data, all);
  let loss = 0;
  let correct = 0;
  for (let start = 0; start < all.length; start += batchSize) {
    const batch = all.subarray(start, Math.min(start + batchSize, all.length));
    tf.tidy(() => {
      const {xs, ys} = batchTensors(data, batch);
      const logits = network.apply(xs, {logits: true});
      loss += binaryCrossentropyFromLogits(ys, logits).dataSync()[0] * batch.length;
      correct += binaryAccuracyFromLogits(ys, logits).dataSync()[0] * batch.length;
    });
  }
  return {loss: loss / all.length, accuracy: correct / all.length};
}

/**
 * `evaluate`, a batch (default 32, as Keras) at a time, each in a task of its own: on a page, a test set evaluated in
 * one piece held the main thread 30–50 ms (200 sequences). The same loss and accuracy; rejects with an AbortError
 * once `signal` aborts.
 */
export async function evaluateInSlices(
  network: Network,
  data: Dataset,
  {rows, batchSize = 32, kernels = "auto", signal}: Parameters<typeof evaluate>[2] & {signal?: AbortSignal} = {}
): Promise<{loss: number; accuracy: number}> {
  const all = rows ?? range(0, data.x.length);
  let loss = 0;
  let correct = 0;
  for (let start = 0; start < all.length; start += batchSize) {
    if (start > 0) await nextTask();
    if (signal?.aborted) throw abortError(signal);
    const batch = all.subarray(start, Math.min(start + batchSize, all.length));
    // A fresh inference per batch: the fused kernels' memory is shared by the page, and other cells run in between.
    const result = evaluate(network, data, {rows: batch, batchSize, kernels});
    loss += result.loss * batch.length;
    correct += result.accuracy * batch.length;
  }
  return {loss: loss / all.length, accuracy: correct / all.length};
}

/** Probabilities of the positive class for padded rows. */
export function predictProbabilities(
  network: Network,
  rows: ArrayLike<number>[],
  {kernels = "auto"}: InferenceOptions = {}
): Float32Array {
  const fused = kernels === "auto" ? handInference(network, 32) : null;
  if (fused) return fused.probabilities({x: rows, y: new Float32Array(rows.length)});
  return tf.tidy(() => {
    const {xs} = batchTensors({x: rows, y: new Float32Array(rows.length)}, range(0, rows.length));
    return network.apply(xs).reshape([-1]).dataSync() as Float32Array;
  });
}

/** The whole training as DESIGN.md's `train(spec, data, {signal, seed})`: epochs, then the trained weights. */
export async function* train(
  spec: ModelSpec,
  data: Dataset,
  options: FitOptions = {}
): AsyncGenerator<EpochUpdate | {done: true; weights: NetworkData; history: History}> {
  const network = Network.create(spec, {seed: options.seed});
  try {
    const epochs = fit(network, data, options);
    let last: IteratorResult<EpochUpdate, History>;
    while (!(last = await epochs.next()).done) yield last.value;
    yield {done: true, weights: network.toData(), history: last.value};
  } finally {
    network.dispose();
  }
}
