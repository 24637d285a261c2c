import type * as tf from "@tensorflow/tfjs";
import type {NetworkData} from "../models/network.js";
import {readTopology} from "./model-topology.js";
import {UploadError} from "./upload-error.js";
import {decodeWeights} from "./weights-decode.js";
import {planWeights, readManifest, type Manifest, type ManifestWeight} from "./weights-manifest.js";
import type {Topology} from "./model-topology.js";

/** A file as the browser's file input gives it; Node ≥ 20 has `File` too, so this reads the same in tests. */
export type NamedBlob = Blob & {readonly name: string};

/**
 * A saved model picked as files (its .json and the .bin files its manifest names) → the network's spec and
 * weights as plain data, every check done before the weights are read and before any tensor exists: JSON,
 * topology, manifest against topology, the named files present, their byte lengths, finite values.
 */
export async function readModelFiles(files: readonly NamedBlob[]): Promise<NetworkData> {
  const chosen = files.map((f) => f.name);
  const jsonFiles = files.filter((f) => f.name.toLowerCase().endsWith(".json"));
  if (jsonFiles.length !== 1) {
    throw new UploadError({kind: "model-json-count", jsonFiles: jsonFiles.map((f) => f.name), chosen});
  }
  const [jsonFile] = jsonFiles;
  const file = jsonFile.name;
  const {topology, manifest, plan} = readModelLayout(parseJSON(await jsonFile.text(), file), file);

  // Named by base name, as tf.io.browserFiles matches them.
  const byName = new Map(files.filter((f) => f !== jsonFile).map((f) => [f.name, f]));
  const groupFiles = manifest.groups.map((group) => group.paths.map(baseName));
  const missing = [...new Set(groupFiles.flat().filter((name) => !byName.has(name)))];
  if (missing.length) throw new UploadError({kind: "missing-weights", file, missing, chosen});
  manifest.groups.forEach((group, g) => {
    const actual = groupFiles[g].reduce((sum, name) => sum + byName.get(name)!.size, 0);
    if (actual !== group.byteLength) {
      const expected = group.byteLength;
      throw new UploadError({kind: "weights-length", file, weightFiles: groupFiles[g], expected, actual});
    }
  });
  const groupBytes = await Promise.all(
    groupFiles.map(async (names) => concat(await Promise.all(names.map((name) => byName.get(name)!.arrayBuffer()))))
  );
  return {spec: topology.spec, weights: decodeWeights(plan, groupBytes, file)};
}

/**
 * The same checks on what a tfjs IOHandler loaded (`indexeddb://…`, a Node directory): `name` stands for the
 * model's file in messages.
 */
export function networkDataFromArtifacts(artifacts: tf.io.ModelArtifacts, name = "model.json"): NetworkData {
  const weightsManifest = [{paths: [], weights: artifacts.weightSpecs ?? []}];
  const modelJson = {modelTopology: artifacts.modelTopology, weightsManifest};
  const {topology, manifest, plan} = readModelLayout(modelJson, name);
  const data = artifacts.weightData;
  const bytes = concat(data === undefined ? [] : Array.isArray(data) ? data : [data]);
  const expected = manifest.groups[0].byteLength;
  if (bytes.byteLength !== expected) {
    throw new UploadError({kind: "weights-length", file: name, weightFiles: [], expected, actual: bytes.byteLength});
  }
  return {spec: topology.spec, weights: decodeWeights(plan, [bytes], name)};
}

interface ModelLayout {
  topology: Topology;
  manifest: Manifest;
  plan: ManifestWeight[];
}

function readModelLayout(modelJson: unknown, file: string): ModelLayout {
  if (typeof modelJson !== "object" || modelJson === null || Array.isArray(modelJson)) {
    throw new UploadError({kind: "not-model", file, field: "modelTopology"});
  }
  const topology = readTopology(modelJson as Record<string, unknown>, file);
  const manifest = readManifest(modelJson as Record<string, unknown>, file);
  return {topology, manifest, plan: planWeights(topology, manifest, file)};
}

function parseJSON(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    throw new UploadError({kind: "not-json", file, detail: detail.length > 160 ? `${detail.slice(0, 159)}…` : detail});
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function concat(buffers: readonly ArrayBuffer[]): ArrayBuffer {
  if (buffers.length === 1) return buffers[0];
  const whole = new Uint8Array(buffers.reduce((sum, b) => sum + b.byteLength, 0));
  let at = 0;
  for (const buffer of buffers) {
    whole.set(new Uint8Array(buffer), at);
    at += buffer.byteLength;
  }
  return whole.buffer;
}
