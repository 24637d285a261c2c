import * as tf from "@tensorflow/tfjs";
import workerUrl from "./training-worker.ts?worker";
import {WorkerPool, type WorkerLike} from "./worker-pool.js";
import type {TfSettings} from "./worker-protocol.js";

let pool: WorkerPool | null = null;

/** The page's one pool of training workers; null where there are no Web Workers (Node). */
export function pagePool(): WorkerPool | null {
  if (typeof Worker === "undefined") return null;
  return (pool ??= new WorkerPool({
    createWorker: () => new Worker(workerUrl, {type: "module"}) as unknown as WorkerLike
  }));
}

// Made as soon as a page imports the training toolkit: the workers load while the page prepares the first job.
// Its statistics are there for tools and tests, as the engine's `__courant` is.
Object.assign(globalThis, {__courantWorkers: pagePool()?.stats});

/** The page's tfjs backend for a worker's tfjs work (wasm until the page has one), and the page's wasm binaries. */
export function tfSettings(): TfSettings {
  return {backend: tf.getBackend() ?? "wasm", wasmPath: new URL("./wasm/", import.meta.url).href};
}
