import * as Plot from "@observablehq/plot";
import {CONFIG_LABELS} from "../runs/run-config.js";
import type {RunConfig} from "../runs/run-config.js";
import type {MetricName} from "../runs/run-record.js";
import type {SweepPoint} from "../runs/sweep-points.js";
import type {SweepKey} from "../runs/sweep-plan.js";
import {compareFigure, RUN_COLORS} from "./compare-style.js";

export interface SweepChartOptions {
  metric: MetricName;
  /** The swept parameters: the x axis, and the series (colours) if there is a second. */
  x: SweepKey;
  series: SweepKey | null;
  width: number;
  selectedId: string | null;
  /** Clicking a point (a configuration): « Restaurer » it. */
  onPick: (config: RunConfig) => void;
}

/**
 * A sweep's final metric against the swept parameter: a point per configuration (the mean over its seeds), the
 * seeds' values as faint dots and a ±1 std band when there are several. Points carry `data-config` and
 * `data-run-id` and restore their configuration when clicked.
 */
export function sweepChart(points: readonly SweepPoint[], options: SweepChartOptions): HTMLElement {
  const {metric, x, series, width, selectedId, onPick} = options;
  const name = (p: SweepPoint) => (series ? `${CONFIG_LABELS[series]} ${p.series}` : metric);
  const names = [...new Set(points.map(name))];
  const stats = points.map((p) => ({
    ...p,
    mean: p.stat.mean,
    low: p.stat.mean - p.stat.std,
    high: p.stat.mean + p.stat.std,
    name: name(p)
  }));
  const seeds = points.flatMap((p) => p.runs.map((r) => ({x: p.x, value: r.value, name: name(p)})));
  const replicated = points.some((p) => p.stat.n > 1);
  const selected = points.find((p) => p.runs.some((r) => r.id === selectedId));
  const chart = Plot.plot({
    width,
    height: 280,
    marginLeft: 52,
    x: {label: CONFIG_LABELS[x], type: x === "learningRate" ? "log" : "linear", grid: true},
    y: {label: metric, grid: true, ...(metric.endsWith("accuracy") ? {domain: [0, 1]} : {})},
    color: {type: "ordinal", legend: names.length > 1, domain: names, range: RUN_COLORS},
    marks: [
      replicated
        ? Plot.areaY(stats, {x: "x", y1: "low", y2: "high", fill: "name", z: "name", fillOpacity: 0.18})
        : null,
      replicated ? Plot.dot(seeds, {x: "x", y: "value", fill: "name", r: 2, fillOpacity: 0.45}) : null,
      Plot.line(stats, {x: "x", y: "mean", stroke: "name", z: "name", strokeWidth: 2}),
      selected
        ? Plot.dot([selected], {x: "x", y: (p: SweepPoint) => p.stat.mean, r: 10, stroke: "#222", strokeWidth: 2})
        : null,
      Plot.dot(stats, {
        x: "x",
        y: "mean",
        fill: "name",
        r: 5.5,
        stroke: "white",
        title: (p: SweepPoint) =>
          [
            `${CONFIG_LABELS[x]} ${p.x}${series ? `, ${CONFIG_LABELS[series]} ${p.series}` : ""}`,
            `${metric} ${p.stat.mean.toFixed(4)}${p.stat.n > 1 ? ` ± ${p.stat.std.toFixed(4)} (${p.stat.n} graines)` : ""}`,
            "Cliquer pour restaurer"
          ].join("\n"),
        render: (index, scales, values, dimensions, context, next) => {
          const g = next!(index, scales, values, dimensions, context)!;
          const circles = g.querySelectorAll("circle");
          Array.from(index).forEach((i, j) => {
            const circle = circles[j];
            const point = stats[i];
            if (!circle) return;
            circle.classList.add("courant-sweep-point");
            circle.setAttribute("data-config", JSON.stringify(point.config));
            circle.setAttribute("data-run-id", point.id);
            circle.addEventListener("click", () => onPick(point.config));
          });
          return g;
        }
      })
    ]
  });
  const spread = replicated ? " (moyenne ± 1 écart-type sur les graines)" : "";
  return compareFigure(`${metric} final selon ${CONFIG_LABELS[x]}${spread}`, chart);
}
