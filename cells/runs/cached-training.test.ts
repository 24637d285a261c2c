import * as tf from "@tensorflow/tfjs";
import {beforeEach, describe, expect, it} from "vitest";
import {sentimentRnnSpec} from "../models/builders.js";
import type {NetworkData} from "../models/network.js";
import {useBackend} from "../testing/backends.js";
import {seedData} from "../testing/seed-data.js";
import {train, type FitOptions, type History} from "../train/fit.js";
import {trainCached, type CachedTraining} from "./cached-training.js";
import {memoryStore} from "./record-store.js";
import {memoryResultCache, ResultCache, type TrainingResult} from "./result-cache.js";

const data = seedData().train;
const spec = sentimentRnnSpec({hiddenSize: 32});
const options: FitOptions = {
  epochs: 3,
  batchSize: 32,
  validationSplit: 0.2,
  learningRate: 0.003,
  seed: 11,
  kernels: "fused"
};

beforeEach(() => useBackend("wasm"));

async function collect(generator: AsyncGenerator<CachedTraining>): Promise<CachedTraining[]> {
  const updates: CachedTraining[] = [];
  for await (const update of generator) updates.push(update);
  return updates;
}

async function freshRun(o: FitOptions): Promise<{history: History; weights: NetworkData}> {
  let last: unknown = null;
  for await (const update of train(spec, data, o)) last = update;
  return last as {history: History; weights: NetworkData};
}

/** Bit for bit: the same float32 bits in the same places. */
function expectSameBits(a: NetworkData, b: NetworkData) {
  expect(a.weights.map((w) => [w.name, w.shape])).toEqual(b.weights.map((w) => [w.name, w.shape]));
  a.weights.forEach((w, i) =>
    expect(new Uint32Array(w.values.buffer, w.values.byteOffset, w.values.length), w.name).toEqual(
      new Uint32Array(b.weights[i].values.buffer, b.weights[i].values.byteOffset, b.weights[i].values.length)
    )
  );
}

