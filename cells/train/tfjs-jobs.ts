import * as tf from "@tensorflow/tfjs";
import {setWasmPaths} from "@tensorflow/tfjs-backend-wasm";
import {gradientNormsByLengthStream, inputGradientByTimestep} from "../experiments/vanishing-gradient.js";
import {Network} from "../models/network.js";
import {fit} from "./fit.js";
import type {JobContext, Outcome} from "./worker-host.js";
import type {JobRequest, TfSettings} from "./worker-protocol.js";

/*
 * The worker's jobs that need tfjs: training a model the fused kernels do not cover (or on tfjs kernels by
 * request) and the §8 gradient experiments. The worker imports this module only when such a job comes.
 */

let backendReady: Promise<string> | null = null;

/** Starts the page's backend in this worker (once), else wasm, else cpu; resolves with the one that started. */
export function startBackend({backend, wasmPath}: TfSettings): Promise<string> {
  return (backendReady ??= (async () => {
    setWasmPaths(wasmPath);
    for (const name of [backend, "wasm", "cpu"]) {
      try {
        if (await tf.setBackend(name)) {
          await tf.ready();
          return name;
        }
      } catch {
        // OffscreenCanvas or wasm may be missing in this worker: try the next backend.
      }
    }
    throw new Error("no TensorFlow.js backend could start in the worker");
  })());
}

export const numTensors = () => tf.memory().numTensors;

export async function trainWithTfjs(
  request: JobRequest<"train">,
  context: JobContext<"train">
): Promise<Outcome<"train">> {
  const {spec, ids, rowLength, labels, options} = request;
  const backend = await startBackend(request.tf);
  const network = Network.create(spec, {seed: options.seed});
  try {
    const initial = network.toData();
    context.emit(
      {type: "started", place: {backend, trainer: "tfjs", inWorker: true}, weights: initial},
      initial.weights.map((w) => w.values.buffer)
    );
    const rows = Array.from({length: labels.length}, (_, i) => ids.subarray(i * rowLength, (i + 1) * rowLength));
    const epochs = fit(
      network,
      {x: rows, y: labels},
      {...options, signal: context.signal, onBatch: () => context.step()}
    );
    for (let next = await epochs.next(); ; next = await epochs.next()) {
      const weights = network.toData();
      const transfer = weights.weights.map((w) => w.values.buffer);
      if (next.done) return {value: {history: next.value, weights}, transfer};
      context.emit({type: "epoch", update: next.value, weights}, transfer);
    }
  } finally {
    network.dispose();
  }
}

export async function gradients(
  request: JobRequest<"gradients">,
  context: JobContext<"gradients">
): Promise<Outcome<"gradients">> {
  await startBackend(request.tf);
  for await (const results of gradientNormsByLengthStream(request.lengths, request.options)) {
    if (context.signal.aborted) break;
    context.step();
    context.emit(results);
  }
  return {value: null};
}

export async function timesteps(request: JobRequest<"timesteps">): Promise<Outcome<"timesteps">> {
  await startBackend(request.tf);
  return {value: inputGradientByTimestep(request.length, request.options)};
}
