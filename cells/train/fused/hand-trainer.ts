import {weightNames, type NetworkData} from "../../models/weights.js";
import type {ModelSpec} from "../../models/spec.js";
import type {RandomState} from "../../random/mt19937.js";
import type {Dataset} from "../dataset.js";
import {BaselineTrainer, baselineShape} from "./baseline-trainer.js";
import {FusedRnnTrainer, fusedShape, type AdamSettings, type WeightSource} from "./fused-trainer.js";

/**
 * The models Courant trains without tfjs's kernels, and the trainer for each: the §5 recurrent model on the fused
 * WebAssembly SIMD kernels, the §7 baseline in plain JavaScript. Both run tfjs's arithmetic and Adam, with the
 * same dropout masks (`trainer: "fused"` in what they report).
 */
export const FUSED_MODELS =
  "Embedding → SimpleRNN(tanh) → [Dropout] → Dense(1, sigmoid), or Embedding → GlobalAveragePooling1D → Dense → [Dropout] → Dense(1, sigmoid)";

export interface HandTrainer {
  trainBatch(data: Dataset, rows: ArrayLike<number>, rng: RandomState): [number, number];
  evaluate(data: Dataset, rows: ArrayLike<number>): {loss: number; accuracy: number};
  toData(): NetworkData;
  weightValues(): Float32Array[];
}

/** Whether a hand-written trainer covers this model (the recurrent one still needs WebAssembly SIMD). */
export const coveredByHandTrainer = (spec: ModelSpec) => fusedShape(spec) !== null || baselineShape(spec) !== null;

/** Its vocabulary size, for checking the data (both models start with an Embedding). */
export const handTrainerVocab = (spec: ModelSpec) => fusedShape(spec)?.vocab ?? baselineShape(spec)?.vocab;

/** The trainer for `model`, or null: another model, or the recurrent one without WebAssembly SIMD. */
export async function handTrainer(
  model: WeightSource,
  settings: AdamSettings & {batchSize: number}
): Promise<HandTrainer | null> {
  if (fusedShape(model.spec)) return FusedRnnTrainer.create(model, settings);
  if (!baselineShape(model.spec)) return null;
  return BaselineTrainer.create("variables" in model ? weightData(model) : model, settings);
}

export interface HandInference {
  evaluate(data: Dataset, rows: ArrayLike<number>): {loss: number; accuracy: number};
  probabilities(data: Dataset, rows?: ArrayLike<number>): Float32Array;
}

/**
 * Inference without tfjs's kernels, synchronously: the fused kernels once they have loaded, the baseline in
 * JavaScript; null for another model (or before the kernels load). Use it and drop it.
 */
export function handInference(model: WeightSource, batchSize: number): HandInference | null {
  const fused = FusedRnnTrainer.forInference(model, batchSize);
  if (fused || !baselineShape(model.spec)) return fused;
  return BaselineTrainer.create("variables" in model ? weightData(model) : model, {learningRate: 1e-3});
}

function weightData({spec, variables}: Extract<WeightSource, {variables: unknown}>): NetworkData {
  const names = weightNames(spec);
  return {
    spec,
    weights: variables.map((v, i) => ({name: names[i], shape: v.shape.slice(), values: v.dataSync() as Float32Array}))
  };
}
