import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import {RandomState} from "../../cells/random/mt19937.js";
import {sentimentRnnSpec} from "../../cells/models/builders.js";
import {Network} from "../../cells/models/network.js";
import {fit, trainBatch} from "../../cells/train/fit.js";
import {FusedRnnTrainer} from "../../cells/train/fused/fused-trainer.js";
import {gradientNormsByLength} from "../../cells/experiments/vanishing-gradient.js";
import {seedData} from "../../cells/testing/seed-data.js";

/** Figures for one backend, measured in the environment that imports this (Node or a browser page). */
export interface TrainingFigures {
  backend: string;
  /** Seconds per epoch, steady state (median of the epochs after the first). */
  epochSeconds: number | null;
  /** Seconds for 10 epochs: measured, or first epoch + 9 steady epochs when fewer were run. */
  tenEpochSeconds: number | null;
  samplesPerSecond: number | null;
  kernelsPerBatch: number | null;
  /** For the fused path: calls into its WebAssembly module per batch (its tfjs kernel count is 0). */
  wasmCallsPerBatch?: number;
  /** Which kernels trained (fit's choice under "auto"). */
  trainer?: "fused" | "tfjs";
  buildMs: number | null;
  note: string;
}

const now = () => performance.now();
const EMPTY = {epochSeconds: null, tenEpochSeconds: null, samplesPerSecond: null, kernelsPerBatch: null, buildMs: null};

export async function useBackend(name: string): Promise<boolean> {
  try {
    return (await tf.setBackend(name)) && (await tf.ready(), true);
  } catch {
    return false;
  }
}

/** tfjs kernels dispatched by one training batch (after a first batch has created Adam's slots), and for the fused path its wasm calls. */
async function countKernels(
  data: {x: Int32Array[]; y: Int32Array},
  fused: boolean
): Promise<{kernels: number; wasmCalls?: number}> {
  const network = Network.create(sentimentRnnSpec(), {seed: 1});
  const optimizer = tf.train.adam(1e-3);
  const trainer = fused ? await FusedRnnTrainer.create(network, {batchSize: 32, learningRate: 1e-3}) : null;
  const rng = new RandomState(1);
  const rows = Int32Array.from({length: 32}, (_, i) => i);
  const step = () => (trainer ? trainer.trainBatch(data, rows, rng) : trainBatch(network, optimizer, data, rows, rng));
  step();
  const info = await tf.profile(() => {
    step();
    return [];
  });
  optimizer.dispose();
  network.dispose();
  return {kernels: info.kernels.length, wasmCalls: trainer?.callsPerBatch};
}

/** Courant's lean network on the seed config (640 examples, T=20, Embedding 1000×100, SimpleRNN 128, dropout .3/.3, batch 32, validation .2). */
export async function measureCourant(
  backend: string,
  epochs: number,
  kernels: "auto" | "tfjs",
  watch: {start(): void; stop(): void} = {start() {}, stop() {}}
): Promise<TrainingFigures> {
  if (!(await useBackend(backend))) return {backend, ...EMPTY, note: "backend did not start"};
  const data = seedData();
  const started = now();
  const big = Network.create(sentimentRnnSpec({hiddenSize: 256}), {seed: 1});
  const buildMs = now() - started;
  big.dispose();

  const network = Network.create(sentimentRnnSpec(), {seed: 1});
  const ends: number[] = [];
  let trainer: "fused" | "tfjs" = "tfjs";
  // Start watching in a fresh task: the observer would otherwise report the task that built the data and model.
  await new Promise((resolve) => setTimeout(resolve, 0));
  watch.start();
  for await (const update of fit(network, data.train, {epochs, validationSplit: 0.2, seed: 1, kernels})) {
    ends.push(update.elapsed / 1000);
    trainer = update.trainer;
  }
  watch.stop();
  network.dispose();
  const counted = await countKernels(data.train, trainer === "fused");
  const durations = ends.map((end, i) => end - (i ? ends[i - 1] : 0));
  const steady = durations.length > 1 ? median(durations.slice(1)) : durations[0];
  const ten = epochs >= 10 ? ends[9] : durations[0] + steady * 9;
  return {
    backend,
    buildMs,
    epochSeconds: steady,
    tenEpochSeconds: ten,
    samplesPerSecond: 409 / steady,
    kernelsPerBatch: counted.kernels,
    wasmCallsPerBatch: counted.wasmCalls,
    trainer,
    note: epochs >= 10 ? "10 epochs measured" : `extrapolated from ${epochs} epoch(s)`
  };
}

/** Stock tfjs layers, the seed model exactly as Keras builds it (orthogonal init, model.fit path). */
export async function measureStock(backend: string, batches: number): Promise<TrainingFigures> {
  if (!(await useBackend(backend))) return {backend, ...EMPTY, note: "backend did not start"};
  const data = seedData();
  let started = now();
  const model = tf.sequential({
    layers: [
      tf.layers.embedding({inputDim: 1000, outputDim: 100, inputLength: 20}),
      tf.layers.simpleRNN({units: 128, dropout: 0.3, recurrentDropout: 0.3}),
      tf.layers.dropout({rate: 0.3}),
      tf.layers.dense({units: 1, activation: "sigmoid"})
    ]
  });
  model.compile({optimizer: "adam", loss: "binaryCrossentropy", metrics: ["accuracy"]});
  const buildMs = now() - started;
  const batch = (b: number) => {
    const rows = data.train.x.slice(b * 32, b * 32 + 32);
    return [
      tf.tensor2d(
        rows.flatMap((r) => Array.from(r)),
        [rows.length, 20],
        "int32"
      ),
      tf.tensor1d(Array.from(data.train.y.slice(b * 32, b * 32 + 32)))
    ] as const;
  };
  try {
    const [x0, y0] = batch(0);
    const profile = await tf.profile(async () => {
      await model.trainOnBatch(x0, y0);
    });
    tf.dispose([x0, y0]);
    const times: number[] = [];
    for (let b = 1; b <= batches; ++b) {
      const [x, y] = batch(b);
      started = now();
      await model.trainOnBatch(x, y);
      times.push((now() - started) / 1000);
      tf.dispose([x, y]);
    }
    const perBatch = median(times);
    const epoch = perBatch * 13 + perBatch * 0.3 * 4; // 13 training batches + validation forward passes
    return {
      backend,
      buildMs,
      epochSeconds: epoch,
      tenEpochSeconds: epoch * 10,
      samplesPerSecond: 409 / epoch,
      kernelsPerBatch: profile.kernels.length,
      note: `extrapolated from ${batches} batch(es) after a warm-up batch`
    };
  } catch (error) {
    return {
      backend,
      ...EMPTY,
      buildMs,
      note: `training fails: ${String((error as Error).message ?? error).slice(0, 90)}`
    };
  } finally {
    model.dispose();
  }
}

/** The seed's vanishing-gradient experiment (lengths 10/20/50/100, hidden 64, batch 32), in seconds. */
export async function measureGradientExperiment(backend: string): Promise<number | null> {
  if (!(await useBackend(backend))) return null;
  gradientNormsByLength([10], {hiddenSize: 64}); // warm-up (kernels, shaders)
  const started = now();
  gradientNormsByLength([10, 20, 50, 100], {hiddenSize: 64, batchSize: 32});
  return (now() - started) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
