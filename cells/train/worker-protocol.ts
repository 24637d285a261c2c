import type {LengthGradient} from "../experiments/vanishing-gradient.js";
import type {ModelSpec} from "../models/spec.js";
import type {NetworkData} from "../models/weights.js";
import type {EpochUpdate, FitOptions, History} from "./epochs.js";

/*
 * The one contract between the page and its workers, for every kind of job. The page sends `start` with a
 * job; the worker posts any number of `item`s, then exactly one final message: `result`, `error` (the error's
 * class name and message as data) or `aborted` (the acknowledgement of an `abort`). A worker runs one job at a
 * time and is free again after the final message. Data travels flat so that it can be transferred.
 */

/** Where a job's tfjs work runs, if it has any: the backend as data (a job on the fused kernels loads no tfjs). */
export interface TfSettings {
  /** The page's backend (measured or forced); the worker falls back to wasm, then cpu. */
  backend: string;
  /** Where the wasm backend's binaries are (the page's, so that they are fetched once). */
  wasmPath: string;
}

export interface ExperimentOptions {
  inputSize: number;
  hiddenSize: number;
  numClasses: number;
  batchSize: number;
  seed: number;
}

/** Where a training's arithmetic runs, as data. */
export interface TrainingPlace {
  /** The tfjs backend, or "wasm" for the fused WebAssembly kernels (no tfjs). */
  backend: string;
  trainer: "fused" | "tfjs";
  inWorker: boolean;
}

/** Each kind of job: what the page sends, what the worker streams, what it ends with. */
export interface JobKinds {
  train: {
    request: {
      spec: ModelSpec;
      /** Row-major ids, `rows` × `rowLength`. */
      ids: Int32Array;
      rowLength: number;
      labels: Float32Array;
      options: Omit<FitOptions, "signal" | "onBatch"> & {seed: number};
    };
    /** The initial (seeded) weights first, so that the page need not build the model; then each epoch's. */
    item:
      | {type: "started"; place: TrainingPlace; weights: NetworkData}
      | {type: "epoch"; update: EpochUpdate; weights: NetworkData};
    result: {history: History; weights: NetworkData};
  };
  /** A seeded model's weights (Keras initialisers: random draws, an orthogonal QR), built off the page's thread. */
  create: {request: {spec: ModelSpec; seed: number}; item: never; result: NetworkData};
  /** §8: the gradient norms by sequence length, streamed after each length. */
  gradients: {request: {lengths: number[]; options: ExperimentOptions}; item: LengthGradient[]; result: null};
  /** §8: ‖∂L/∂x_t‖ for every timestep of one length. */
  timesteps: {request: {length: number; options: ExperimentOptions}; item: never; result: number[]};
}

export type JobKind = keyof JobKinds;

/**
 * Which waiting job a free worker takes first (higher first; equal ones in the order they came): what a reader
 * watches or a cell waits for — a training, a model — before the experiments (§8's gradients), which a page
 * starts at the same time as it loads.
 */
export const JOB_PRIORITY: Record<JobKind, number> = {train: 1, create: 1, gradients: 0, timesteps: 0};

export type JobRequest<K extends JobKind = JobKind> = {[P in K]: {kind: P; tf: TfSettings} & JobKinds[P]["request"]}[K];
export type JobItem<K extends JobKind> = JobKinds[K]["item"];
export type JobResult<K extends JobKind> = JobKinds[K]["result"];

/** What a job left behind in its worker, for tests and the curious. */
export interface JobReport {
  /** Steps (training batches, experiment lengths) the job ran after it saw its abort: 0 or 1 when it cooperates. */
  stepsAfterAbort: number;
  /** The worker's tfjs tensors once the job ended; null when tfjs was never loaded there (the fused path). */
  numTensors: number | null;
}

export interface SerializedError {
  name: string;
  message: string;
}

export type ToWorker = {type: "start"; id: number; job: JobRequest} | {type: "abort"; id: number};

export type FromWorker =
  | {type: "item"; id: number; value: unknown}
  | {type: "result"; id: number; value: unknown; report: JobReport}
  | {type: "error"; id: number; error: SerializedError; report: JobReport}
  | {type: "aborted"; id: number; report: JobReport};

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error || error instanceof DOMException) return {name: error.name, message: error.message};
  return {name: "Error", message: String(error)};
}

const ERROR_CLASSES: Record<string, new (message: string) => Error> = {
  Error,
  RangeError,
  TypeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError
};

/** The error again on this side: an AbortError is a DOMException, a built-in class is itself, others keep their name. */
export function deserializeError({name, message}: SerializedError): Error {
  if (name === "AbortError") return new DOMException(message, "AbortError");
  const ErrorClass = ERROR_CLASSES[name];
  if (ErrorClass) return new ErrorClass(message);
  const error = new Error(message);
  error.name = name;
  return error;
}
