import {describe, expect, it} from "vitest";
import {formatMeanStd, meanStd, seriesMeanStd} from "./mean-std.js";
import {groupMetric, groupRuns} from "./run-groups.js";
import type {RunConfig} from "./run-config.js";
import type {RunRecord} from "./run-record.js";

describe("meanStd", () => {
  it("matches numpy: mean and std(ddof=1)", () => {
    // np.mean([0.549, 0.239, 0.014, 0.064, 0.717]), np.std([...], ddof=1)
    const s = meanStd([0.549, 0.239, 0.014, 0.064, 0.717]);
    expect(s.n).toBe(5);
    expect(s.mean).toBeCloseTo(0.3166, 12);
    expect(s.std).toBeCloseTo(0.3064821365104335, 12);
    expect(meanStd([1, 2, 3, 4]).std).toBeCloseTo(1.2909944487358056, 14);
  });

  it("gives std 0 for one value and NaN for none", () => {
    expect(meanStd([0.7])).toEqual({mean: 0.7, std: 0, n: 1});
    const none = meanStd([]);
    expect([none.n, Number.isNaN(none.mean), Number.isNaN(none.std)]).toEqual([0, true, true]);
  });

  it("averages curves per epoch, counting each curve where it has a value", () => {
    const s = seriesMeanStd([[1, 2, 3], [3, 4], [5]]);
    expect(s.map((x) => [x.mean, x.n])).toEqual([
      [3, 3],
      [3, 2],
      [3, 1]
    ]);
    expect(s[0].std).toBe(2);
  });

  it("formats mean ± std, or the value alone for one run", () => {
    expect(formatMeanStd({mean: 0.91234, std: 0.0345, n: 3})).toBe("0.912 ± 0.035");
    expect(formatMeanStd({mean: 0.91234, std: 0, n: 1})).toBe("0.912");
    expect(formatMeanStd(meanStd([]))).toBe("—");
  });
});

const base: RunConfig = {
  hiddenSize: 128,
  maxLength: 20,
  embeddingDim: 100,
  epochs: 2,
  learningRate: 0.001,
  dropoutRate: 0.3,
  batchSize: 32,
  seed: 1
};
const run = (id: string, change: Partial<RunConfig>, valAccuracy: number[], score: number): RunRecord => ({
  id,
  config: {...base, ...change},
  backend: "wasm",
  trainer: "fused",
  history: {loss: [0.6, 0.3], accuracy: [0.6, 0.9], val_loss: [0.5, 0.4], val_accuracy: valAccuracy},
  test: {loss: 0.2, accuracy: valAccuracy[1]},
  predictions: [{text: "p", score}],
  durationMs: 1,
  time: 0
});

describe("groupRuns", () => {
  it("groups by configuration without the seed, with mean ± std of metrics, phrase scores and curves", () => {
    const groups = groupRuns([
      run("a", {seed: 1}, [0.5, 0.9], 0.2),
      run("b", {seed: 1, hiddenSize: 64}, [0.5, 0.7], 0.5),
      run("c", {seed: 2}, [0.7, 0.8], 0.4),
      run("d", {seed: 3}, [0.6, 1.0], 0.9)
    ]);
    expect(groups.map((g) => [g.config.hiddenSize, g.seeds])).toEqual([
      [128, [1, 2, 3]],
      [64, [1]]
    ]);
    const [g] = groups;
    expect(g.test.accuracy.mean).toBeCloseTo(0.9, 12);
    expect(g.test.accuracy.std).toBeCloseTo(0.1, 12);
    expect(g.predictions[0].text).toBe("p");
    expect(g.predictions[0].score.mean).toBeCloseTo(0.5, 12);
    expect(g.curves.val_accuracy.map((s) => s.mean)).toEqual([0.6, 0.9].map((v) => expect.closeTo(v, 12)));
    expect(groupMetric(g, "val_accuracy", "best").mean).toBeCloseTo(0.9, 12);
    expect(groupMetric(groups[1], "val_loss", "best").mean).toBe(0.4);
    expect(groupMetric(groups[1], "val_accuracy", "last").mean).toBe(0.7);
  });
});
