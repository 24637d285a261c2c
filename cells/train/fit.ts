import * as tf from "@tensorflow/tfjs";
import {RandomState} from "../random/mt19937.js";
import {Network, type NetworkData} from "../models/network.js";
import type {ModelSpec} from "../models/spec.js";
import {batchTensors, checkDataset, range, type Dataset} from "./data.js";
import {binaryAccuracyFromLogits, binaryCrossentropyFromLogits} from "./losses.js";
import {nextTask} from "../util/next-task.js";
import {FusedRnnTrainer, fusedShape} from "./fused/fused-trainer.js";
import {raceTrainers, type RaceResult} from "./fused/race.js";

export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  /** Keras: the last rows (before shuffling) are held out for validation. */
  validationSplit?: number;
  learningRate?: number;
  shuffle?: boolean;
  /** Same seed and backend → same initialisation, shuffles, dropout masks and history. */
  seed?: number;
  /** Aborting stops within one batch; the generator then throws a TrainingAborted. */
  signal?: AbortSignal;
  /**
   * "auto" (default): the fused WebAssembly SIMD kernels for the models they cover (the §5 sentiment model),
   * tfjs elsewhere; "fused" insists (an error if they cannot run); "tfjs" always trains with tfjs kernels.
   */
  kernels?: "auto" | "fused" | "tfjs";
  /** Called after each batch with the 1-based batch number within the epoch and the batch count. */
  onBatch?: (batch: number, batches: number, epoch: number) => void;
}

export interface EpochLogs {
  loss: number;
  accuracy: number;
  val_loss?: number;
  val_accuracy?: number;
}

export interface History {
  loss: number[];
  accuracy: number[];
  val_loss: number[];
  val_accuracy: number[];
}

/** What `fit` yields after each epoch. */
export interface EpochUpdate {
  epoch: number;
  epochs: number;
  logs: EpochLogs;
  history: History;
  /** Fraction of the training done, in [0, 1]. */
  progress: number;
  /** Milliseconds since the start of training. */
  elapsed: number;
  /** Which kernels trained: the fused WebAssembly ones or tfjs's (on the current tfjs backend). */
  trainer: "fused" | "tfjs";
  /** On a GPU backend, the measured milliseconds of one training step of each that decided (null: no race). */
  race: RaceResult | null;
}

/** An aborted training: `name` is "AbortError", so callers can tell it from a failure. */
export class TrainingAborted extends Error {
  override name = "AbortError";
  constructor() {
    super("training aborted");
  }
}

/**
 * Keras `model.fit` for a binary classifier with a sigmoid output: binary cross-entropy, Adam, accuracy,
 * validation on the last `validationSplit` rows, a shuffle of the training rows every epoch. An async
 * generator that yields after each epoch and yields to the page between batches.
 */
export async function* fit(network: Network, data: Dataset, options: FitOptions = {}): AsyncGenerator<EpochUpdate, History> {
  const {epochs = 10, batchSize = 32, validationSplit = 0, learningRate = 1e-3, shuffle = true, signal} = options;
  checkFitOptions({epochs, batchSize, validationSplit, learningRate});
  if (!["auto", "fused", "tfjs", undefined].includes(options.kernels)) throw new RangeError(`kernels must be "auto", "fused" or "tfjs", got ${JSON.stringify(options.kernels)}`);
  const vocab = network.spec.layers[0].type === "Embedding" ? network.spec.layers[0].inputDim : undefined;
  checkDataset(data, "data", vocab);
  const n = data.x.length;
  // Keras: split_at = int(n * (1 - validation_split)); validation is x[split_at:]
  const splitAt = validationSplit > 0 ? Math.floor(n * (1 - validationSplit)) : n;
  if (splitAt < 1) throw new RangeError(`validationSplit=${validationSplit} leaves no training rows out of ${n}`);
  const trainRows = range(0, splitAt);
  const validationRows = range(splitAt, n);
  const rng = new RandomState(options.seed ?? ((Math.random() * 2 ** 32) >>> 0));
  // Buffers for at most one batch of the rows there are (a huge batchSize must not reserve memory for nothing).
  const {trainer: fused, race} = await chooseTrainer(network, data, options.kernels ?? "auto", Math.min(batchSize, n), learningRate);
  const optimizer = fused ? null : tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
  const history: History = {loss: [], accuracy: [], val_loss: [], val_accuracy: []};
  const started = performanceNow();
  const batches = Math.ceil(trainRows.length / batchSize);
  try {
    for (let epoch = 0; epoch < epochs; ++epoch) {
      const order = Int32Array.from(trainRows);
      if (shuffle) rng.shuffle(order);
      let lossSum = 0;
      let correct = 0;
      for (let b = 0; b < batches; ++b) {
        if (signal?.aborted) throw new TrainingAborted();
        const rows = order.subarray(b * batchSize, Math.min((b + 1) * batchSize, order.length));
        const [loss, accuracy] = fused ? fused.trainBatch(data, rows, rng) : trainBatch(network, optimizer!, data, rows, rng);
        lossSum += loss * rows.length;
        correct += accuracy * rows.length;
        options.onBatch?.(b + 1, batches, epoch + 1);
        await nextTask();
      }
      if (signal?.aborted) throw new TrainingAborted();
      fused?.writeTo(network);
      const logs: EpochLogs = {loss: lossSum / trainRows.length, accuracy: correct / trainRows.length};
      history.loss.push(logs.loss);
      history.accuracy.push(logs.accuracy);
      if (validationRows.length) {
        const validation = fused ? fused.evaluate(data, validationRows) : evaluate(network, data, {rows: validationRows, batchSize});
        logs.val_loss = validation.loss;
        logs.val_accuracy = validation.accuracy;
        history.val_loss.push(validation.loss);
        history.val_accuracy.push(validation.accuracy);
      }
      yield {epoch: epoch + 1, epochs, logs, history: copyHistory(history), progress: (epoch + 1) / epochs, elapsed: performanceNow() - started, trainer: fused ? "fused" : "tfjs", race};
    }
    return history;
  } finally {
    // Adam's slots are not owned by any model: free them whatever happens.
    optimizer?.dispose();
  }
}

