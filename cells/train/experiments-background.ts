import {
  gradientNormsByLengthStream,
  inputGradientByTimestep,
  type GradientOptions,
  type LengthGradient
} from "../experiments/vanishing-gradient.js";
import {pagePool} from "./page-pool.js";
import {tfSettings} from "./tf-settings.js";
import type {ExperimentOptions} from "./worker-protocol.js";

const settings = ({
  inputSize = 50,
  hiddenSize = 64,
  numClasses = 2,
  batchSize = 32,
  seed = 0
}: GradientOptions): ExperimentOptions => ({inputSize, hiddenSize, numClasses, batchSize, seed});

/** The §8 experiment in a pooled worker, results streamed after each length (on this thread without Worker support). */
export async function* gradientNormsInBackground(
  lengths: number[],
  options: GradientOptions = {},
  signal?: AbortSignal
): AsyncGenerator<LengthGradient[]> {
  const pool = pagePool();
  if (!pool) return yield* gradientNormsByLengthStream(lengths, options);
  yield* pool.run({kind: "gradients", tf: tfSettings(), lengths, options: settings(options)}, {signal});
}

/** ‖∂L/∂x_t‖ per timestep, computed in a pooled worker (on this thread without Worker support). */
export async function inputGradientInBackground(
  length: number,
  options: GradientOptions = {},
  signal?: AbortSignal
): Promise<number[]> {
  const pool = pagePool();
  if (!pool) return inputGradientByTimestep(length, options);
  const next = await pool
    .run({kind: "timesteps", tf: tfSettings(), length, options: settings(options)}, {signal})
    .next();
  if (!next.done) throw new TypeError("a timesteps job streams nothing");
  return next.value;
}
