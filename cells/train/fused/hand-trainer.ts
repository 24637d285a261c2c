import type {NetworkData} from "../../models/weights.js";
import type {ModelSpec} from "../../models/spec.js";
import type {RandomState} from "../../random/mt19937.js";
import type {Dataset} from "../dataset.js";
import {BaselineTrainer, baselineShape, type BaselineShape} from "./baseline-trainer.js";
import {FusedRnnTrainer, fusedShape, type AdamSettings, type FusedShape, type WeightSource} from "./fused-trainer.js";

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

/** The sizes of a model a hand-written trainer covers (the recurrent one still needs WebAssembly SIMD), else null. */
export const handTrainerShape = (spec: ModelSpec): FusedShape | BaselineShape | null =>
  fusedShape(spec) ?? baselineShape(spec);

/** The trainer for `model`, or null: another model, or the recurrent one without WebAssembly SIMD. */
export async function handTrainer(
  model: WeightSource,
  settings: AdamSettings & {batchSize: number}
): Promise<HandTrainer | null> {
  // Each refuses the other's model (null), as the recurrent one's refuses it without SIMD.
  return (await FusedRnnTrainer.create(model, settings)) ?? BaselineTrainer.create(model, settings);
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
  return FusedRnnTrainer.forInference(model, batchSize) ?? BaselineTrainer.create(model, {learningRate: 1e-3});
}
