import type {LengthGradient} from "../../experiments/vanishing-gradient.js";
import {manyToOneSpec} from "../../models/builders.js";
import {checkSize} from "../../models/spec.js";
import {initialWeights} from "../../models/weights.js";
import {RandomState} from "../../random/mt19937.js";
import {offsetSeed} from "../../random/seeds.js";
import {nextTask} from "../../util/next-task.js";
import type {JobContext, Outcome} from "../worker-host.js";
import type {ExperimentOptions, JobRequest} from "../worker-protocol.js";
import {fusedRnnGradients, manyToOneShape, type RnnGradients} from "./fused-gradients.js";

/*
 * §8's experiments (cells/experiments/vanishing-gradient.ts) as worker jobs on the fused kernels, without tfjs:
 * the same fresh models, seeds and random batches, the same gradients (a unit test holds the two equal). Each
 * length takes milliseconds, so an abort is seen at once; without WebAssembly SIMD the worker uses tfjs.
 */

/** The experiment for one sequence length: null without WebAssembly SIMD. */
async function gradientsFor(
  length: number,
  seed: number,
  {inputSize, hiddenSize, numClasses, batchSize}: ExperimentOptions
): Promise<RnnGradients | null> {
  const spec = manyToOneSpec({sequenceLength: length, inputSize, hiddenSize, numClasses});
  const rng = new RandomState(seed);
  const weights = initialWeights(spec, {seed}).map((w) => w.values);
  // As vanishing-gradient.ts draws its batch: normal inputs [B, T, F], then the labels.
  const x = new Float32Array(batchSize * length * inputSize);
  for (let i = 0; i < x.length; ++i) x[i] = rng.normal();
  const labels = Int32Array.from({length: batchSize}, () => Math.floor(rng.randomSample() * numClasses));
  return fusedRnnGradients(manyToOneShape(spec)!, weights, x, labels);
}

export async function gradientsOnFusedKernels(
  request: JobRequest<"gradients">,
  context: JobContext<"gradients">
): Promise<Outcome<"gradients"> | null> {
  const {lengths, options} = request;
  if (!Array.isArray(lengths) || lengths.length === 0)
    throw new RangeError("lengths must be a non-empty array of integers");
  lengths.forEach((l, i) => checkSize(l, `lengths[${i}]`));
  const results: LengthGradient[] = [];
  for (const [i, length] of lengths.entries()) {
    // A task of its own per length: an abort message is heard in between (awaits alone would not let it in).
    await nextTask();
    if (context.signal.aborted) break;
    const gradients = await gradientsFor(length, offsetSeed(options.seed, i), options);
    if (!gradients) return null;
    const {weightNorms} = gradients;
    results.push({
      length,
      meanGradientNorm: weightNorms.reduce((a, b) => a + b, 0) / weightNorms.length,
      variableNorms: weightNorms
    });
    context.step();
    context.emit(results.slice());
  }
  return {value: null};
}

export async function timestepsOnFusedKernels(request: JobRequest<"timesteps">): Promise<Outcome<"timesteps"> | null> {
  checkSize(request.length, "length");
  const gradients = await gradientsFor(request.length, request.options.seed, request.options);
  return gradients && {value: gradients.inputNorms};
}
