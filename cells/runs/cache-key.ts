import type {ModelSpec} from "../models/spec.js";
import type {Dataset} from "../train/data.js";
import type {FitOptions} from "../train/fit.js";
import {baselineShape} from "../train/fused/baseline-trainer.js";
import {fusedShape} from "../train/fused/fused-trainer.js";
import {kernelsWasmBase64} from "../train/fused/kernels-wasm.js";
import {canonicalJSON, ContentHash} from "./content-hash.js";

/**
 * Bump when the toolkit's numerics change in a way the compiled kernels do not show (initialisers, shuffling,
 * dropout draws, fit's loop): every cached result is then trained again. The kernels' own bytes are hashed in.
 */
export const NUMERICS_VERSION = 2;

let numerics: string | null = null;
function numericsVersion(): string {
  return (numerics ??= `${NUMERICS_VERSION}.${new ContentHash().text(kernelsWasmBase64).digest().slice(0, 8)}`);
}

/** Backends where `fit`'s automatic choice races the fused kernels against tfjs (and may pick tfjs). */
const RACED_BACKENDS = ["webgl", "webgpu"];

/**
 * The kernels that will train, as far as they decide the result: the fused kernels give the same numbers on any
 * backend; tfjs kernels depend on the backend. "auto" is fused for the models they cover, except on a GPU
 * backend where a measured race decides (the key then names the backend and the result may come from either).
 */
export function kernelsKey(spec: ModelSpec, kernels: FitOptions["kernels"], backend: string): string {
  const requested = kernels ?? "auto";
  if (requested === "fused") return "fused";
  if (requested === "auto" && fusedShape(spec) && !RACED_BACKENDS.includes(backend)) return "fused";
  if (requested === "auto" && baselineShape(spec)) return "fused"; // never raced: see fit.ts
  return `${requested}@${backend}`;
}

export interface TrainingInputs {
  spec: ModelSpec;
  data: Dataset;
  options: FitOptions;
  /** The tfjs backend the training will run on (the worker starts the page's). */
  backend: string;
}

/**
 * The cache key of a training: a hash of everything that determines its result — model spec, the data's contents,
 * the training options with fit's defaults filled in, the seed, the kernels, the toolkit's numerics version.
 * Null without a seed: an unseeded run is not reproducible, so it is never cached.
 */
export function trainingKey({spec, data, options, backend}: TrainingInputs): string | null {
  if (options.seed === undefined) return null;
  const {epochs = 10, batchSize = 32, validationSplit = 0, learningRate = 1e-3, shuffle = true, seed} = options;
  const hash = new ContentHash()
    .text(numericsVersion())
    .text(canonicalJSON(spec))
    .text(canonicalJSON({epochs, batchSize, validationSplit, learningRate, shuffle, seed}))
    .text(kernelsKey(spec, options.kernels, backend));
  hash.numbers([data.x.length, data.x[0]?.length ?? 0]);
  for (const row of data.x) hash.numbers(row);
  hash.numbers(data.y);
  return `run-${hash.digest()}`;
}
