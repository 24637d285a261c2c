import {Network} from "../models/network.js";
import type {ModelSpec} from "../models/spec.js";
import type {Dataset} from "./data.js";
import type {FitOptions, History} from "./fit.js";
import {trainLive, type LiveTraining} from "./live.js";
import {WorkerJob} from "./worker-pool.js";

/** What the page can read about the training workers, for tests and the curious. */
export const workerStats = {started: 0, aborted: [] as {batchesAfterAbort: number; numTensors: number}[], finished: [] as {numTensors: number}[]};

/**
 * `trainLive`, but the training runs in a Web Worker so that the page stays responsive: the worker posts
 * each epoch's logs and weights, and the page rebuilds a small network from them for predictions. When
 * the run's signal aborts, the worker stops within one batch. Without Worker support (or in Node) it
 * falls back to training on this thread.
 */
export async function* trainInBackground(spec: ModelSpec, data: Dataset, options: FitOptions = {}): AsyncGenerator<LiveTraining> {
  if (typeof Worker === "undefined") return yield* trainLive(spec, data, options);
  const seed = options.seed ?? ((Math.random() * 2 ** 32) >>> 0);
  const epochs = options.epochs ?? 10;
  const rowLength = data.x[0]?.length ?? 0;
  const ids = new Int32Array(data.x.length * rowLength);
  data.x.forEach((row, i) => ids.set(row as ArrayLike<number>, i * rowLength));
  const labels = Float32Array.from(data.y as ArrayLike<number>);
  const {batchSize, validationSplit, learningRate, shuffle, signal} = options;

  const job = new WorkerJob({type: "train", spec, ids, rowLength, labels, options: {epochs, batchSize, validationSplit, learningRate, shuffle, seed}}, [ids.buffer, labels.buffer]);
  job.onAbandonedMessage = (message) => {
    if (message.type === "aborted") workerStats.aborted.push({batchesAfterAbort: message.batchesAfterAbort, numTensors: message.numTensors});
  };
  workerStats.started += 1;
  const empty: History = {loss: [], accuracy: [], val_loss: [], val_accuracy: []};
  // The worker builds the seeded model (random draws and an orthogonal init: tens of ms) and sends its weights.
  let network: Network | null = null;
  let backend = "worker";
  let trainer: LiveTraining["trainer"] = null;
  let race: LiveTraining["race"] = null;
  let elapsed = 0;
  let handedOver = false;
  try {
    for (;;) {
      const message = await job.next(signal);
      if (message === null) return; // aborted: the worker is told below, and frees what it made
      if (message.type === "error") throw new Error(message.message);
      if (message.type === "started") {
        backend = `${message.backend} (worker)`;
        network = Network.fromData(message.weights);
        yield {network, epoch: 0, epochs, logs: null, history: empty, progress: 0, done: false, backend, trainer, race, elapsed: 0};
      }
      if (message.type !== "epoch" && message.type !== "done") continue;
      const previous = network;
      network = Network.fromData(message.weights);
      previous?.dispose();
      if (message.type === "epoch") {
        const {epoch, logs, history, progress} = message.update;
        elapsed = message.update.elapsed;
        trainer = message.update.trainer;
        race = message.update.race;
        if (epoch < epochs) yield {network, epoch, epochs, logs, history, progress, done: false, backend, trainer, race, elapsed};
      } else {
        workerStats.finished.push({numTensors: message.numTensors});
        handedOver = true;
        const {history} = message;
        const last = history.loss.length - 1;
        const logs = {loss: history.loss[last], accuracy: history.accuracy[last], ...(history.val_loss.length ? {val_loss: history.val_loss[last], val_accuracy: history.val_accuracy[last]} : {})};
        yield {network, epoch: epochs, epochs, logs, history, progress: 1, done: true, backend, trainer, race, elapsed};
        return;
      }
    }
  } finally {
    job.abandon();
    if (!handedOver) network?.dispose();
  }
}

/**
 * `Network.create(spec, {seed})` in a worker: the same weights, but the random draws and the orthogonal QR
 * (tens of ms, more while the JIT is cold) stay off the page's main thread. On this thread without Worker support.
 */
export async function createInBackground(spec: ModelSpec, {seed}: {seed: number}, signal?: AbortSignal): Promise<Network> {
  if (typeof Worker === "undefined") return Network.create(spec, {seed});
  const job = new WorkerJob({type: "create", spec, seed});
  try {
    for (;;) {
      const message = await job.next(signal);
      if (message === null) throw new DOMException("aborted", "AbortError");
      if (message.type === "error") throw new Error(message.message);
      if (message.type === "created") return Network.fromData(message.weights);
    }
  } finally {
    job.abandon();
  }
}
