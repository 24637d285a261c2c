import {gradientNormsByLengthStream, inputGradientByTimestep, type GradientOptions, type LengthGradient} from "../experiments/vanishing-gradient.js";
import {WorkerJob} from "./worker-pool.js";
import type {ExperimentOptions} from "./worker-protocol.js";

const settings = ({inputSize = 50, hiddenSize = 64, numClasses = 2, batchSize = 32, seed = 0}: GradientOptions): ExperimentOptions =>
  ({inputSize, hiddenSize, numClasses, batchSize, seed});

/** The §8 experiment in a worker, results streamed after each length (on this thread without Worker support). */
export async function* gradientNormsInBackground(lengths: number[], options: GradientOptions = {}, signal?: AbortSignal): AsyncGenerator<LengthGradient[]> {
  if (typeof Worker === "undefined") return yield* gradientNormsByLengthStream(lengths, options);
  const job = new WorkerJob({type: "gradients", lengths, options: settings(options)});
  try {
    for (;;) {
      const message = await job.next(signal);
      if (message === null || message.type === "finished") return;
      if (message.type === "error") throw new RangeError(message.message);
      if (message.type === "gradient") yield message.results;
    }
  } finally {
    job.abandon();
  }
}

/** ‖∂L/∂x_t‖ per timestep, computed in a worker (on this thread without Worker support). */
export async function inputGradientInBackground(length: number, options: GradientOptions = {}, signal?: AbortSignal): Promise<number[]> {
  if (typeof Worker === "undefined") return inputGradientByTimestep(length, options);
  const job = new WorkerJob({type: "timesteps", length, options: settings(options)});
  try {
    for (;;) {
      const message = await job.next(signal);
      if (message === null) throw new DOMException("aborted", "AbortError");
      if (message.type === "error") throw new RangeError(message.message);
      if (message.type === "timesteps-done") return message.norms;
    }
  } finally {
    job.abandon();
  }
}
