import * as Plot from "@observablehq/plot";
import {CONFIG_LABELS} from "../runs/run-config.js";
import {seriesMeanStd} from "../runs/mean-std.js";
import type {RunRecord} from "../runs/run-record.js";
import type {SweepKey} from "../runs/sweep-plan.js";
import {compareFigure, epochTicks} from "./compare-style.js";

/**
 * Small multiples of a sweep: one small chart of val_accuracy per configuration (a column per value of the first
 * parameter, a row per value of the second), each seed a faint line and their mean a thick one.
 */
export function sweepMultiples(
  records: readonly RunRecord[],
  {x, series, width}: {x: SweepKey; series: SweepKey | null; width: number}
): HTMLElement {
  const runs = records.flatMap((r) =>
    r.history.val_accuracy.map((value, i) => ({
      epoch: i + 1,
      value,
      fx: r.config[x],
      fy: series ? r.config[series] : null,
      run: r.id
    }))
  );
  const cells = new Map<string, RunRecord[]>();
  for (const r of records) {
    const key = `${r.config[x]}|${series ? r.config[series] : ""}`;
    cells.set(key, [...(cells.get(key) ?? []), r]);
  }
  const means = [...cells.values()].flatMap((group) =>
    seriesMeanStd(group.map((r) => r.history.val_accuracy)).map((s, i) => ({
      epoch: i + 1,
      value: s.mean,
      fx: group[0].config[x],
      fy: series ? group[0].config[series] : null
    }))
  );
  const columns = new Set(records.map((r) => r.config[x])).size;
  const rows = series ? new Set(records.map((r) => r.config[series])).size : 1;
  const epochs = Math.max(2, ...records.map((r) => r.history.val_accuracy.length));
  const chart = Plot.plot({
    width,
    height: 60 + rows * 110,
    marginLeft: 48,
    marginRight: series ? 70 : 20,
    fx: {label: CONFIG_LABELS[x], padding: 0.12},
    ...(series ? {fy: {label: CONFIG_LABELS[series]}} : {}),
    x: {label: "Époque", domain: [1, epochs], ticks: columns > 5 ? [1, epochs] : epochTicks(epochs), tickFormat: "d"},
    y: {label: "val_accuracy", domain: [0, 1], ticks: 3, grid: true},
    marks: [
      Plot.frame({stroke: "#ddd"}),
      Plot.line(runs, {
        x: "epoch",
        y: "value",
        fx: "fx",
        ...(series ? {fy: "fy"} : {}),
        z: "run",
        stroke: "#4269d0",
        strokeOpacity: 0.3
      }),
      Plot.line(means, {
        x: "epoch",
        y: "value",
        fx: "fx",
        ...(series ? {fy: "fy"} : {}),
        stroke: "#4269d0",
        strokeWidth: 2
      })
    ]
  });
  const figure = compareFigure("val_accuracy de chaque configuration du balayage", chart);
  figure.classList.add("courant-sweep-multiples");
  return figure;
}
