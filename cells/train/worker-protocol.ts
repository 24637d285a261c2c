import type {NetworkData} from "../models/network.js";
import type {ModelSpec} from "../models/spec.js";
import type {EpochUpdate, FitOptions, History} from "./fit.js";

/** Messages between a page and its training worker. Data travels flat so that it can be transferred. */
export type TrainRequest = {
  type: "train";
  id: number;
  spec: ModelSpec;
  /** Row-major ids, `rows` × `rowLength`. */
  ids: Int32Array;
  rowLength: number;
  labels: Float32Array;
  options: Omit<FitOptions, "signal" | "onBatch"> & {seed: number};
  /** The backend the page measured and chose; the worker falls back to wasm, then cpu. */
  backend: string;
  wasmPath: string;
};

export type ToWorker = TrainRequest | {type: "abort"; id: number};

export type FromWorker =
  | {type: "started"; id: number; backend: string}
  | {type: "epoch"; id: number; update: EpochUpdate; weights: NetworkData}
  | {type: "done"; id: number; history: History; weights: NetworkData; numTensors: number}
  | {type: "aborted"; id: number; batchesAfterAbort: number; numTensors: number}
  | {type: "error"; id: number; message: string};
