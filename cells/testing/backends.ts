import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";

/** The tfjs backends a Node test process can run: the pure-JS cpu backend and the wasm backend. */
export const nodeBackends = ["cpu", "wasm"] as const;

export async function useBackend(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} did not start`);
  await tf.ready();
}
