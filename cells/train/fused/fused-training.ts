import {fusedShape} from "./fused-trainer.js";
import {FUSED_MODELS, handTrainer, handTrainerShape} from "./hand-trainer.js";
import {initialWeights, type NetworkData} from "../../models/weights.js";
import {abortError} from "../../util/abort-error.js";
import {nextTask} from "../../util/next-task.js";
import {checkDataset} from "../dataset.js";
import {epochSettings, splitRows, trainEpochs, trainingRng, type BatchTrainer} from "../epochs.js";
import type {JobContext, Outcome} from "../worker-host.js";
import type {JobRequest} from "../worker-protocol.js";

/*
 * A worker's training job on the fused kernels: the seeded initial weights, the data and the wasm module are
 * all it needs — no tfjs. The same loop as `fit` (epochs.ts), the same arithmetic as `fit` with `kernels: "fused"`.
 */

const buffers = (data: NetworkData) => data.weights.map((w) => w.values.buffer);

/** Trains on the fused kernels, or returns null when they cannot (another model, no WebAssembly SIMD) and may not have to. */
export async function trainOnFusedKernels(
  request: JobRequest<"train">,
  context: JobContext<"train">
): Promise<Outcome<"train"> | null> {
  const {spec, ids, rowLength, labels, options} = request;
  const shape = handTrainerShape(spec);
  if (options.kernels === "tfjs" || (!shape && options.kernels !== "fused")) return null;
  if (!shape) throw new Error(`the fused kernels do not cover ${spec.name}: only ${FUSED_MODELS}`);
  const settings = epochSettings(options);
  const data = {
    x: Array.from({length: labels.length}, (_, i) => ids.subarray(i * rowLength, (i + 1) * rowLength)),
    y: labels
  };
  checkDataset(data, "data", shape.vocab);
  splitRows(data.x.length, settings.validationSplit);
  const rng = trainingRng(options.seed);
  const initial: NetworkData = {spec, weights: initialWeights(spec, {seed: options.seed})};
  // The seeded draws take a while (an orthogonal QR): an abort that came meanwhile is seen before going on.
  await nextTask();
  if (context.signal.aborted) throw abortError(context.signal);
  const trainer = await handTrainer(initial, {
    batchSize: Math.min(settings.batchSize, data.x.length),
    learningRate: settings.learningRate
  });
  if (!trainer) {
    if (options.kernels === "fused")
      throw new Error("the fused kernels need WebAssembly SIMD, which this environment lacks");
    return null;
  }
  // The trainer holds its own copy: the initial arrays can move to the page.
  context.emit(
    {
      type: "started",
      place: {backend: fusedShape(spec) ? "wasm" : "js", trainer: "fused", inWorker: true},
      weights: initial
    },
    buffers(initial)
  );
  let weights: NetworkData = initial;
  const batches: BatchTrainer = {
    kind: "fused",
    trainBatch: (d, rows, r) => trainer.trainBatch(d, rows, r),
    evaluate: (d, rows) => trainer.evaluate(d, rows),
    endEpoch: () => void (weights = trainer.toData())
  };
  const epochs = trainEpochs(
    batches,
    data,
    {...settings, rng, race: null},
    {signal: context.signal, onBatch: () => context.step()}
  );
  for (let next = await epochs.next(); ; next = await epochs.next()) {
    if (next.done) {
      const final = trainer.toData();
      return {value: {history: next.value, weights: final}, transfer: buffers(final)};
    }
    context.emit({type: "epoch", update: next.value, weights}, buffers(weights));
  }
}
