import * as Plot from "@observablehq/plot";
import type {LengthGradient} from "../experiments/vanishing-gradient.js";
import type {HiddenStates} from "../inspect/sentiment.js";
import type {History} from "../train/fit.js";

/** The essay's Plot charts. Each takes data and a width and returns an element. */

type Series = {epoch: number; value: number; série: string};

/**
 * Plot's first chart compiles much of Plot as it draws (~50–70 ms on a slow machine, ~10 ms for the next ones): small
 * charts drawn off the page, one piece per task, take that cost before the essay's first chart.
 */
function warmPlot() {
  const pieces = [
    () => Plot.scale({x: {domain: [0, 1]}}),
    () => Plot.scale({color: {type: "ordinal", domain: ["a", "b"]}}),
    // A first plot compiles much of Plot (45–60 ms traced in one piece): an empty one, then one axis at a time first.
    () => Plot.plot({width: 120, height: 60, axis: null, marks: []}),
    () => Plot.plot({width: 120, height: 60, x: {domain: [0, 1]}, marks: [Plot.axisX()]}),
    () => Plot.plot({width: 120, height: 60, y: {domain: [0, 1]}, marks: [Plot.axisY(), Plot.ruleY([0])]}),
    () => Plot.plot({width: 120, height: 60, marks: [Plot.line([0, 1], {x: (d) => d, y: (d) => d})]}),
    () => Plot.plot({width: 120, height: 60, grid: true, marks: [Plot.dot([0, 1], {x: (d) => d, y: (d) => d, r: 2})]}),
    () =>
      Plot.plot({
        width: 120,
        height: 60,
        y: {type: "log"},
        marks: [Plot.text([1, 10], {x: (d) => d, y: (d) => d, text: String, dy: -4})]
      }),
    () => Plot.legend({color: {type: "ordinal", domain: ["a", "b"]}}),
    // Then the charts a page draws as it loads, on tiny data: what the pieces above left cold is little by now.
    () => gradientByLengthChart([{length: 1, meanGradientNorm: 1, variableNorms: [1]}], {width: 120}),
    () => trainingCurves({loss: [1], val_loss: [1], accuracy: [0], val_accuracy: [0]}, {epochs: 2, width: 120}),
    () => hiddenStateHeatmap(tinyStates, {width: 120, title: ""}),
    () => stateNormChart(tinyStates, {width: 120})
  ];
  const next = () => {
    pieces.shift()?.();
    if (pieces.length) later(next);
  };
  later(next);
}
const tinyStates: HiddenStates = {
  text: "",
  states: [
    [-1, 0],
    [0.5, 1]
  ],
  norms: [1, 1.1],
  tokens: [null, "a"]
};
// Tasks of their own at the page's normal priority, not idle callbacks nor background tasks: while a page loads, those
// came only after the first charts had drawn (measured: pieces from 0.7–1.2 s, charts from 0.8 s).
const later = (callback: () => void) => void setTimeout(callback, 0);
if (typeof document !== "undefined") warmPlot();

function series(history: History, keys: [keyof History, string][]): Series[] {
  return keys.flatMap(([key, name]) => history[key].map((value, i) => ({epoch: i + 1, value, série: name})));
}

/** Loss and accuracy per epoch, train and validation; the x axis spans all epochs so curves grow. */
export function trainingCurves(history: History, {epochs, width}: {epochs: number; width: number}): HTMLElement {
  const half = Math.max(280, Math.floor((width - 32) / 2));
  const common = (y: string, names: string[], data: Series[], domain?: [number, number]) =>
    Plot.plot({
      width: half,
      height: 260,
      marginLeft: 48,
      x: {label: "Époque", domain: [1, Math.max(2, epochs)], ticks: Math.min(epochs, 10), tickFormat: "d"},
      y: {label: y, grid: true, ...(domain ? {domain} : {})},
      // An explicit ordinal domain: with no data yet, Plot would infer a continuous scale and draw a canvas ramp.
      color: {type: "ordinal", legend: true, domain: names, range: ["#4269d0", "#efb118"]},
      marks: [
        Plot.line(data, {x: "epoch", y: "value", stroke: "série", z: "série", strokeWidth: 2}),
        Plot.dot(data, {x: "epoch", y: "value", fill: "série", r: 3})
      ]
    });
  const root = document.createElement("div");
  root.className = "courant-row";
  root.append(
    titled(
      "Évolution de la Loss",
      common(
        "Loss",
        ["Train Loss", "Val Loss"],
        series(history, [
          ["loss", "Train Loss"],
          ["val_loss", "Val Loss"]
        ])
      )
    ),
    titled(
      "Évolution de l'Accuracy",
      common(
        "Accuracy",
        ["Train Accuracy", "Val Accuracy"],
        series(history, [
          ["accuracy", "Train Accuracy"],
          ["val_accuracy", "Val Accuracy"]
        ]),
        [0, 1]
      )
    )
  );
  return root;
}

