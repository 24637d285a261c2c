import {describe, expect, it} from "vitest";
import {sentimentRnnSpec} from "../models/builders.js";
import {seedData} from "../testing/seed-data.js";
import type {FitOptions} from "../train/fit.js";
import {kernelsKey, trainingKey} from "./cache-key.js";

const data = seedData().train;
const spec = sentimentRnnSpec({hiddenSize: 16});
const options: FitOptions = {
  epochs: 3,
  batchSize: 32,
  validationSplit: 0.2,
  learningRate: 0.001,
  shuffle: true,
  seed: 7
};
const key = (change: Partial<Parameters<typeof trainingKey>[0]> = {}) =>
  trainingKey({spec, data, options, backend: "wasm", ...change});

describe("trainingKey", () => {
  it("is stable: equal inputs (in any key order, copied data) give the same key", () => {
    const reordered = Object.fromEntries(Object.entries(options).reverse()) as FitOptions;
    const copied = {x: data.x.map((row) => Int32Array.from(row)), y: Array.from(data.y)};
    expect(key()).toMatch(/^run-[0-9a-f]{16}$/);
    expect(key({options: reordered})).toBe(key());
    expect(key({data: copied})).toBe(key());
    expect(key({spec: JSON.parse(JSON.stringify(spec))})).toBe(key());
  });

  it("fills in fit's defaults: leaving an option out is the same as giving its default", () => {
    const defaults = {epochs: 10, batchSize: 32, validationSplit: 0, learningRate: 1e-3, shuffle: true};
    expect(key({options: {seed: 7}})).toBe(key({options: {seed: 7, ...defaults}}));
  });

  it("changes with every option, the seed, the kernels, the model spec and the data", () => {
    const variants: (string | null)[] = [
      key(),
      ...Object.entries({
        epochs: 4,
        batchSize: 16,
        validationSplit: 0.25,
        learningRate: 0.003,
        shuffle: false,
        seed: 8
      }).map(([name, value]) => key({options: {...options, [name]: value}})),
      key({options: {...options, kernels: "tfjs"}}),
      key({spec: sentimentRnnSpec({hiddenSize: 24})}),
      key({spec: sentimentRnnSpec({hiddenSize: 16, dropout: 0.2})}),
      key({spec: sentimentRnnSpec({hiddenSize: 16, embeddingDim: 64})}),
      key({spec: {...spec, name: "other"}}),
      key({
        data: {
          x: data.x.map((row, i) => (i === 100 ? Int32Array.from(row, (v, j) => (j === 19 ? v + 1 : v)) : row)),
          y: data.y
        }
      }),
      key({data: {x: data.x, y: Int32Array.from(data.y, (v, i) => (i === 5 ? 1 - v : v))}}),
      key({data: {x: data.x.slice(0, -1), y: data.y.slice(0, -1)}}),
      key({data: seedData(21).train})
    ];
    expect(new Set(variants).size).toBe(variants.length);
  });

  it("names the backend only where it decides the numbers (tfjs kernels, or auto on a GPU backend)", () => {
    expect(key({backend: "cpu"})).toBe(key()); // auto → fused kernels on wasm and cpu alike
    expect(key({backend: "webgl"})).not.toBe(key()); // auto races there and may train with tfjs
    const tfjs = {...options, kernels: "tfjs" as const};
    expect(key({options: tfjs, backend: "cpu"})).not.toBe(key({options: tfjs}));
    expect(kernelsKey(spec, "fused", "webgl")).toBe("fused");
    expect(kernelsKey(spec, undefined, "wasm")).toBe("fused");
    expect(kernelsKey(spec, "auto", "webgl")).toBe("auto@webgl");
  });

  it("is null without a seed: an unseeded run is not reproducible", () => {
    expect(key({options: {...options, seed: undefined}})).toBeNull();
  });
});
