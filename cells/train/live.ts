import * as tf from "@tensorflow/tfjs";
import {Network} from "../models/network.js";
import type {ModelSpec} from "../models/spec.js";
import type {Dataset} from "./data.js";
import {fit, type EpochLogs, type EpochUpdate, type FitOptions, type History} from "./fit.js";
import type {RaceResult} from "./fused/race.js";

/** What a page's training cell sees: the live network, and how far training got. */
export interface LiveTraining {
  network: Network;
  /** 0 before the first epoch. */
  epoch: number;
  epochs: number;
  logs: EpochLogs | null;
  history: History;
  progress: number;
  done: boolean;
  /**
   * The tfjs backend of the training's process; where a worker trains without tfjs, "wasm" (the fused kernels) or
   * "js" (the baseline's hand-written step).
   */
  backend: string;
  /** The training runs in a Web Worker (absent: on this thread). */
  inWorker?: boolean;
  /** Which kernels train: the fused WebAssembly SIMD ones, or tfjs's on `backend` (unknown before the first epoch). */
  trainer: "fused" | "tfjs" | null;
  /** The measured race behind that choice, on a GPU backend (null: no race was needed). */
  race: RaceResult | null;
  elapsed: number;
}

/** Where a training runs, as a record tells it. */
export type TrainingSite = Pick<LiveTraining, "backend" | "inWorker">;

const emptyHistory = (): History => ({loss: [], accuracy: [], val_loss: [], val_accuracy: []});

/** The record before the first epoch. */
export function beforeFirstEpoch(
  network: Network,
  epochs: number,
  site: TrainingSite,
  trainer: LiveTraining["trainer"] = null
): LiveTraining {
  const history = emptyHistory();
  return {
    network,
    epoch: 0,
    epochs,
    logs: null,
    history,
    progress: 0,
    done: false,
    ...site,
    trainer,
    race: null,
    elapsed: 0
  };
}

/** The record after an epoch (`done` is set on the last one by whoever hands the network over). */
export function afterEpoch(network: Network, update: EpochUpdate, site: TrainingSite): LiveTraining {
  const {epoch, epochs, logs, history, progress, trainer, race, elapsed} = update;
  return {network, epoch, epochs, logs, history, progress, done: false, ...site, trainer, race, elapsed};
}

/**
 * Trains a fresh model and yields the live network before the first epoch and after each one, so that a
 * page can plot the curves and predict with the weights as they learn. Until the last value is yielded
 * the generator owns the network (an abort or an error disposes it); the last value hands it over.
 */
export async function* trainLive(
  spec: ModelSpec,
  data: Dataset,
  options: FitOptions = {}
): AsyncGenerator<LiveTraining> {
  const epochs = options.epochs ?? 10;
  const network = Network.create(spec, {seed: options.seed});
  const backend = tf.getBackend();
  let handedOver = false;
  try {
    const site = {backend, inWorker: false};
    yield beforeFirstEpoch(network, epochs, site);
    let last: LiveTraining | null = null;
    for await (const update of fit(network, data, options)) {
      last = afterEpoch(network, update, site);
      if (update.epoch < epochs) yield last;
    }
    handedOver = true;
    yield {...last!, done: true};
  } finally {
    if (!handedOver) network.dispose();
  }
}