function titled(title: string, chart: Element): HTMLElement {
  const figure = document.createElement("figure");
  const caption = document.createElement("figcaption");
  caption.textContent = title;
  figure.append(caption, chart);
  return figure;
}

const PAD = "·";

/** Position labels: the token, or a middle dot for padding; numbered so that repeated words stay distinct. */
export function positionLabels(tokens: (string | null)[]): string[] {
  return tokens.map((t, i) => `${i + 1}. ${t ?? PAD}`);
}

/**
 * Heatmap of the hidden states (units × positions) with the tokens on the x axis; padding positions are
 * veiled. One raster image of positions × units pixels, not one SVG rect per value: three heatmaps of
 * 20 × 128 rects made the page restyle ~8 000 new elements at once (a 66 ms frame).
 */
export function hiddenStateHeatmap(h: HiddenStates, {width, title}: {width: number; title: string}): HTMLElement {
  const labels = positionLabels(h.tokens);
  const steps = h.states.length;
  const units = h.states[0]?.length ?? 0;
  // raster pixel (x = position, y = unit) at index y·steps + x
  const values = new Float64Array(steps * units);
  const opacity = new Float64Array(steps * units);
  h.states.forEach((state, t) =>
    state.forEach((value, unit) => {
      values[unit * steps + t] = value;
      opacity[unit * steps + t] = h.tokens[t] === null ? 0.35 : 1;
    })
  );
  const every = Math.max(1, Math.ceil(units / 8));
  const chart = Plot.plot({
    width,
    height: Math.min(420, 120 + units * 2.2),
    marginBottom: 90,
    marginLeft: 50,
    x: {
      label: "Position dans la séquence",
      domain: [0, steps],
      ticks: labels.map((_, t) => t + 0.5),
      tickFormat: (x: number) => labels[Math.floor(x)],
      tickRotate: -45
    },
    y: {
      label: "Dimension de l'état caché",
      domain: [0, units],
      reverse: true,
      ticks: Array.from({length: Math.ceil(units / every)}, (_, i) => i * every + 0.5),
      tickFormat: (y: number) => String(Math.floor(y)),
      tickSize: 0
    },
    marks: [
      Plot.raster({
        width: steps,
        height: units,
        x1: 0,
        x2: steps,
        y1: 0,
        y2: units,
        render: (_index, scales) => pixelImage(scales, {steps, units, values, opacity})
      })
    ]
  });
  const figure = titled(title, chart);
  figure.querySelector("figcaption")!.after(rampLegend());
  return figure;
}

/** The heatmap's colour of h ∈ [−1, 1] (made on first use, not when the module loads): its image and its key. */
let heatmapScale: ReturnType<typeof Plot.scale> | null = null;
const heatmapColor = (h: number) =>
  String(
    (heatmapScale ??= Plot.scale({color: {type: "diverging", scheme: "RdBu", reverse: true, domain: [-1, 1]}})).apply(h)
  );
const RAMP_STEPS = 256;
let heatmapRamp: Uint8ClampedArray | null = null;

/** The colour scale sampled once in RAMP_STEPS steps over [−1, 1], as RGB bytes (its colours are `rgb(r, g, b)`). */
function rampBytes(): Uint8ClampedArray {
  if (heatmapRamp) return heatmapRamp;
  const ramp = new Uint8ClampedArray(RAMP_STEPS * 3);
  for (let i = 0; i < RAMP_STEPS; ++i) {
    const [r, g, b] = heatmapColor(-1 + (2 * i) / (RAMP_STEPS - 1))
      .match(/\d+(\.\d+)?/g)!
      .map(Number);
    ramp.set([r, g, b], i * 3);
  }
  return (heatmapRamp = ramp);
}

/**
 * The raster's pixels drawn on a CPU-backed canvas (`willReadFrequently`), placed like Plot's own raster. Plot
 * encodes a default, GPU-accelerated canvas as PNG: 100–480 ms per image on a software GPU, ~1 ms this way.
 */
function pixelImage(
  scales: Plot.ScaleFunctions,
  {steps, units, values, opacity}: {steps: number; units: number; values: Float64Array; opacity: Float64Array}
): SVGGElement {
  const canvas = document.createElement("canvas");
  canvas.width = steps;
  canvas.height = units;
  const context = canvas.getContext("2d", {willReadFrequently: true})!;
  const image = context.createImageData(steps, units);
  const ramp = rampBytes();
  const pixels = image.data;
  for (let i = 0; i < values.length; i++) {
    const step = Math.round(((Math.max(-1, Math.min(1, values[i])) + 1) / 2) * (RAMP_STEPS - 1)) * 3;
    pixels[i * 4] = ramp[step];
    pixels[i * 4 + 1] = ramp[step + 1];
    pixels[i * 4 + 2] = ramp[step + 2];
    pixels[i * 4 + 3] = opacity[i] * 255;
  }
  context.putImageData(image, 0, 0);
  const [x1, x2, y1, y2] = [scales.x!(0), scales.x!(steps), scales.y!(0), scales.y!(units)] as number[];
  const svg = "http://www.w3.org/2000/svg";
  const g = document.createElementNS(svg, "g");
  const picture = document.createElementNS(svg, "image");
  picture.setAttribute("transform", `translate(${x1},${y1}) scale(${Math.sign(x2 - x1)},${Math.sign(y2 - y1)})`);
  picture.setAttribute("width", String(Math.abs(x2 - x1)));
  picture.setAttribute("height", String(Math.abs(y2 - y1)));
  picture.setAttribute("preserveAspectRatio", "none");
  picture.setAttribute("image-rendering", "pixelated");
  picture.setAttribute("href", canvas.toDataURL());
  g.append(picture);
  return g;
}

