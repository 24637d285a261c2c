import * as tf from "@tensorflow/tfjs";
import {beforeEach, describe, expect, it} from "vitest";
import {useBackend} from "../testing/backends.js";
import {seedData} from "../testing/seed-data.js";
import {sentimentRnnSpec} from "../models/builders.js";
import {trainingKey} from "./cache-key.js";
import {trainReplicates, type ReplicateProgress} from "./replicates.js";
import {memoryResultCache} from "./result-cache.js";
import {groupRuns} from "./run-groups.js";
import type {RunConfig} from "./run-config.js";
import {RunLedger} from "./run-ledger.js";
import {sentimentSetup} from "./sentiment-setup.js";
import {SweepRunner, type SweepState} from "./sweep-runner.js";
import {trainRun} from "./train-run.js";

beforeEach(() => useBackend("wasm"));

const small: RunConfig = {
  hiddenSize: 16,
  maxLength: 20,
  embeddingDim: 16,
  epochs: 1,
  learningRate: 0.003,
  dropoutRate: 0.3,
  batchSize: 32,
  seed: 5
};
const services = async () => ({cache: await memoryResultCache(), ledger: await RunLedger.memory()});

describe("sentimentSetup", () => {
  it("prepares the very data and model the essay's §5 cells do: same cache key", () => {
    const page = seedData(20);
    const config = {...small, hiddenSize: 128, embeddingDim: 100, seed: 42};
    const setup = sentimentSetup(config);
    const pageSpec = sentimentRnnSpec({
      vocabSize: 1000,
      embeddingDim: 100,
      hiddenSize: 128,
      maxLength: 20,
      dropout: 0.3,
      recurrentDropout: 0.3
    });
    const pageOptions = {epochs: 1, batchSize: 32, validationSplit: 0.2, learningRate: 0.003, seed: 42};
    expect(trainingKey({spec: setup.spec, data: setup.train, options: setup.options, backend: "wasm"})).toBe(
      trainingKey({spec: pageSpec, data: page.train, options: pageOptions, backend: "wasm"})
    );
    expect(setup.test.x.map((r) => Array.from(r))).toEqual(page.test.x.map((r) => Array.from(r)));
  });
});

describe("trainRun", () => {
  it("trains, evaluates and records a run; the same configuration again comes from the cache with the same record", async () => {
    const s = await services();
    const before = tf.memory().numTensors;
    const first = await trainRun(small, s);
    expect(first.source).toBe("trained");
    const {record} = first;
    expect(record.config).toEqual(small);
    expect(record.history.val_accuracy).toHaveLength(1);
    expect(record.test.accuracy).toBeGreaterThanOrEqual(0);
    expect(record.predictions.map((p) => p.text)).toHaveLength(5);
    expect(record.predictions.every((p) => p.score > 0 && p.score < 1)).toBe(true);
    expect([record.backend, record.trainer]).toEqual(["wasm", "fused"]);
    const again = await trainRun({...small}, s);
    expect(again.source).toBe("cache");
    expect(again.record).toBe(record);
    expect(s.ledger.runs.value).toHaveLength(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("throws an AbortError when aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(trainRun({...small, seed: 99}, await services(), controller.signal)).rejects.toMatchObject({
      name: "AbortError"
    });
  });
});

describe("trainReplicates", () => {
  it("trains the seeds after the run's own and records them", async () => {
    const s = await services();
    const seen: ReplicateProgress[] = [];
    for await (const progress of trainReplicates({...small, seed: 4294967295}, 3, s, undefined, 2)) seen.push(progress);
    expect(seen[0]).toMatchObject({seeds: [0, 1], records: [], done: false});
    const last = seen.at(-1)!;
    expect(last.done).toBe(true);
    expect(last.records.map((r) => r.config.seed).sort()).toEqual([0, 1]);
    expect(groupRuns(s.ledger.runs.value)).toHaveLength(1);
  });
});

describe("SweepRunner", () => {
  it("runs every planned configuration, publishes progress, and takes a repeated sweep from the cache", async () => {
    const s = await services();
    const runner = new SweepRunner(s, 2);
    const states: SweepState[] = [];
    const stop = runner.state.subscribe((state) => states.push(state));
    const options = {base: small, axes: [{key: "hiddenSize" as const, values: [8, 16]}], replicates: 2};
    const final = await runner.run(options);
    expect(final.status).toBe("done");
    expect(final.records).toHaveLength(4);
    expect(final.fromCache).toBe(0);
    expect(states.map((x) => x.done)).toEqual([0, 1, 2, 3, 4, 4]);
    expect(states[1].remainingMs).not.toBeNull();
    const groups = groupRuns(final.records);
    expect(groups.map((g) => g.config.hiddenSize).sort()).toEqual([16, 8]);
    expect(groups.every((g) => g.seeds.length === 2)).toBe(true);
    const again = await runner.run(options);
    expect([again.status, again.fromCache, s.ledger.runs.value.length]).toEqual(["done", 4, 4]);
    stop();
  });

  it("stops when aborted and says so", async () => {
    const runner = new SweepRunner(await services(), 1);
    const stop = runner.state.subscribe((state) => {
      if (state.done === 1) runner.abort();
    });
    const final = await runner.run({base: small, axes: [{key: "epochs", values: [1, 2, 3]}], replicates: 1});
    stop();
    expect(final.status).toBe("aborted");
    expect(final.records).toHaveLength(1);
    expect(runner.state.value.status).toBe("aborted");
  });
});
