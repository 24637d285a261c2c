import {Network, type NetworkData} from "../models/network.js";
import type {ModelSpec} from "../models/spec.js";
import type {Dataset} from "./data.js";
import {assignWeights, type FitOptions} from "./fit.js";
import {lastLogs} from "./epochs.js";
import {afterEpoch, beforeFirstEpoch, trainLive, type LiveTraining, type TrainingSite} from "./live.js";
import {pagePool} from "./page-pool.js";
import {tfSettings} from "./tf-settings.js";

export {workerStats} from "./page-pool.js";

/**
 * `trainLive`, but the training runs in a pooled Web Worker so that the page stays responsive: the worker posts
 * each epoch's logs and weights, and the page keeps one live network with them for predictions (as `trainLive`,
 * the same object throughout: what a dependent cell holds is never disposed under it). When the run's signal
 * aborts, the worker stops within one batch (the generator throws an AbortError). Without Worker support (Node)
 * it trains on this thread.
 */
export async function* trainInBackground(
  spec: ModelSpec,
  data: Dataset,
  options: FitOptions = {}
): AsyncGenerator<LiveTraining> {
  const pool = pagePool();
  if (!pool) return yield* trainLive(spec, data, options);
  const seed = options.seed ?? (Math.random() * 2 ** 32) >>> 0;
  const epochs = options.epochs ?? 10;
  const rowLength = data.x[0]?.length ?? 0;
  const ids = new Int32Array(data.x.length * rowLength);
  data.x.forEach((row, i) => ids.set(row as ArrayLike<number>, i * rowLength));
  const labels = Float32Array.from(data.y as ArrayLike<number>);
  const {batchSize, validationSplit, learningRate, shuffle, kernels, signal} = options;
  const job = pool.run(
    {
      kind: "train",
      tf: tfSettings(),
      spec,
      ids,
      rowLength,
      labels,
      options: {epochs, batchSize, validationSplit, learningRate, shuffle, kernels, seed}
    },
    {signal, transfer: [ids.buffer, labels.buffer]}
  );

  /** The one live network: built from the first weights, then updated in place. */
  const live: {network: Network | null} = {network: null};
  let site: TrainingSite = {backend: "wasm", inWorker: true};
  let last: LiveTraining | null = null;
  let handedOver = false;
  const update = (weights: NetworkData): Network => {
    if (!live.network) return (live.network = Network.fromData(weights));
    assignWeights(
      live.network,
      weights.weights.map((w) => w.values)
    );
    return live.network;
  };
  try {
    for (let next = await job.next(); ; next = await job.next()) {
      if (next.done) {
        const network = update(next.value.weights);
        handedOver = true;
        const {history} = next.value;
        const final = {network, epoch: epochs, logs: lastLogs(history), history, progress: 1, done: true};
        yield {...(last ?? beforeFirstEpoch(network, epochs, site)), ...final};
        return;
      }
      const item = next.value;
      const network = update(item.weights);
      if (item.type === "started") {
        site = {backend: item.place.backend, inWorker: item.place.inWorker};
        yield (last = beforeFirstEpoch(network, epochs, site, item.place.trainer));
        continue;
      }
      last = afterEpoch(network, item.update, site);
      if (item.update.epoch < epochs) yield last;
    }
  } finally {
    await job.return(undefined as never);
    if (!handedOver) live.network?.dispose();
  }
}

/**
 * `Network.create(spec, {seed})` in a pooled worker: the same weights, but the random draws and the orthogonal QR
 * (tens of ms, more while the JIT is cold) stay off the page's main thread. On this thread without Worker support.
 */
export async function createInBackground(
  spec: ModelSpec,
  {seed}: {seed: number},
  signal?: AbortSignal
): Promise<Network> {
  const pool = pagePool();
  if (!pool) return Network.create(spec, {seed});
  const job = pool.run({kind: "create", tf: tfSettings(), spec, seed}, {signal});
  const next = await job.next();
  if (!next.done) throw new TypeError("a create job streams nothing");
  return Network.fromData(next.value);
}
