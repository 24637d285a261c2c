import type {WeightData} from "../models/network.js";
import {UploadError} from "./upload-error.js";
import type {ManifestWeight} from "./weights-manifest.js";

/**
 * The planned weights cut out of their groups' bytes (little-endian float32, as tfjs writes them), copied so
 * that no weight keeps a whole file alive. A NaN or infinity is refused: such a model only ever answers NaN.
 */
export function decodeWeights(
  plan: readonly ManifestWeight[],
  groupBytes: readonly ArrayBuffer[],
  file: string
): WeightData[] {
  return plan.map((weight) => {
    const values = new Float32Array(weight.byteLength / 4);
    new Uint8Array(values.buffer).set(new Uint8Array(groupBytes[weight.group], weight.offset, weight.byteLength));
    const index = values.findIndex((v) => !Number.isFinite(v));
    if (index >= 0) {
      throw new UploadError({kind: "weights-values", file, weight: weight.name, index, value: values[index]});
    }
    return {name: weight.name, shape: weight.shape.slice(), values};
  });
}
