import {describe, expect, it} from "vitest";
import {LEDGER_FORMAT, ledgerToJSON, parseLedgerJSON} from "./ledger-json.js";
import {memoryStore} from "./record-store.js";
import type {RunConfig} from "./run-config.js";
import {RunLedger} from "./run-ledger.js";
import type {RunRecord} from "./run-record.js";

const config: RunConfig = {
  hiddenSize: 128,
  maxLength: 20,
  embeddingDim: 100,
  epochs: 3,
  learningRate: 0.001,
  dropoutRate: 0.3,
  batchSize: 32,
  seed: 42
};

function sampleRecord(id: string, change: Partial<RunConfig> = {}, time = 1000): RunRecord {
  return {
    id,
    config: {...config, ...change},
    backend: "wasm",
    trainer: "fused",
    history: {
      loss: [0.69, 0.4, 0.1],
      accuracy: [0.5, 0.8, 1],
      val_loss: [0.68, 0.5, 0.2],
      val_accuracy: [0.5, 0.75, 0.95]
    },
    test: {loss: 0.12, accuracy: 0.984375},
    predictions: [{text: "Superbe expérience, service impeccable", score: 0.8123}],
    durationMs: 612.5,
    time
  };
}

describe("RunLedger", () => {
  it("persists: a ledger opened again over the same store has the same runs, oldest first", async () => {
    const store = memoryStore<RunRecord>();
    const ledger = await RunLedger.open(store);
    await ledger.add(sampleRecord("b", {hiddenSize: 64}, 2000));
    await ledger.add(sampleRecord("a", {}, 1000));
    const again = await RunLedger.open(store);
    expect(again.runs.value.map((r) => r.id)).toEqual(["a", "b"]);
    expect(again.runs.value).toEqual(ledger.runs.value);
    await again.remove("a");
    expect((await RunLedger.open(store)).runs.value.map((r) => r.id)).toEqual(["b"]);
  });

  it("keeps one record per id: adding a known id replaces it", async () => {
    const ledger = await RunLedger.memory();
    await ledger.add(sampleRecord("a", {}, 1000));
    await ledger.add(sampleRecord("a", {}, 3000));
    expect(ledger.runs.value.map((r) => [r.id, r.time])).toEqual([["a", 3000]]);
  });

  it("exports JSON and imports it back into another ledger unchanged (round trip)", async () => {
    const ledger = await RunLedger.memory();
    await ledger.add(sampleRecord("a", {seed: 1}, 1000));
    await ledger.add(sampleRecord("b", {seed: 2, learningRate: 0.003}, 2000));
    const text = ledger.toJSON();
    expect(JSON.parse(text).format).toBe(LEDGER_FORMAT);
    const other = await RunLedger.memory();
    await other.add(sampleRecord("a", {seed: 1}, 500));
    expect(await other.importJSON(text)).toEqual({ok: true, added: 1, replaced: 1});
    expect(other.runs.value).toEqual(ledger.runs.value);
    expect(other.toJSON()).toBe(text);
  });

  it("refuses what is not an export, as data, and changes nothing", async () => {
    const ledger = await RunLedger.memory();
    await ledger.add(sampleRecord("a"));
    const broken = JSON.parse(ledgerToJSON([sampleRecord("x")]));
    broken.runs[0].history.loss = ["0.3"];
    const cases: [string, RegExp][] = [
      ["{", /JSON illisible/],
      [JSON.stringify({runs: []}), /format/],
      [JSON.stringify({format: LEDGER_FORMAT, version: 99, runs: []}), /version 99/],
      [JSON.stringify(broken), /exécution 0 : history\.loss/]
    ];
    for (const [text, error] of cases) {
      const result = await ledger.importJSON(text);
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.error).toMatch(error);
      expect(parseLedgerJSON(text).ok).toBe(false);
    }
    expect(ledger.runs.value.map((r) => r.id)).toEqual(["a"]);
  });

  it("streams its runs to a watcher: the current list, then each change", async () => {
    const ledger = await RunLedger.memory();
    const controller = new AbortController();
    const watcher = ledger.runs.watch(controller.signal);
    expect((await watcher.next()).value).toEqual([]);
    const next = watcher.next();
    await ledger.add(sampleRecord("a"));
    expect(((await next).value as RunRecord[]).map((r) => r.id)).toEqual(["a"]);
    const last = watcher.next();
    controller.abort();
    expect((await last).done).toBe(true);
  });
});
