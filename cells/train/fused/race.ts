import * as tf from "@tensorflow/tfjs";
import {RandomState} from "../../random/mt19937.js";
import {Network} from "../../models/network.js";
import {range, type Dataset} from "../data.js";
import {FusedRnnTrainer} from "./fused-trainer.js";

export interface RaceResult {
  fusedMs: number;
  tfjsMs: number;
}

/**
 * On a GPU backend tfjs may beat the fused kernels (which run on the CPU) for a large enough model: time one
 * training step of each, after a warm-up step, on a throwaway copy of the network, so the race changes no
 * weight and draws nothing from the training's generator. On wasm and cpu there is nothing to race: the
 * fused kernels do the same arithmetic without tfjs's per-kernel overhead.
 */
export async function raceTrainers(
  network: Network,
  data: Dataset,
  batchSize: number,
  trainBatch: (network: Network, optimizer: tf.Optimizer, data: Dataset, rows: Int32Array, rng: RandomState) => unknown
): Promise<RaceResult | null> {
  if (!["webgl", "webgpu"].includes(tf.getBackend())) return null;
  const rows = range(0, Math.min(batchSize, data.x.length));
  const copy = Network.fromData(network.toData());
  const optimizer = tf.train.adam(1e-3);
  const fused = await FusedRnnTrainer.create(copy, {batchSize, learningRate: 1e-3});
  try {
    if (!fused) return null;
    const rng = new RandomState(0);
    const time = (step: () => unknown) => {
      step(); // compiles shaders, creates Adam's slots
      const started = performance.now();
      step(); // trainBatch reads the loss back, so the GPU work is included
      return performance.now() - started;
    };
    return {
      fusedMs: time(() => fused.trainBatch(data, rows, rng)),
      tfjsMs: time(() => trainBatch(copy, optimizer, data, rows, rng))
    };
  } finally {
    optimizer.dispose();
    copy.dispose();
  }
}
