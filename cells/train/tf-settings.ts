import * as tf from "@tensorflow/tfjs";
import type {TfSettings} from "./worker-protocol.js";

/** The page's tfjs backend for a worker's tfjs work (wasm until the page has one), and the page's wasm binaries. */
export function tfSettings(): TfSettings {
  return {backend: tf.getBackend() ?? "wasm", wasmPath: new URL("./wasm/", import.meta.url).href};
}
