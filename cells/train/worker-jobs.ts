import {initialWeights} from "../models/weights.js";
import {gradientsOnFusedKernels, timestepsOnFusedKernels} from "./fused/fused-experiments.js";
import {trainOnFusedKernels} from "./fused/fused-training.js";
import type {JobHandlers} from "./worker-host.js";
import type {TfSettings} from "./worker-protocol.js";

type TfjsJobs = typeof import("./tfjs-jobs.js");

/**
 * What a pooled worker does for each kind of job. Training the essay's models (the recurrent one on the fused
 * kernels, the baseline in plain JavaScript: fused/hand-trainer.ts) and §8's gradient experiments, and building
 * a seeded model, need only plain arrays: none of them loads tfjs. Other models (and every job, without
 * WebAssembly SIMD) load it on first use. One instance per worker (it remembers whether tfjs is loaded there).
 */
export function workerJobs(): {handlers: JobHandlers; numTensors: () => number | null} {
  let tfjs: TfjsJobs | null = null;
  const withTfjs = async (settings: TfSettings): Promise<TfjsJobs> => {
    tfjs ??= await import("./tfjs-jobs.js");
    await tfjs.startBackend(settings);
    return tfjs;
  };
  const handlers: JobHandlers = {
    train: async (request, context) =>
      (await trainOnFusedKernels(request, context)) ?? (await withTfjs(request.tf)).trainWithTfjs(request, context),
    create: async ({spec, seed}) => {
      const weights = initialWeights(spec, {seed});
      return {value: {spec, weights}, transfer: weights.map((w) => w.values.buffer)};
    },
    gradients: async (request, context) =>
      (await gradientsOnFusedKernels(request, context)) ?? (await withTfjs(request.tf)).gradients(request, context),
    timesteps: async (request) =>
      (await timestepsOnFusedKernels(request)) ?? (await withTfjs(request.tf)).timesteps(request)
  };
  return {handlers, numTensors: () => tfjs?.numTensors() ?? null};
}
