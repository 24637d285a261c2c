import * as tf from "@tensorflow/tfjs";
import {Network} from "../models/network.js";
import type {ModelSpec} from "../models/spec.js";
import type {Dataset} from "./data.js";
import type {FitOptions, History} from "./fit.js";
import {trainLive, type LiveTraining} from "./live.js";
import workerUrl from "./training-worker.ts?worker";
import type {FromWorker, ToWorker} from "./worker-protocol.js";

/** What the page can read about the workers, for tests and the curious: the last aborted run, the last finished one. */
export const workerStats = {started: 0, aborted: [] as {batchesAfterAbort: number; numTensors: number}[], finished: [] as {numTensors: number}[]};

const idle: Worker[] = [];
let nextId = 1;

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

  const worker = idle.pop() ?? new Worker(workerUrl, {type: "module"});
  const id = nextId++;
  const messages = queue<FromWorker>();
  const listener = (event: MessageEvent<FromWorker>) => {
    if (event.data.id === id) messages.push(event.data);
  };
  const failure = (event: ErrorEvent) => messages.push({type: "error", id, message: event.message || "the training worker failed to start"});
  worker.addEventListener("message", listener);
  worker.addEventListener("error", failure);
  let settled = false;
  const release = () => {
    worker.removeEventListener("message", listener);
    worker.removeEventListener("error", failure);
    idle.push(worker);
  };
  const abort = () => {
    if (settled) return;
    settled = true;
    // The worker answers "aborted" within one batch; it goes back to the pool then.
    worker.postMessage({type: "abort", id} satisfies ToWorker);
    const onAborted = (event: MessageEvent<FromWorker>) => {
      if (event.data.id !== id || (event.data.type !== "aborted" && event.data.type !== "done" && event.data.type !== "error")) return;
      worker.removeEventListener("message", onAborted);
      if (event.data.type === "aborted") workerStats.aborted.push({batchesAfterAbort: event.data.batchesAfterAbort, numTensors: event.data.numTensors});
      release();
    };
    worker.removeEventListener("message", listener);
    worker.addEventListener("message", onAborted);
  };
  options.signal?.addEventListener("abort", abort, {once: true});

  const empty: History = {loss: [], accuracy: [], val_loss: [], val_accuracy: []};
  let network = Network.create(spec, {seed}); // the worker starts from the same seeded weights
  let handedOver = false;
  let lastElapsed = 0;
  try {
    worker.postMessage({
      type: "train", id, spec, ids, rowLength, labels, backend: tf.getBackend(), wasmPath: new URL("./wasm/", import.meta.url).href,
      options: {epochs, batchSize: options.batchSize, validationSplit: options.validationSplit, learningRate: options.learningRate, shuffle: options.shuffle, seed}
    } satisfies ToWorker, [ids.buffer, labels.buffer]);
    workerStats.started += 1;
    let backend = tf.getBackend();
    yield {network, epoch: 0, epochs, logs: null, history: empty, progress: 0, done: false, backend: `${backend} (worker)`, elapsed: 0};
    for (;;) {
      const message = await messages.next(options.signal);
      if (message === null) return; // aborted: the worker is told, and frees what it made
      if (message.type === "started") backend = message.backend;
      else if (message.type === "error") throw new Error(message.message);
      else if (message.type === "epoch" || message.type === "done") {
        const previous = network;
        network = Network.fromData(message.weights);
        previous.dispose();
        if (message.type === "done") {
          settled = true;
          workerStats.finished.push({numTensors: message.numTensors});
          release();
          handedOver = true;
          const history = message.history;
          const index = history.loss.length - 1;
          const logs = {loss: history.loss[index], accuracy: history.accuracy[index], ...(history.val_loss.length ? {val_loss: history.val_loss[index], val_accuracy: history.val_accuracy[index]} : {})};
          yield {network, epoch: epochs, epochs, logs, history, progress: 1, done: true, backend: `${backend} (worker)`, elapsed: lastElapsed};
          return;
        }
        lastElapsed = message.update.elapsed;
        if (message.update.epoch < epochs) {
          yield {network, epoch: message.update.epoch, epochs, logs: message.update.logs, history: message.update.history, progress: message.update.progress, done: false, backend: `${backend} (worker)`, elapsed: message.update.elapsed};
        }
      }
    }
  } finally {
    options.signal?.removeEventListener("abort", abort);
    if (!settled) abort();
    if (!handedOver) network.dispose();
  }
}

/** A queue of messages whose `next` can be cut short by an abort signal (then it resolves to null). */
function queue<T>() {
  const items: T[] = [];
  let wake: (() => void) | null = null;
  return {
    push(item: T) {
      items.push(item);
      wake?.();
    },
    async next(signal?: AbortSignal): Promise<T | null> {
      while (!items.length) {
        if (signal?.aborted) return null;
        await new Promise<void>((resolve) => {
          wake = resolve;
          signal?.addEventListener("abort", () => resolve(), {once: true});
        });
        wake = null;
      }
      return items.shift()!;
    }
  };
}
