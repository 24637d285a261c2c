import * as Plot from "@observablehq/plot";
import {seriesMeanStd} from "../runs/mean-std.js";
import type {History} from "../train/fit.js";
import {compareFigure, epochTicks} from "./compare-style.js";

const SERIES: [keyof History, string][] = [
  ["loss", "Train"],
  ["val_loss", "Val"],
  ["accuracy", "Train"],
  ["val_accuracy", "Val"]
];
const COLORS = {Train: "#4269d0", Val: "#efb118"};

/**
 * The curves of replicates (the same configuration, several seeds): per epoch the mean with a ±1 std band, and
 * each run as a faint line. Loss and accuracy side by side.
 */
export function replicateCurves(
  histories: readonly History[],
  {epochs, width}: {epochs: number; width: number}
): HTMLElement {
  const half = Math.max(280, Math.floor((width - 32) / 2));
  const panel = (keys: (keyof History)[], y: string, domain?: [number, number]) => {
    const runs = SERIES.filter(([k]) => keys.includes(k)).flatMap(([key, name]) =>
      histories.flatMap((h, run) =>
        h[key].map((value, i) => ({epoch: i + 1, value, série: name, run: `${name}${run}`}))
      )
    );
    const stats = SERIES.filter(([k]) => keys.includes(k)).flatMap(([key, name]) =>
      seriesMeanStd(histories.map((h) => h[key])).map((s, i) => ({
        epoch: i + 1,
        mean: s.mean,
        low: s.mean - s.std,
        high: s.mean + s.std,
        série: name
      }))
    );
    return Plot.plot({
      width: half,
      height: 260,
      marginLeft: 48,
      x: {label: "Époque", domain: [1, Math.max(2, epochs)], ticks: epochTicks(epochs), tickFormat: "d"},
      y: {label: y, grid: true, ...(domain ? {domain} : {})},
      color: {type: "ordinal", legend: true, domain: ["Train", "Val"], range: [COLORS.Train, COLORS.Val]},
      marks: [
        Plot.areaY(stats, {x: "epoch", y1: "low", y2: "high", fill: "série", fillOpacity: 0.2, z: "série"}),
        Plot.line(runs, {x: "epoch", y: "value", stroke: "série", z: "run", strokeOpacity: 0.25, strokeWidth: 1}),
        Plot.line(stats, {x: "epoch", y: "mean", stroke: "série", z: "série", strokeWidth: 2.5})
      ]
    });
  };
  const root = document.createElement("div");
  root.className = "courant-row courant-replicate-curves";
  root.dataset.runs = String(histories.length);
  root.append(
    compareFigure(`Loss : moyenne ± 1 écart-type sur ${histories.length} graines`, panel(["loss", "val_loss"], "Loss")),
    compareFigure(
      `Accuracy : moyenne ± 1 écart-type sur ${histories.length} graines`,
      panel(["accuracy", "val_accuracy"], "Accuracy", [0, 1])
    )
  );
  return root;
}
