import {kindOf, layerParams} from "./layer-kinds.js";
import {inputShapes, layerShapes, type ModelSpec} from "./spec.js";

export interface SummaryRow {
  /** Keras-style layer name: `simple_rnn`, `dense`, `dense_1`… */
  name: string;
  type: string;
  /** As Keras prints it: `(None, 20, 100)`. */
  outputShape: string;
  params: number;
}

export interface Summary {
  name: string;
  rows: SummaryRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
}

/** `model.summary()` as data (names numbered per model, as in a fresh Keras session), for a spec or a built model. */
export function summary(model: ModelSpec | {spec: ModelSpec}): Summary {
  const spec = "spec" in model ? model.spec : model;
  const seen = new Map<string, number>();
  const inputs = inputShapes(spec);
  const shapes = layerShapes(spec);
  const rows = spec.layers.map((layer, i) => {
    const base = kindOf(layer).kerasName;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      name: n ? `${base}_${n}` : base,
      type: layer.type,
      outputShape: formatShape(shapes[i]),
      params: layerParams(layer, inputs[i])
    };
  });
  const total = rows.reduce((sum, row) => sum + row.params, 0);
  return {name: spec.name, rows, totalParams: total, trainableParams: total, nonTrainableParams: 0};
}

export function formatShape(shape: number[]): string {
  return `(${["None", ...shape.map(String)].join(", ")})`;
}

/** The summary as Keras prints it, for a terminal or a `<pre>`. */
export function summaryText(s: Summary): string {
  const header = ["Layer (type)", "Output Shape", "Param #"];
  const cells = s.rows.map((r) => [`${r.name} (${r.type})`, r.outputShape, r.params.toLocaleString("en-US")]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)) + 4);
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]))
      .join("")
      .trimEnd();
  const rule = "=".repeat(widths.reduce((a, b) => a + b, 0));
  return [
    `Model: "${s.name}"`,
    rule.replace(/=/g, "_"),
    line(header),
    rule,
    ...cells.map(line),
    rule,
    `Total params: ${s.totalParams.toLocaleString("en-US")}`,
    `Trainable params: ${s.trainableParams.toLocaleString("en-US")}`,
    `Non-trainable params: ${s.nonTrainableParams.toLocaleString("en-US")}`
  ].join("\n");
}
