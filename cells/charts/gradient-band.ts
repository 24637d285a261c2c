import * as Plot from "@observablehq/plot";
import type {LengthGradient} from "../experiments/vanishing-gradient.js";
import {meanStd} from "../runs/mean-std.js";
import {compareFigure} from "./compare-style.js";
import {pythonExponent} from "./charts.js";

/**
 * §8's mean gradient norm against sequence length over several seeds, on a log scale: each seed a faint line, and
 * a band of the geometric mean ×/÷ the geometric standard deviation (mean ± 1 std of log₁₀, the natural spread of
 * a quantity that varies by factors). The element carries `data-seeds`.
 */
export function gradientBandChart(runs: readonly (readonly LengthGradient[])[], {width}: {width: number}): HTMLElement {
  const lengths = [...new Set(runs.flatMap((r) => r.map((g) => g.length)))].sort((a, b) => a - b);
  const band = lengths.map((length) => {
    const logs = runs
      .flatMap((r) => r.filter((g) => g.length === length && g.meanGradientNorm > 0))
      .map((g) => Math.log10(g.meanGradientNorm));
    const {mean, std} = meanStd(logs);
    return {length, mean: 10 ** mean, low: 10 ** (mean - std), high: 10 ** (mean + std)};
  });
  const seeds = runs.flatMap((r, i) => r.map((g) => ({length: g.length, value: g.meanGradientNorm, seed: i})));
  const title = `Norme moyenne des gradients sur ${runs.length} graines (moyenne géométrique ×/÷ écart-type géométrique)`;
  const figure = compareFigure(
    title,
    Plot.plot({
      width,
      height: 300,
      marginLeft: 60,
      x: {label: "Longueur de la séquence", grid: true},
      y: {label: "Norme moyenne des gradients", type: "log", grid: true, tickFormat: pythonExponent},
      marks: [
        Plot.areaY(band, {x: "length", y1: "low", y2: "high", fill: "steelblue", fillOpacity: 0.2}),
        Plot.line(seeds, {x: "length", y: "value", z: "seed", stroke: "steelblue", strokeOpacity: 0.3}),
        Plot.line(band, {x: "length", y: "mean", stroke: "steelblue", strokeWidth: 2.5}),
        Plot.dot(band, {x: "length", y: "mean", r: 4, fill: "steelblue"})
      ]
    })
  );
  figure.dataset.seeds = String(runs.length);
  figure.classList.add("courant-gradient-band");
  return figure;
}
