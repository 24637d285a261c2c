import * as Plot from "@observablehq/plot";
import type {History} from "../train/fit.js";
import {compareFigure, epochTicks} from "./compare-style.js";

export interface CurveRun {
  id: string;
  /** Names only what differs between the runs shown. */
  label: string;
  color: string;
  history: History;
}

export interface RunCurvesOptions {
  width: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * Validation curves of several runs overlaid, one colour per run, the legend naming what differs between them.
 * The selected run is drawn thick and the others faded; clicking a curve selects its run. Each run's lines carry
 * `data-run-id`.
 */
export function runCurves(runs: readonly CurveRun[], {width, selectedId, onSelect}: RunCurvesOptions): HTMLElement {
  const half = Math.max(280, Math.floor((width - 32) / 2));
  const epochs = Math.max(2, ...runs.map((r) => r.history.loss.length));
  const selected = runs.some((r) => r.id === selectedId) ? selectedId : null;
  const panel = (key: keyof History, y: string, domain?: [number, number]) =>
    Plot.plot({
      width: half,
      height: 260,
      marginLeft: 48,
      x: {label: "Époque", domain: [1, epochs], ticks: epochTicks(epochs), tickFormat: "d"},
      y: {label: y, grid: true, ...(domain ? {domain} : {})},
      color: {type: "ordinal", legend: true, domain: runs.map((r) => r.label), range: runs.map((r) => r.color)},
      marks: runs.map((run) => {
        const data = run.history[key].map((value, i) => ({epoch: i + 1, value, run: run.label}));
        const isSelected = run.id === selected;
        return Plot.line(data, {
          x: "epoch",
          y: "value",
          stroke: "run",
          strokeWidth: isSelected ? 4 : 2,
          strokeOpacity: selected && !isSelected ? 0.35 : 1,
          marker: data.length === 1 ? "dot" : undefined,
          render: (index, scales, values, dimensions, context, next) => {
            const g = next!(index, scales, values, dimensions, context)!;
            g.setAttribute("data-run-id", run.id);
            g.addEventListener("click", () => onSelect(run.id));
            return g;
          }
        });
      })
    });
  const root = document.createElement("div");
  root.className = "courant-row courant-run-curves";
  root.dataset.runs = String(runs.length);
  root.append(
    compareFigure("val_accuracy des exécutions comparées", panel("val_accuracy", "val_accuracy", [0, 1])),
    compareFigure("val_loss des exécutions comparées", panel("val_loss", "val_loss"))
  );
  return root;
}
