import type {NetworkData} from "../models/network.js";
import type {History} from "../train/fit.js";
import {openRecordStore} from "./indexeddb-store.js";
import {memoryStore, type RecordStore} from "./record-store.js";

/** What a finished training leaves: enough to show it again exactly as it ended, without training. */
export interface TrainingResult {
  key: string;
  history: History;
  /** The final weights (plain arrays). */
  weights: NetworkData;
  /** The backend and kernels that trained it, and how long it took (ms). */
  backend: string;
  trainer: "fused" | "tfjs" | null;
  elapsed: number;
}

export interface ResultCacheOptions {
  /** Results kept in memory (a few hundred kB each for the essay's model). */
  memoryEntries?: number;
  /**
   * Results kept in the persistent store (the essay's model weighs 0.5–0.8 MB: 100 results, 50–80 MB); beyond it,
   * those of earlier visits are dropped first, then this visit's oldest.
   */
  storedEntries?: number;
}

/**
 * Training results by cache key: in memory (most recently used first out of the limit) and in a persistent store
 * (IndexedDB), so that a configuration trained in an earlier visit comes back at once. A failing store never fails
 * a training: the cache then keeps to memory and says why in `storeError`.
 *
 * The cache exists at once (`opening`) and its store opens in the background (`ready`): a first IndexedDB open
 * takes a few hundred milliseconds on a busy page, which a training need not wait for (see `trainCached`).
 */
export class ResultCache {
  private readonly memory = new Map<string, TrainingResult>();
  private readonly memoryEntries: number;
  private readonly storedEntries: number;
  private store: RecordStore<TrainingResult> | null = null;
  private readonly storedKeys: string[] = [];
  storeError: string | null = null;
  /** Resolves once the store is open and its keys known (or its failure recorded in `storeError`). */
  readonly ready: Promise<void>;

  private constructor(
    store: RecordStore<TrainingResult> | Promise<RecordStore<TrainingResult>>,
    options: ResultCacheOptions
  ) {
    this.memoryEntries = options.memoryEntries ?? 48;
    this.storedEntries = options.storedEntries ?? 100;
    this.ready = this.load(store);
  }

  private async load(store: RecordStore<TrainingResult> | Promise<RecordStore<TrainingResult>>): Promise<void> {
    const backing = await store;
    try {
      this.storedKeys.push(...(await backing.keys()));
    } catch (e) {
      this.storeError = message(e);
    }
    this.store = backing;
  }

  /** A cache over `store` (default: the toolkit's IndexedDB store, memory-only where there is none), now; see `ready`. */
  static opening(store?: RecordStore<TrainingResult>, options: ResultCacheOptions = {}): ResultCache {
    return new ResultCache(store ?? openRecordStore<TrainingResult>("results"), options);
  }

  /** As `opening`, once the store is ready. */
  static async open(store?: RecordStore<TrainingResult>, options: ResultCacheOptions = {}): Promise<ResultCache> {
    const cache = ResultCache.opening(store, options);
    await cache.ready;
    return cache;
  }

  /** Whether results outlive the page (known once `ready`; false before). */
  get persistent(): boolean {
    return this.store !== null && this.store.kind !== "memory" && this.storeError === null;
  }

  /** The result kept in memory under `key` (a copy), or null: an answer without waiting for the store. */
  peek(key: string): TrainingResult | null {
    const result = this.memory.get(key);
    if (!result) return null;
    this.remember(result);
    return copyResult(result);
  }

  /** The result stored under `key`, or null. The caller gets its own copy of the weights. */
  async get(key: string): Promise<TrainingResult | null> {
    const inMemory = this.peek(key);
    if (inMemory) return inMemory;
    await this.ready;
    let result: TrainingResult | null = null;
    if (this.storedKeys.includes(key)) {
      try {
        result = (await this.store!.get(key)) ?? null;
      } catch (e) {
        this.storeError = message(e);
      }
    }
    if (!result) return null;
    this.remember(result);
    return copyResult(result);
  }

  /** Keeps a copy of `result` (in memory at once; the persistent write is awaited by the returned promise). */
  async put(result: TrainingResult): Promise<void> {
    const copy = copyResult(result);
    this.remember(copy);
    await this.ready;
    try {
      await this.store!.put(copy.key, copy);
      const known = this.storedKeys.indexOf(copy.key);
      if (known >= 0) this.storedKeys.splice(known, 1);
      this.storedKeys.push(copy.key);
      while (this.storedKeys.length > this.storedEntries) await this.store!.delete(this.storedKeys.shift()!);
    } catch (e) {
      this.storeError = message(e);
    }
  }

  async clear(): Promise<void> {
    this.memory.clear();
    await this.ready;
    this.storedKeys.length = 0;
    await this.store!.clear();
  }

  private remember(result: TrainingResult) {
    this.memory.delete(result.key);
    this.memory.set(result.key, result);
    while (this.memory.size > this.memoryEntries) this.memory.delete(this.memory.keys().next().value!);
  }
}

/** A memory-only cache (tests, Node). */
export function memoryResultCache(options: ResultCacheOptions = {}): Promise<ResultCache> {
  return ResultCache.open(memoryStore<TrainingResult>(), options);
}

function copyResult(r: TrainingResult): TrainingResult {
  return {
    ...r,
    history: {
      loss: r.history.loss.slice(),
      accuracy: r.history.accuracy.slice(),
      val_loss: r.history.val_loss.slice(),
      val_accuracy: r.history.val_accuracy.slice()
    },
    weights: {
      spec: r.weights.spec,
      weights: r.weights.weights.map((w) => ({...w, shape: w.shape.slice(), values: w.values.slice()}))
    }
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
