import workerUrl from "./training-worker.ts?worker";
import {defaultPoolSize, WorkerPool, type PoolStats, type WorkerLike} from "./worker-pool.js";

let pool: WorkerPool | null = null;

/** The page's one pool of training workers; null where there are no Web Workers (Node). */
export function pagePool(): WorkerPool | null {
  if (typeof Worker === "undefined") return null;
  return (pool ??= new WorkerPool({
    createWorker: () => new Worker(workerUrl, {type: "module"}) as unknown as WorkerLike,
    deferRest: afterLoad,
    lowPriorityLimit: Math.max(1, defaultPoolSize() - 1)
  }));
}

/**
 * The page's first idle moment (at the latest a few seconds on): the pool's first worker starts with the page, the
 * others once the page has loaded. On two cores, a second worker starting during the load delayed the first
 * plotted epoch by ~250 ms (its start competes with the page, and its job with the first worker's).
 */
function afterLoad(start: () => void) {
  if (typeof requestIdleCallback === "function") requestIdleCallback(start, {timeout: REST_AFTER_MS});
  else setTimeout(start, REST_AFTER_MS);
}
const REST_AFTER_MS = 3000;

// Made as soon as a page imports the training toolkit: the workers load while the page prepares the first job.
// Its statistics are there for tools and tests, as the engine's `__courant` is.
Object.assign(globalThis, {__courantWorkers: pagePool()?.stats});

/** What the page can read about its training workers (tests and the curious): the pool's statistics, once it exists. */
export function workerStats(): PoolStats | null {
  return pagePool()?.stats ?? null;
}