describe("trainCached (fused kernels, Node)", () => {
  it("trains once; the second time yields the result from the cache at once, identical to a fresh run bit for bit", async () => {
    const cache = await memoryResultCache();
    const first = await collect(trainCached(spec, data, options, cache));
    expect(first.map((u) => [u.epoch, u.source])).toEqual([
      [0, "trained"],
      [1, "trained"],
      [2, "trained"],
      [3, "trained"]
    ]);
    expect(first.at(-1)!.trainer).toBe("fused");
    const trainedWeights = first.at(-1)!.network.toData();
    first.at(-1)!.network.dispose();

    const before = tf.memory().numTensors;
    const second = await collect(trainCached(spec, data, {...options}, cache));
    expect(second).toHaveLength(1);
    const hit = second[0];
    expect([hit.source, hit.done, hit.epoch, hit.progress, hit.key]).toEqual(["cache", true, 3, 1, first[0].key]);
    const {loss, accuracy, val_loss, val_accuracy} = hit.history;
    expect(hit.logs).toEqual({
      loss: loss[2],
      accuracy: accuracy[2],
      val_loss: val_loss[2],
      val_accuracy: val_accuracy[2]
    });

    const fresh = await freshRun(options);
    expect(hit.history).toStrictEqual(fresh.history);
    expect(first.at(-1)!.history).toStrictEqual(fresh.history);
    expectSameBits(hit.network.toData(), fresh.weights);
    expectSameBits(trainedWeights, fresh.weights);
    hit.network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("trains again for another seed, and hands out copies the caller may change", async () => {
    const cache = await memoryResultCache();
    await collect(trainCached(spec, data, {...options, epochs: 1}, cache)).then((u) => u.at(-1)!.network.dispose());
    const other = await collect(trainCached(spec, data, {...options, epochs: 1, seed: 12}, cache));
    expect(other.at(-1)!.source).toBe("trained");
    other.at(-1)!.network.dispose();
    const key = other.at(-1)!.key!;
    const a = (await cache.get(key))!;
    a.weights.weights[0].values.fill(0);
    a.history.loss[0] = -1;
    const b = (await cache.get(key))!;
    expect(b.history.loss[0]).toBeGreaterThan(0);
    expect(b.weights.weights[0].values.some((v) => v !== 0)).toBe(true);
  });

  it("while its store opens, a stored result still wins: the training started meanwhile stops before its first update", async () => {
    const store = memoryStore<TrainingResult>();
    const earlier = await memoryResultCache();
    const trained = await collect(trainCached(spec, data, {...options, epochs: 1}, earlier));
    trained.at(-1)!.network.dispose();
    await store.put(trained[0].key!, (await earlier.get(trained[0].key!))!);

    let openStore!: () => void;
    const opening = new Promise<void>((resolve) => (openStore = resolve));
    const slowStore = {...store, keys: async () => (await opening, store.keys())};
    const cache = ResultCache.opening(slowStore);
    const before = tf.memory().numTensors;
    const updates = collect(trainCached(spec, data, {...options, epochs: 1}, cache));
    setTimeout(openStore, 50);
    const [hit, ...rest] = await updates;
    expect(rest).toEqual([]);
    expect([hit.source, hit.done, hit.key]).toEqual(["cache", true, trained[0].key]);
    expect(hit.history).toStrictEqual(trained.at(-1)!.history);
    hit.network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("while its store opens, a training not stored goes on as if the store had answered at once", async () => {
    let openStore!: () => void;
    const opening = new Promise<void>((resolve) => (openStore = resolve));
    const store = memoryStore<TrainingResult>();
    const cache = ResultCache.opening({...store, keys: async () => (await opening, store.keys())});
    const updates = collect(trainCached(spec, data, {...options, epochs: 2}, cache));
    setTimeout(openStore, 50);
    const all = await updates;
    expect(all.map((u) => [u.epoch, u.source])).toEqual([
      [0, "trained"],
      [1, "trained"],
      [2, "trained"]
    ]);
    all.at(-1)!.network.dispose();
    expect(cache.persistent).toBe(false); // a memory store
    expect((await cache.get(all[0].key!))?.history).toStrictEqual(all.at(-1)!.history);
    expect(await store.keys()).toEqual([all[0].key]);
  });

  it("an aborted training leaves nothing in the cache", async () => {
    const cache = await memoryResultCache();
    const controller = new AbortController();
    const updates: CachedTraining[] = [];
    // On this thread the abort surfaces as an AbortError (a worker's training just ends).
    await expect(
      (async () => {
        for await (const update of trainCached(spec, data, {...options, signal: controller.signal}, cache)) {
          updates.push(update);
          if (update.epoch === 1) controller.abort();
        }
      })()
    ).rejects.toMatchObject({name: "AbortError"});
    expect(updates.at(-1)!.done).toBe(false);
    expect(await cache.get(updates[0].key!)).toBeNull();
  });
});

describe("ResultCache", () => {
  const result = (key: string): TrainingResult => ({
    key,
    history: {loss: [1], accuracy: [0.5], val_loss: [], val_accuracy: []},
    backend: "wasm",
    trainer: "fused",
    elapsed: 1,
    weights: {spec, weights: [{name: "w", shape: [2], values: Float32Array.of(1, 2)}]}
  });

  it("keeps the most recently used results in memory and the rest in its store", async () => {
    const store = memoryStore<TrainingResult>();
    const cache = await ResultCache.open(store, {memoryEntries: 2, storedEntries: 3});
    for (const key of ["a", "b", "c", "d"]) await cache.put(result(key));
    expect((await store.keys()).sort()).toEqual(["b", "c", "d"]); // the oldest stored was dropped
    expect(await cache.get("a")).toBeNull();
    expect((await cache.get("b"))?.key).toBe("b"); // from the store: out of memory by then
    const reopened = await ResultCache.open(store);
    expect((await reopened.get("c"))?.key).toBe("c"); // another visit finds it
  });

  it("exists before its store opens: what it holds in memory answers at once, the store once ready", async () => {
    let openStore!: () => void;
    const opening = new Promise<void>((resolve) => (openStore = resolve));
    const store = memoryStore<TrainingResult>();
    await store.put("stored", result("stored"));
    const cache = ResultCache.opening({...store, kind: "indexeddb", keys: async () => (await opening, store.keys())});
    expect(cache.persistent).toBe(false); // not known yet
    const put = cache.put(result("new"));
    expect(cache.peek("new")?.key).toBe("new");
    expect(cache.peek("stored")).toBeNull(); // peek never waits for the store
    let answered = false;
    const fromStore = cache.get("stored").then((r) => ((answered = true), r));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    openStore();
    expect((await fromStore)?.key).toBe("stored");
    await put;
    expect(cache.persistent).toBe(true);
    expect((await store.keys()).sort()).toEqual(["new", "stored"]);
  });

  it("keeps to memory when its store fails, and says why", async () => {
    const failing = {
      ...memoryStore<TrainingResult>(),
      kind: "indexeddb" as const,
      put: async () => {
        throw new Error("QuotaExceededError");
      }
    };
    const cache = await ResultCache.open(failing);
    await cache.put(result("a"));
    expect((await cache.get("a"))?.key).toBe("a");
    expect(cache.storeError).toBe("QuotaExceededError");
    expect(cache.persistent).toBe(false);
  });
});
