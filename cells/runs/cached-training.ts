import * as tf from "@tensorflow/tfjs";
import {Network} from "../models/network.js";
import type {ModelSpec} from "../models/spec.js";
import {trainInBackground} from "../train/background.js";
import type {Dataset} from "../train/data.js";
import {lastLogs} from "../train/epochs.js";
import type {FitOptions} from "../train/fit.js";
import type {LiveTraining} from "../train/live.js";
import {kernelsKey, trainingKey} from "./cache-key.js";
import type {ResultCache, TrainingResult} from "./result-cache.js";

/** A training as the page sees it, and where its result comes from. */
export interface CachedTraining extends LiveTraining {
  /** "cache": a finished result shown again without training; "trained": this run trains (or trained) it. */
  source: "cache" | "trained";
  /** The cache key (also the run's id in the ledger); null for an unseeded run, which is never cached. */
  key: string | null;
}

/**
 * `trainInBackground`, remembered: a configuration already trained (same spec, data, options, seed, kernels)
 * yields its finished result at once — history and final weights, identical to a fresh run — without training;
 * otherwise it trains and, once done, stores the result under its key.
 *
 * A result in memory answers at once. Looking in the persistent store can take a moment (it may still be opening):
 * the training starts meanwhile, and a stored result, when there is one, stops it before its first update.
 */
export async function* trainCached(
  spec: ModelSpec,
  data: Dataset,
  options: FitOptions,
  cache: ResultCache
): AsyncGenerator<CachedTraining> {
  const backend = tf.getBackend();
  const key = trainingKey({spec, data, options, backend});
  const epochs = options.epochs ?? 10;
  const inMemory = key === null ? null : cache.peek(key);
  if (inMemory) {
    yield fromCache(inMemory, epochs, key!);
    return;
  }

  // Aborted by the caller's signal, or when a stored result makes the training unneeded. (Not AbortSignal.any:
  // Safari before 17.4 lacks it.)
  const unneeded = new AbortController();
  const stop = () => unneeded.abort(options.signal?.reason);
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener("abort", stop, {once: true});
  const training = trainInBackground(spec, data, {...options, signal: unneeded.signal});
  try {
    const first = training.next();
    first.catch(() => {}); // read below, unless a stored result makes the training unneeded
    const stored = key === null ? null : await cache.get(key);
    if (options.signal?.aborted || stored) {
      unneeded.abort();
      if (stored && !options.signal?.aborted) yield fromCache(stored, epochs, key!);
      return;
    }
    const expected = kernelsKey(spec, options.kernels, backend);
    for (let next = await first; !next.done; next = await training.next()) {
      const update = next.value;
      // A result trained by other kernels than the key assumed (no SIMD, say) is shown but not remembered.
      if (update.done && key !== null && (expected !== "fused" || update.trainer === "fused")) {
        void cache.put({
          key,
          history: update.history,
          weights: update.network.toData(),
          backend: update.backend,
          trainer: update.trainer,
          elapsed: update.elapsed
        });
      }
      yield {...update, source: "trained", key};
    }
  } finally {
    // However this ends (a stored result, an abort, a consumer that stops reading), the training ends with it.
    options.signal?.removeEventListener("abort", stop);
    unneeded.abort();
    await training.return(undefined).catch(() => {});
  }
}

function fromCache(hit: TrainingResult, epochs: number, key: string): CachedTraining {
  return {
    network: Network.fromData(hit.weights),
    epoch: hit.history.loss.length,
    epochs,
    logs: lastLogs(hit.history),
    history: hit.history,
    progress: 1,
    done: true,
    backend: hit.backend,
    trainer: hit.trainer,
    race: null,
    elapsed: hit.elapsed,
    source: "cache",
    key
  };
}
