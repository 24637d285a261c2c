import type {LengthGradient} from "../experiments/vanishing-gradient.js";
import type {NetworkData} from "../models/network.js";
import type {ModelSpec} from "../models/spec.js";
import type {EpochUpdate, FitOptions, History} from "./fit.js";

/** Messages between a page and its worker. Data travels flat so that it can be transferred. */
interface JobBase {
  id: number;
  /** The backend the page measured and chose; the worker falls back to wasm, then cpu. */
  backend: string;
  wasmPath: string;
}

export interface TrainRequest extends JobBase {
  type: "train";
  spec: ModelSpec;
  /** Row-major ids, `rows` × `rowLength`. */
  ids: Int32Array;
  rowLength: number;
  labels: Float32Array;
  options: Omit<FitOptions, "signal" | "onBatch"> & {seed: number};
}

export interface ExperimentOptions {
  inputSize: number;
  hiddenSize: number;
  numClasses: number;
  batchSize: number;
  seed: number;
}

export interface GradientsRequest extends JobBase {
  type: "gradients";
  lengths: number[];
  options: ExperimentOptions;
}

export interface TimestepsRequest extends JobBase {
  type: "timesteps";
  length: number;
  options: ExperimentOptions;
}

/** Build a seeded model (Keras initialisers: random draws, an orthogonal QR) and send its weights back. */
export interface CreateRequest extends JobBase {
  type: "create";
  spec: ModelSpec;
  seed: number;
}

export type JobRequest = TrainRequest | GradientsRequest | TimestepsRequest | CreateRequest;
export type ToWorker = JobRequest | {type: "abort"; id: number};

export type FromWorker =
  /** The initial (seeded) weights come with it: the page need not build the model itself. */
  | {type: "started"; id: number; backend: string; weights: NetworkData}
  | {type: "epoch"; id: number; update: EpochUpdate; weights: NetworkData}
  | {type: "done"; id: number; history: History; weights: NetworkData; numTensors: number}
  | {type: "aborted"; id: number; batchesAfterAbort: number; numTensors: number}
  | {type: "gradient"; id: number; results: LengthGradient[]}
  | {type: "timesteps-done"; id: number; norms: number[]}
  | {type: "created"; id: number; weights: NetworkData}
  | {type: "finished"; id: number}
  | {type: "error"; id: number; message: string};

/** After one of these the worker is free for another job. */
export const FINAL_MESSAGES = new Set<FromWorker["type"]>(["done", "aborted", "finished", "timesteps-done", "created", "error"]);