/**
 * The heatmap's colour key, as a plain SVG gradient: Plot draws continuous legends on a canvas and encodes
 * it as a PNG, which took ~100 ms per chart on a software-rendered canvas.
 */
function rampLegend(): SVGSVGElement {
  // The heatmap's own scale, at eleven points from −1 to 1.
  const stops = Array.from({length: 11}, (_, i) => heatmapColor(-1 + i / 5));
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", "240");
  svg.setAttribute("height", "34");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "échelle de couleur de h, de −1 (bleu) à +1 (rouge)");
  svg.innerHTML = `<defs><linearGradient id="courant-rdbu">${stops.map((c, i) => `<stop offset="${i / (stops.length - 1)}" stop-color="${c}"/>`).join("")}</linearGradient></defs>
<text x="0" y="10" font-size="10" font-weight="bold" font-family="system-ui, sans-serif">h</text>
<rect x="0" y="14" width="240" height="10" fill="url(#courant-rdbu)"/>
<g font-size="10" font-family="system-ui, sans-serif" text-anchor="middle">${[-1, -0.5, 0, 0.5, 1].map((v, i) => `<text x="${Math.min(232, Math.max(8, i * 60))}" y="34">${v < 0 ? "−" : ""}${Math.abs(v).toFixed(1)}</text>`).join("")}</g>`;
  return svg;
}

/** ‖h_t‖ per position. */
export function stateNormChart(h: HiddenStates, {width}: {width: number}): HTMLElement {
  const labels = positionLabels(h.tokens);
  const data = h.norms.map((norm, t) => ({position: labels[t], norm, padding: h.tokens[t] === null}));
  return titled(
    "Évolution de la norme des états cachés",
    Plot.plot({
      width,
      height: 240,
      marginBottom: 90,
      marginLeft: 50,
      x: {label: "Position dans la séquence", domain: labels, tickRotate: -45},
      y: {label: "Norme de l'état caché", grid: true},
      marks: [
        Plot.line(data, {x: "position", y: "norm", strokeWidth: 2}),
        Plot.dot(data, {
          x: "position",
          y: "norm",
          r: 4,
          fill: (d: {padding: boolean}) => (d.padding ? "#bbb" : "steelblue")
        })
      ]
    })
  );
}

/** The seed's §8 plot: mean gradient norm against sequence length, log scale, values annotated. */
export function gradientByLengthChart(results: LengthGradient[], {width}: {width: number}): HTMLElement {
  return titled(
    "Problème du Gradient qui Disparaît dans les RNN",
    Plot.plot({
      width,
      height: 320,
      marginLeft: 60,
      marginRight: 40, // the last point's label, centred on it, is as wide as the others
      x: {label: "Longueur de la séquence", grid: true},
      y: {label: "Norme moyenne des gradients", type: "log", grid: true, tickFormat: pythonExponent},
      marks: [
        Plot.line(results, {x: "length", y: "meanGradientNorm", strokeWidth: 2}),
        Plot.dot(results, {x: "length", y: "meanGradientNorm", r: 6, fill: "steelblue"}),
        Plot.text(results, {
          x: "length",
          y: "meanGradientNorm",
          text: (d: LengthGradient) => pythonExponent(d.meanGradientNorm),
          dy: -14
        })
      ]
    })
  );
}

/** ‖∂L/∂x_t‖ for each timestep t, log scale. */
export function gradientByTimestepChart(norms: number[], {width}: {width: number}): HTMLElement {
  const data = norms.map((norm, i) => ({t: i + 1, norm}));
  return titled(
    `‖∂L/∂xₜ‖ pour chaque pas de temps (séquence de ${norms.length})`,
    Plot.plot({
      width,
      height: 280,
      marginLeft: 60,
      x: {label: "Pas de temps t", grid: true},
      y: {label: "‖∂L/∂xₜ‖", type: "log", grid: true, tickFormat: pythonExponent},
      marks: [
        Plot.line(data, {x: "t", y: "norm", strokeWidth: 2, stroke: "#6a1b9a"}),
        Plot.dot(data, {x: "t", y: "norm", r: 2.5, fill: "#6a1b9a"})
      ]
    })
  );
}

/** Python's `f"{x:.2e}"`: two decimals, an exponent of at least two digits (2.31e+01). */
export function pythonExponent(x: number): string {
  return x.toExponential(2).replace(/e([+-])(\d)$/, "e$10$2");
}