/** The fused kernels when they can and should train this network (on a GPU backend, a measured race decides). */
async function chooseTrainer(network: Network, data: Dataset, kernels: NonNullable<FitOptions["kernels"]>, batchSize: number, learningRate: number): Promise<{trainer: FusedRnnTrainer | null; race: RaceResult | null}> {
  if (kernels === "tfjs") return {trainer: null, race: null};
  const trainer = await FusedRnnTrainer.create(network, {batchSize, learningRate});
  if (!trainer && kernels === "fused") {
    throw new Error(fusedShape(network.spec) ? "the fused kernels need WebAssembly SIMD, which this environment lacks" : `the fused kernels do not cover ${network.spec.name}: only Embedding → SimpleRNN(tanh) → [Dropout] → Dense(1, sigmoid)`);
  }
  const race = trainer && kernels === "auto" ? await raceTrainers(network, data, batchSize, trainBatch) : null;
  return {trainer: race && race.tfjsMs < race.fusedMs ? null : trainer, race};
}

/** One optimisation step on the rows `rows` of `data`: returns the batch's loss and accuracy. */
export function trainBatch(network: Network, optimizer: tf.Optimizer, data: Dataset, rows: Int32Array, rng: RandomState): [number, number] {
  return tf.tidy(() => {
    const {xs, ys} = batchTensors(data, rows);
    let accuracy: tf.Scalar | null = null;
    const loss = optimizer.minimize(() => {
      const logits = network.apply(xs, {training: true, rng, logits: true});
      accuracy = tf.keep(binaryAccuracyFromLogits(ys, logits));
      return binaryCrossentropyFromLogits(ys, logits);
    }, true, network.variables)!;
    const values: [number, number] = [loss.dataSync()[0], accuracy!.dataSync()[0]];
    accuracy!.dispose();
    return values;
  });
}

export interface InferenceOptions {
  /** "auto" (default): the fused kernels when they cover the model and have loaded (they load with this module); else tfjs. */
  kernels?: "auto" | "tfjs";
}

/** Keras `model.evaluate` for the binary classifier: mean loss and accuracy over `rows` (default: all). */
export function evaluate(network: Network, data: Dataset, {rows, batchSize = 32, kernels = "auto"}: {rows?: Int32Array; batchSize?: number} & InferenceOptions = {}): {loss: number; accuracy: number} {
  const all = rows ?? range(0, data.x.length);
  const fused = kernels === "auto" ? FusedRnnTrainer.forInference(network, batchSize) : null;
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

/** Probabilities of the positive class for padded rows. */
export function predictProbabilities(network: Network, rows: ArrayLike<number>[], {kernels = "auto"}: InferenceOptions = {}): Float32Array {
  const fused = kernels === "auto" ? FusedRnnTrainer.forInference(network, 32) : null;
  if (fused) return fused.probabilities({x: rows, y: new Float32Array(rows.length)});
  return tf.tidy(() => {
    const {xs} = batchTensors({x: rows, y: new Float32Array(rows.length)}, range(0, rows.length));
    return network.apply(xs).reshape([-1]).dataSync() as Float32Array;
  });
}

/** The whole training as DESIGN.md's `train(spec, data, {signal, seed})`: epochs, then the trained weights. */
export async function* train(spec: ModelSpec, data: Dataset, options: FitOptions = {}): AsyncGenerator<EpochUpdate | {done: true; weights: NetworkData; history: History}> {
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

function checkFitOptions({epochs, batchSize, validationSplit, learningRate}: Required<Pick<FitOptions, "epochs" | "batchSize" | "validationSplit" | "learningRate">>) {
  if (!Number.isInteger(epochs) || epochs < 1) throw new RangeError(`epochs must be an integer ≥ 1, got ${epochs}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be an integer ≥ 1, got ${batchSize}`);
  if (!(validationSplit >= 0 && validationSplit < 1)) throw new RangeError(`validationSplit must be in [0, 1), got ${validationSplit}`);
  if (!(learningRate > 0 && Number.isFinite(learningRate))) throw new RangeError(`learningRate must be a positive number, got ${learningRate}`);
}

function copyHistory(h: History): History {
  return {loss: h.loss.slice(), accuracy: h.accuracy.slice(), val_loss: h.val_loss.slice(), val_accuracy: h.val_accuracy.slice()};
}

const performanceNow = () => (typeof performance === "undefined" ? Date.now() : performance.now());
