import {describe, expect, it} from "vitest";
import type {RunConfig} from "./run-config.js";
import {parseSweepValues, planSweep} from "./sweep-plan.js";

const base: RunConfig = {
  hiddenSize: 128,
  maxLength: 20,
  embeddingDim: 100,
  epochs: 10,
  learningRate: 0.001,
  dropoutRate: 0.3,
  batchSize: 32,
  seed: 42
};
const hidden = [16, 32, 48, 64, 96, 128, 192, 256];

describe("planSweep", () => {
  it("holds every value × replicate seed exactly once, the rest of the configuration unchanged", () => {
    const plan = planSweep({base, axes: [{key: "hiddenSize", values: hidden}], replicates: 3});
    expect(plan).toHaveLength(24);
    const pairs = plan.map((c) => `${c.hiddenSize}/${c.seed}`).sort();
    expect(pairs).toEqual(hidden.flatMap((h) => [42, 43, 44].map((s) => `${h}/${s}`)).sort());
    for (const c of plan) expect({...c, hiddenSize: 0, seed: 0}).toEqual({...base, hiddenSize: 0, seed: 0});
  });

  it("shuffles with a seed: the same order again, another with another seed, not the sorted one", () => {
    const order = (orderSeed?: number) =>
      planSweep({base, axes: [{key: "hiddenSize", values: hidden}], replicates: 3, orderSeed}).map(
        (c) => `${c.hiddenSize}/${c.seed}`
      );
    const sorted = hidden.flatMap((h) => [42, 43, 44].map((s) => `${h}/${s}`));
    expect(order()).toEqual(order(42));
    expect(order(7)).not.toEqual(order(42));
    expect(order()).not.toEqual(sorted);
    // Spread: the first third of the runs already reaches at least half of the values.
    expect(
      new Set(
        order()
          .slice(0, 8)
          .map((p) => p.split("/")[0])
      ).size
    ).toBeGreaterThanOrEqual(4);
  });

  it("crosses two axes and wraps replicate seeds past 2³² − 1", () => {
    const axes = [
      {key: "hiddenSize" as const, values: [32, 64]},
      {key: "learningRate" as const, values: [0.001, 0.01]}
    ];
    const plan = planSweep({base: {...base, seed: 4294967295}, axes, replicates: 2});
    expect(plan.map((c) => `${c.hiddenSize}/${c.learningRate}/${c.seed}`).sort()).toEqual([
      "32/0.001/0",
      "32/0.001/4294967295",
      "32/0.01/0",
      "32/0.01/4294967295",
      "64/0.001/0",
      "64/0.001/4294967295",
      "64/0.01/0",
      "64/0.01/4294967295"
    ]);
  });

  it("refuses values a control cannot take, a repeated axis, and no replicate", () => {
    expect(() => planSweep({base, axes: [{key: "hiddenSize", values: [60]}], replicates: 1})).toThrow(/multiple de 8/);
    expect(() => planSweep({base, axes: [{key: "batchSize", values: [33]}], replicates: 1})).toThrow(/parmi/);
    expect(() =>
      planSweep({
        base,
        axes: [
          {key: "epochs", values: [1]},
          {key: "epochs", values: [2]}
        ],
        replicates: 1
      })
    ).toThrow(/both/);
    expect(() => planSweep({base, axes: [{key: "epochs", values: [1]}], replicates: 0})).toThrow(RangeError);
  });
});

describe("parseSweepValues", () => {
  it("reads a list, drops repeats, and says what is wrong as data", () => {
    expect(parseSweepValues("hiddenSize", "16, 32;64 32")).toEqual({ok: true, values: [16, 32, 64]});
    expect(parseSweepValues("learningRate", "1e-3, 0.01")).toEqual({ok: true, values: [0.001, 0.01]});
    expect(parseSweepValues("dropoutRate", "0, .25")).toEqual({ok: true, values: [0, 0.25]});
    expect(parseSweepValues("hiddenSize", "")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/aucune valeur/)
    });
    expect(parseSweepValues("hiddenSize", "16, abc")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/« abc »/)
    });
    expect(parseSweepValues("hiddenSize", "512")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/hors de \[8, 256\]/)
    });
  });
});

describe("sweepPoints", () => {
  it("makes one point per configuration with the mean ± std of its replicates, by series then x", async () => {
    const {sweepPoints} = await import("./sweep-points.js");
    const record = (hiddenSize: number, learningRate: number, seed: number, last: number) => ({
      id: `${hiddenSize}/${learningRate}/${seed}`,
      config: {...base, hiddenSize, learningRate, seed},
      backend: "wasm",
      trainer: "fused" as const,
      history: {loss: [1], accuracy: [0], val_loss: [1 - last], val_accuracy: [0.1, last]},
      test: {loss: 0, accuracy: 1},
      predictions: [],
      durationMs: 1,
      time: 0
    });
    const records = [
      record(64, 0.01, 43, 0.8),
      record(32, 0.01, 42, 0.5),
      record(64, 0.01, 42, 0.6),
      record(32, 0.001, 42, 0.9)
    ];
    const axes = [
      {key: "hiddenSize" as const, values: [32, 64]},
      {key: "learningRate" as const, values: [0.001, 0.01]}
    ];
    const points = sweepPoints(records, axes, "val_accuracy");
    expect(points.map((p) => [p.series, p.x, p.stat.n, p.id])).toEqual([
      [0.001, 32, 1, "32/0.001/42"],
      [0.01, 32, 1, "32/0.01/42"],
      [0.01, 64, 2, "64/0.01/42"]
    ]);
    expect(points[2].stat.mean).toBeCloseTo(0.7, 12);
    expect(points[2].runs).toEqual([
      {id: "64/0.01/42", value: 0.6},
      {id: "64/0.01/43", value: 0.8}
    ]);
    expect(sweepPoints(records, axes.slice(0, 1), "val_loss")[0].series).toBeNull();
  });
});
