import {RandomState} from "../random/mt19937.js";
import {abortError} from "../util/abort-error.js";
import {nextTask} from "../util/next-task.js";
import {range, type Dataset} from "./dataset.js";
import type {RaceResult} from "./fused/race.js";

/*
 * Keras's `fit` loop without tfjs: the validation split, a seeded shuffle every epoch, batches in tasks of their
 * own (an abort is seen between two batches), validation, history. What trains a batch is given: the fused
 * kernels (in a worker that loads no tfjs) or tfjs (see fit.ts).
 */

export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  /** Keras: the last rows (before shuffling) are held out for validation. */
  validationSplit?: number;
  learningRate?: number;
  shuffle?: boolean;
  /** Same seed and backend → same initialisation, shuffles, dropout masks and history. */
  seed?: number;
  /** Aborting stops within one batch; the generator then throws an AbortError. */
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

/** One optimisation step, validation, and the end of an epoch, whatever the kernels. */
export interface BatchTrainer {
  readonly kind: "fused" | "tfjs";
  /** One optimisation step on the rows `rows` of `data`: the batch's loss and accuracy. */
  trainBatch(data: Dataset, rows: Int32Array, rng: RandomState): [number, number];
  /** Mean loss and accuracy over `rows`, in inference mode. */
  evaluate(data: Dataset, rows: Int32Array): {loss: number; accuracy: number};
  /** After each epoch's batches, before validation (the fused kernels copy their weights out). */
  endEpoch?(): void;
}

export type EpochSettings = Required<
  Pick<FitOptions, "epochs" | "batchSize" | "validationSplit" | "learningRate" | "shuffle">
>;

/** The options with Keras's defaults, checked: a RangeError names the first that is wrong. */
export function epochSettings(options: FitOptions): EpochSettings {
  const {epochs = 10, batchSize = 32, validationSplit = 0, learningRate = 1e-3, shuffle = true} = options;
  if (!Number.isInteger(epochs) || epochs < 1) throw new RangeError(`epochs must be an integer ≥ 1, got ${epochs}`);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be an integer ≥ 1, got ${batchSize}`);
  if (!(validationSplit >= 0 && validationSplit < 1))
    throw new RangeError(`validationSplit must be in [0, 1), got ${validationSplit}`);
  if (!(learningRate > 0 && Number.isFinite(learningRate)))
    throw new RangeError(`learningRate must be a positive number, got ${learningRate}`);
  if (!["auto", "fused", "tfjs", undefined].includes(options.kernels))
    throw new RangeError(`kernels must be "auto", "fused" or "tfjs", got ${JSON.stringify(options.kernels)}`);
  return {epochs, batchSize, validationSplit, learningRate, shuffle};
}

/** Keras: split_at = int(n * (1 - validation_split)); validation is x[split_at:]. */
export function splitRows(n: number, validationSplit: number): {trainRows: Int32Array; validationRows: Int32Array} {
  const splitAt = validationSplit > 0 ? Math.floor(n * (1 - validationSplit)) : n;
  if (splitAt < 1) throw new RangeError(`validationSplit=${validationSplit} leaves no training rows out of ${n}`);
  return {trainRows: range(0, splitAt), validationRows: range(splitAt, n)};
}

/** The epochs: yields after each one, returns the history; throws an AbortError (`abortError(signal)`) when `signal` aborts. */
export async function* trainEpochs(
  trainer: BatchTrainer,
  data: Dataset,
  settings: EpochSettings & {rng: RandomState; race: RaceResult | null},
  {signal, onBatch}: Pick<FitOptions, "signal" | "onBatch"> = {}
): AsyncGenerator<EpochUpdate, History> {
  const {epochs, batchSize, validationSplit, shuffle, rng, race} = settings;
  const {trainRows, validationRows} = splitRows(data.x.length, validationSplit);
  const history: History = {loss: [], accuracy: [], val_loss: [], val_accuracy: []};
  const started = performanceNow();
  const batches = Math.ceil(trainRows.length / batchSize);
  for (let epoch = 0; epoch < epochs; ++epoch) {
    const order = Int32Array.from(trainRows);
    if (shuffle) rng.shuffle(order);
    let lossSum = 0;
    let correct = 0;
    for (let b = 0; b < batches; ++b) {
      if (signal?.aborted) throw abortError(signal);
      const rows = order.subarray(b * batchSize, Math.min((b + 1) * batchSize, order.length));
      const [loss, accuracy] = trainer.trainBatch(data, rows, rng);
      lossSum += loss * rows.length;
      correct += accuracy * rows.length;
      onBatch?.(b + 1, batches, epoch + 1);
      await nextTask();
    }
    if (signal?.aborted) throw abortError(signal);
    trainer.endEpoch?.();
    const logs: EpochLogs = {loss: lossSum / trainRows.length, accuracy: correct / trainRows.length};
    history.loss.push(logs.loss);
    history.accuracy.push(logs.accuracy);
    if (validationRows.length) {
      const validation = trainer.evaluate(data, validationRows);
      logs.val_loss = validation.loss;
      logs.val_accuracy = validation.accuracy;
      history.val_loss.push(validation.loss);
      history.val_accuracy.push(validation.accuracy);
    }
    yield {
      epoch: epoch + 1,
      epochs,
      logs,
      history: copyHistory(history),
      progress: (epoch + 1) / epochs,
      elapsed: performanceNow() - started,
      trainer: trainer.kind,
      race
    };
  }
  return history;
}

/** A fresh generator for `seed`, or an unseeded one (Math.random) when there is none. */
export function trainingRng(seed: number | undefined): RandomState {
  return new RandomState(seed ?? (Math.random() * 2 ** 32) >>> 0);
}

function copyHistory(h: History): History {
  return {
    loss: h.loss.slice(),
    accuracy: h.accuracy.slice(),
    val_loss: h.val_loss.slice(),
    val_accuracy: h.val_accuracy.slice()
  };
}

const performanceNow = () => (typeof performance === "undefined" ? Date.now() : performance.now());

/** The last epoch's logs of a history (Keras's names; validation only when there was some). */
export function lastLogs(history: History): EpochLogs | null {
  const last = history.loss.length - 1;
  if (last < 0) return null;
  const logs: EpochLogs = {loss: history.loss[last], accuracy: history.accuracy[last]};
  if (history.val_loss.length) {
    logs.val_loss = history.val_loss[last];
    logs.val_accuracy = history.val_accuracy[last];
  }
  return logs;
}
