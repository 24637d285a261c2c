import workerUrl from "./training-worker.ts?worker";
import {WorkerPool, type PoolStats, type WorkerLike} from "./worker-pool.js";

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

/** What the page can read about its training workers (tests and the curious): the pool's statistics, once it exists. */
export function workerStats(): PoolStats | null {
  return pagePool()?.stats ?? null;
}
