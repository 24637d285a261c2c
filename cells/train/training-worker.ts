/// <reference lib="webworker" />
import * as tf from "@tensorflow/tfjs";
import {setWasmPaths} from "@tensorflow/tfjs-backend-wasm";
import {initialWeights, Network} from "../models/network.js";
import {fit, TrainingAborted} from "./fit.js";
import {gradientNormsByLengthStream, inputGradientByTimestep} from "../experiments/vanishing-gradient.js";
import type {CreateRequest, FromWorker, GradientsRequest, JobRequest, TimestepsRequest, ToWorker, TrainRequest} from "./worker-protocol.js";

/**
 * The worker: runs training (`fit`) and the gradient experiments off the page's main thread. Training posts
 * each epoch's logs and weights; an "abort" message is seen between two batches (fit yields to the event
 * loop after each batch), and between two lengths of the gradient experiment.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const runs = new Map<number, {controller: AbortController; batchesAfterAbort: number}>();
let backendReady: Promise<string> | null = null;

const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "abort") runs.get(message.id)?.controller.abort();
  else if (message.type === "train") train(message);
  else if (message.type === "gradients") gradients(message);
  else if (message.type === "create") create(message);
  else timesteps(message);
};

function create(request: CreateRequest) {
  try {
    // Plain arrays: no tfjs backend needs to start for this (WebGL in a worker costs seconds without a GPU).
    const weights = initialWeights(request.spec, {seed: request.seed});
    post({type: "created", id: request.id, weights: {spec: request.spec, weights}}, weights.map((w) => w.values.buffer));
  } catch (error) {
    post({type: "error", id: request.id, message: error instanceof Error ? error.message : String(error)});
  }
}

function ready(request: JobRequest): Promise<string> {
  return (backendReady ??= startBackend(request.backend, request.wasmPath));
}

async function gradients(request: GradientsRequest) {
  const run = {controller: new AbortController(), batchesAfterAbort: 0};
  runs.set(request.id, run);
  try {
    await ready(request);
    for await (const results of gradientNormsByLengthStream(request.lengths, request.options)) {
      if (run.controller.signal.aborted) break;
      post({type: "gradient", id: request.id, results});
    }
    post({type: "finished", id: request.id});
  } catch (error) {
    post({type: "error", id: request.id, message: error instanceof Error ? error.message : String(error)});
  } finally {
    runs.delete(request.id);
  }
}

async function timesteps(request: TimestepsRequest) {
  try {
    await ready(request);
    post({type: "timesteps-done", id: request.id, norms: inputGradientByTimestep(request.length, request.options)});
  } catch (error) {
    post({type: "error", id: request.id, message: error instanceof Error ? error.message : String(error)});
  }
}

async function startBackend(preferred: string, wasmPath: string): Promise<string> {
  setWasmPaths(wasmPath);
  for (const name of [preferred, "wasm", "cpu"]) {
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
}

async function train(request: TrainRequest) {
  const {id, spec, ids, rowLength, labels, options} = request;
  const run = {controller: new AbortController(), batchesAfterAbort: 0};
  runs.set(id, run);
  let network: Network | null = null;
  try {
    const backend = await ready(request);
    network = Network.create(spec, {seed: options.seed});
    const initial = network.toData();
    post({type: "started", id, backend, weights: initial}, initial.weights.map((w) => w.values.buffer));
    const rows = Array.from({length: labels.length}, (_, i) => ids.subarray(i * rowLength, (i + 1) * rowLength));
    const epochs = fit(network, {x: rows, y: labels}, {
      ...options,
      signal: run.controller.signal,
      onBatch: () => {
        if (run.controller.signal.aborted) run.batchesAfterAbort += 1;
      }
    });
    let last = await epochs.next();
    while (!last.done) {
      post({type: "epoch", id, update: last.value, weights: network.toData()});
      last = await epochs.next();
    }
    const weights = network.toData();
    network.dispose();
    network = null;
    post({type: "done", id, history: last.value, weights, numTensors: tf.memory().numTensors}, weights.weights.map((w) => w.values.buffer));
  } catch (error) {
    network?.dispose();
    network = null;
    if (error instanceof TrainingAborted) post({type: "aborted", id, batchesAfterAbort: run.batchesAfterAbort, numTensors: tf.memory().numTensors});
    else post({type: "error", id, message: error instanceof Error ? error.message : String(error)});
  } finally {
    runs.delete(id);
  }
}
