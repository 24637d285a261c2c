import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {KERAS_SUMMARIES} from "../testing/keras-summaries.js";
import {baselineSpec, oneToManySpec, sentimentRnnSpec} from "./builders.js";
import {kindOf, layerParams, outputShape} from "./layer-kinds.js";
import {inputShapes, type ModelSpec} from "./spec.js";
import {formatShape} from "./summary.js";
import {weightsByLayer} from "./weights.js";

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

describe("the layer kinds table", () => {
  it.each(Object.entries(KERAS_SUMMARIES))(
    "%s: Keras's names, output shapes and parameter counts, layer by layer",
    (_, {spec, rows}) => {
      const inputs = inputShapes(spec);
      const ours = spec.layers.map((layer, i) => [
        kindOf(layer).kerasName,
        layer.type,
        formatShape(outputShape(layer, inputs[i])),
        layerParams(layer, inputs[i])
      ]);
      // Keras numbers a name's repeats (`dense_1`); the table holds the name itself.
      expect(ours).toEqual(rows.map(([name, type, shape, params]) => [name.replace(/_\d+$/, ""), type, shape, params]));
      // the parameter count is the weights' sizes
      const sizes = weightsByLayer(spec).map((slots) => slots.reduce((sum, {shape}) => sum + size(shape), 0));
      expect(sizes).toEqual(rows.map(([, , , params]) => params));
    }
  );

  it("weight names and shapes in Keras order, for every kind", () => {
    const weights = (spec: ModelSpec) => weightsByLayer(spec).map((slots) => slots.map((w) => [w.name, w.shape]));
    expect(weights(sentimentRnnSpec())).toEqual([
      [["embedding/embeddings", [1000, 100]]],
      [
        ["simple_rnn/simple_rnn_cell/kernel", [100, 128]],
        ["simple_rnn/simple_rnn_cell/recurrent_kernel", [128, 128]],
        ["simple_rnn/simple_rnn_cell/bias", [128]]
      ],
      [],
      [
        ["dense/kernel", [128, 1]],
        ["dense/bias", [1]]
      ]
    ]);
    expect(weights(oneToManySpec())).toEqual([
      [
        ["dense/kernel", [512, 256]],
        ["dense/bias", [256]]
      ],
      [],
      [
        ["simple_rnn/simple_rnn_cell/kernel", [256, 256]],
        ["simple_rnn/simple_rnn_cell/recurrent_kernel", [256, 256]],
        ["simple_rnn/simple_rnn_cell/bias", [256]]
      ],
      [
        ["time_distributed/kernel", [256, 10000]],
        ["time_distributed/bias", [10000]]
      ]
    ]);
    expect(weights(baselineSpec())).toEqual([
      [["embedding/embeddings", [1000, 100]]],
      [],
      [
        ["dense/kernel", [100, 64]],
        ["dense/bias", [64]]
      ],
      [],
      [
        ["dense_1/kernel", [64, 1]],
        ["dense_1/bias", [1]]
      ]
    ]);
  });

  it("imports TensorFlow.js for its types only (the fused training workers load no tfjs)", () => {
    const source = readFileSync(new URL("./layer-kinds.ts", import.meta.url), "utf8");
    const tfjsImports = source.split("\n").filter((line) => line.includes("@tensorflow/"));
    expect(tfjsImports.length).toBeGreaterThan(0);
    for (const line of tfjsImports) expect(line).toMatch(/^import type /);
  });
});
