import * as tf from "@tensorflow/tfjs";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";

/**
 * A tfjs IOHandler for a directory in Node (model.json + weights.bin), the layout of tfjs-node's
 * `file://` handler, without needing tfjs-node.
 */
export function directoryHandler(directory: string): tf.io.IOHandler {
  return {
    async save(artifacts) {
      await mkdir(directory, {recursive: true});
      const weights = artifacts.weightData
        ? new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData))
        : new Uint8Array();
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{paths: ["weights.bin"], weights: artifacts.weightSpecs ?? []}]
      };
      await writeFile(join(directory, "model.json"), JSON.stringify(modelJson));
      await writeFile(join(directory, "weights.bin"), weights);
      return {modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts)};
    },
    async load() {
      const modelJson = JSON.parse(await readFile(join(directory, "model.json"), "utf8"));
      const buffer = await readFile(join(directory, "weights.bin"));
      return {
        modelTopology: modelJson.modelTopology,
        format: modelJson.format,
        generatedBy: modelJson.generatedBy,
        convertedBy: modelJson.convertedBy,
        weightSpecs: modelJson.weightsManifest.flatMap(
          (group: {weights: tf.io.WeightsManifestEntry[]}) => group.weights
        ),
        weightData: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)
      };
    }
  };
}
