import {weightsByLayer} from "../models/weights.js";
import type {Topology} from "./model-topology.js";
import {UploadError} from "./upload-error.js";

/**
 * A model.json's `weightsManifest`, checked against its topology before any byte of the weights is read:
 * where each weight lies in its group's files, how many bytes each group must hold, and which manifest entry
 * feeds each weight of the spec (matched by name, as tfjs's `loadWeights` does, shape checked).
 */
export interface ManifestWeight {
  name: string;
  shape: number[];
  dtype: string;
  /** The stored dtype when quantized (`quantization.dtype`), else null. */
  quantized: string | null;
  /** Optimizer state saved with the model (tfjs `group: "optimizer"`): counted, never loaded. */
  optimizer: boolean;
  group: number;
  /** Byte offset inside the group's files taken end to end. */
  offset: number;
  byteLength: number;
}

export interface WeightGroup {
  /** The file names the group's bytes are split into, in order. */
  paths: string[];
  byteLength: number;
}

export interface Manifest {
  groups: WeightGroup[];
  weights: ManifestWeight[];
}

const BYTES: Record<string, number> = {float32: 4, int32: 4, bool: 1, complex64: 8};
const QUANTIZED_BYTES: Record<string, number> = {uint8: 1, uint16: 2, float16: 2};

type Json = Record<string, unknown>;

export function readManifest(modelJson: Json, file: string): Manifest {
  const manifest = modelJson.weightsManifest;
  if (!Array.isArray(manifest)) throw new UploadError({kind: "not-model", file, field: "weightsManifest"});
  const groups: WeightGroup[] = [];
  const weights: ManifestWeight[] = [];
  manifest.forEach((group, g) => {
    const where = `weightsManifest[${g}]`;
    if (!isObject(group) || !Array.isArray(group.paths) || !group.paths.every((p) => typeof p === "string")) {
      throw new UploadError({kind: "not-model", file, field: `${where}.paths`});
    }
    if (!Array.isArray(group.weights)) throw new UploadError({kind: "not-model", file, field: `${where}.weights`});
    let offset = 0;
    group.weights.forEach((entry, w) => {
      const at = `${where}.weights[${w}]`;
      const malformed = (field: string) => new UploadError({kind: "not-model", file, field: `${at}.${field}`});
      if (!isObject(entry) || typeof entry.name !== "string") throw malformed("name");
      if (!Array.isArray(entry.shape) || !entry.shape.every(isSize)) throw malformed("shape");
      if (typeof entry.dtype !== "string") throw malformed("dtype");
      const quantization = entry.quantization;
      const quantized = isObject(quantization) && typeof quantization.dtype === "string" ? quantization.dtype : null;
      const size = quantization === undefined ? BYTES[entry.dtype] : quantized && QUANTIZED_BYTES[quantized];
      const dtype = quantized ?? entry.dtype;
      if (!size) throw new UploadError({kind: "weights-dtype", file, weight: entry.name, dtype});
      const byteLength = entry.shape.reduce((a: number, b: number) => a * b, 1) * size;
      const optimizer = entry.group === "optimizer";
      weights.push({
        name: entry.name,
        shape: entry.shape as number[],
        dtype: entry.dtype,
        quantized,
        optimizer,
        group: g,
        offset,
        byteLength
      });
      offset += byteLength;
    });
    groups.push({paths: group.paths as string[], byteLength: offset});
  });
  return {groups, weights};
}

/**
 * The manifest entry of each weight of the spec, in Keras order (`weightsByLayer`). A weight is
 * `<layer name>/…/<role>` (tfjs: `dense_Dense1/kernel`; Keras 2 through the converter:
 * `simple_rnn/simple_rnn_cell/kernel`; Keras 3: `dense/0`). Every model weight of the manifest must be used.
 */
export function planWeights({spec, layerNames}: Topology, manifest: Manifest, file: string): ManifestWeight[] {
  const unused = new Set(manifest.weights.filter((w) => !w.optimizer));
  const plan: ManifestWeight[] = [];
  weightsByLayer(spec).forEach((slots, i) => {
    const prefix = `${layerNames[i]}/`;
    slots.forEach(({role, shape: expected}, r) => {
      const entry = [...unused].find((w) => {
        const name = w.name.replace(/:\d+$/, "");
        const last = name.slice(name.lastIndexOf("/") + 1);
        return name.startsWith(prefix) && (last === role || last === String(r));
      });
      if (!entry) throw new UploadError({kind: "missing-weight", file, layer: layerNames[i], weight: role});
      unused.delete(entry);
      if (entry.dtype !== "float32" || entry.quantized) {
        throw new UploadError({kind: "weights-dtype", file, weight: entry.name, dtype: entry.quantized ?? entry.dtype});
      }
      if (entry.shape.join() !== expected.join()) {
        throw new UploadError({kind: "shape", file, weight: entry.name, expected, actual: entry.shape});
      }
      plan.push(entry);
    });
  });
  const extra = [...unused][0];
  if (extra) throw new UploadError({kind: "unexpected-weight", file, weight: extra.name});
  return plan;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isSize = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
