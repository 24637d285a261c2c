import type {RandomState} from "../../random/mt19937.js";
import {drawDropoutMask} from "../../models/dropout.js";
import type {Network} from "../../models/network.js";
import type {ModelSpec} from "../../models/spec.js";
import {networkData, type NetworkData} from "../../models/weights.js";
import type {Dataset} from "../dataset.js";
import {Arena, instantiateKernels, sharedKernels, type KernelExports} from "./kernels.js";
import {lastStep, reserveRnnBuffers, rnnLayerBackward, rnnLayerForward, type RnnLayer} from "./rnn-layer.js";

/** Where a trainer's weights come from: a Network's tfjs variables, or plain arrays (a worker without tfjs). */
export type WeightSource = Pick<Network, "spec" | "variables"> | NetworkData;

/** The weights' values of a source, in Keras order (a Network's are read from its variables). */
export function sourceValues(source: WeightSource): ArrayLike<number>[] {
  return "variables" in source
    ? source.variables.map((v) => v.dataSync() as Float32Array)
    : source.weights.map((w) => w.values);
}

/** The sizes of a model the fused kernels can train: Embedding → SimpleRNN(tanh, last state) → [Dropout] → Dense(1, sigmoid). */
export interface FusedShape {
  vocab: number;
  features: number;
  units: number;
  steps: number;
  inputDropout: number;
  recurrentDropout: number;
  outputDropout: number;
}

export function fusedShape(spec: ModelSpec): FusedShape | null {
  const [embedding, rnn, ...rest] = spec.layers;
  const dropout = rest.length === 2 && rest[0].type === "Dropout" ? rest[0] : null;
  const head = rest[rest.length - 1];
  if (embedding?.type !== "Embedding" || rnn?.type !== "SimpleRNN" || rnn.activation !== "tanh" || rnn.returnSequences)
    return null;
  if (rest.length !== (dropout ? 2 : 1) || head?.type !== "Dense" || head.units !== 1 || head.activation !== "sigmoid")
    return null;
  return {
    vocab: embedding.inputDim,
    features: embedding.outputDim,
    units: rnn.units,
    steps: spec.inputShape[0],
    inputDropout: rnn.dropout,
    recurrentDropout: rnn.recurrentDropout,
    outputDropout: dropout?.rate ?? 0
  };
}

export interface AdamSettings {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/** A weight, its gradient and Adam's two moments, in the kernels' memory. */
interface Slot {
  size: number;
  w: number;
  g: number;
  m: number;
  v: number;
}

/**
 * Trains the §5 sentiment model entirely in WebAssembly SIMD: the forward pass, the backpropagation through
 * time, the embedding's scatter-add gradient and Adam run as a handful of calls into one module, with no
 * tfjs kernel and no allocation per batch. The same mathematics as `Network` + `tf.train.adam`, the same
 * dropout masks from the same generator: the unit tests hold the two paths to each other.
 *
 * The weights live in the kernels' memory while training; `writeTo` copies them back into the network.
 */
export class FusedRnnTrainer {
  /** Calls into WebAssembly during the last training batch (the fused counterpart of "kernels per batch"). */
  callsPerBatch = 0;
  private step = 0;
  private accBeta1: number;
  private accBeta2: number;
  private readonly slots: Slot[];
  /** The SimpleRNN layer: its weights are slots 1–3. */
  private readonly rnn: RnnLayer;
  private readonly buffers: Record<"ids" | "maskX" | "maskH" | "maskOut" | "scratch", number>;
  private readonly arena: Arena;
  private readonly adam: Required<AdamSettings>;
  private calls = 0;

  private constructor(
    private readonly k: KernelExports,
    readonly shape: FusedShape,
    readonly batchSize: number,
    adam: AdamSettings,
    private readonly spec: ModelSpec,
    source: WeightSource
  ) {
    const {vocab, features: e, units: h, steps: t} = shape;
    const rows = t * batchSize;
    this.arena = new Arena(k);
    const a = this.arena;
    // Keras order: embeddings, kernel, recurrent_kernel, bias, dense kernel, dense bias
    this.slots = [vocab * e, e * h, h * h, h, h, 1].map((size) => ({
      size,
      w: a.reserve(size),
      g: a.reserve(size),
      m: a.reserve(size),
      v: a.reserve(size)
    }));
    const [, kernel, recurrent, bias] = this.slots;
    this.rnn = {kernel, recurrent, bias, ...reserveRnnBuffers(a, shape, batchSize, shape.recurrentDropout > 0)};
    this.buffers = {
      ids: a.reserve(rows),
      maskX: a.reserve(batchSize * e),
      maskH: a.reserve(batchSize * h),
      maskOut: a.reserve(batchSize * h),
      scratch: a.reserve(e)
    };
    a.commit();
    this.adam = {beta1: 0.9, beta2: 0.999, epsilon: 1e-7, ...adam};
    this.accBeta1 = Math.fround(this.adam.beta1);
    this.accBeta2 = Math.fround(this.adam.beta2);
    this.readFrom(source);
  }

  /** A trainer for `model` with its own kernel instance, or null when its architecture is not the fused one or WebAssembly SIMD is missing. */
  static async create(
    model: WeightSource,
    {batchSize, ...adam}: AdamSettings & {batchSize: number}
  ): Promise<FusedRnnTrainer | null> {
    const shape = fusedShape(model.spec);
    if (!shape) return null;
    const kernels = await instantiateKernels();
    return kernels && new FusedRnnTrainer(kernels, shape, batchSize, adam, model.spec, model);
  }

  /**
   * For inference, synchronously: a trainer on the shared kernel instance once it has loaded (null before, or
   * for another architecture). It lays its buffers over those of the previous one, so use it and drop it.
   */
  static forInference(model: WeightSource, batchSize: number): FusedRnnTrainer | null {
    const shape = fusedShape(model.spec);
    const kernels = sharedKernels();
    return shape && kernels
      ? new FusedRnnTrainer(kernels, shape, batchSize, {learningRate: 0}, model.spec, model)
      : null;
  }

  /** Copies the weights in (Adam's moments are kept). */
  readFrom(source: WeightSource) {
    sourceValues(source).forEach((values, i) => this.view(this.slots[i].w, this.slots[i].size).set(values));
  }

  /** A copy of the current weights, in Keras order (plain arrays: they may be transferred). */
  weightValues(): Float32Array[] {
    return this.slots.map((slot) => this.view(slot.w, slot.size).slice());
  }

  /** The current weights with their Keras names and shapes. */
  toData(): NetworkData {
    return networkData(this.spec, this.weightValues());
  }

  /** One Adam step on the rows `rows` of `data`; returns the batch's loss and accuracy (as tfjs `fit` does). */
  trainBatch(data: Dataset, rows: ArrayLike<number>, rng: RandomState): [number, number] {
    const result = this.gradients(data, rows, rng);
    this.applyAdam();
    this.callsPerBatch = this.calls;
    return result;
  }

  /**
   * Forward and backward pass on one batch: leaves every weight's gradient of the mean binary cross-entropy in
   * the kernels' memory (`gradient(i)` reads them) and returns the batch's loss and accuracy.
   */
  gradients(data: Dataset, rows: ArrayLike<number>, rng: RandomState): [number, number] {
    this.calls = 0;
    const {features: e, steps: t} = this.shape;
    const batch = this.load(data, rows);
    const {maskX, maskH, maskOut} = this.drawMasks(batch, rng);
    const [embeddings] = this.slots;
    const b = this.buffers;
    this.forward(batch, maskX, maskH);

    const head = this.head(batch, data, rows, maskOut);

    this.calls += rnnLayerBackward(this.k, this.rnn, this.shape, batch, maskH);
    this.view(embeddings.g, embeddings.size).fill(0);
    this.call(this.k.scatterAddRows, this.rnn.dx, b.ids, t * batch, e, maskX, batch, embeddings.g, b.scratch);
    return head;
  }

  /** Mean loss and accuracy over `rows` (default all) in inference mode, in batches of `batchSize`. */
  evaluate(data: Dataset, rows?: ArrayLike<number>): {loss: number; accuracy: number} {
    const all = rows ?? Int32Array.from({length: data.x.length}, (_, i) => i);
    let loss = 0;
    let correct = 0;
    for (let start = 0; start < all.length; start += this.batchSize) {
      const chunk = Array.prototype.slice.call(all, start, Math.min(start + this.batchSize, all.length)) as number[];
      const batch = this.load(data, chunk);
      this.forward(batch, 0, 0);
      const z = this.logits(batch, 0);
      for (let i = 0; i < batch; ++i) {
        loss += crossEntropy(z[i], data.y[chunk[i]]);
        correct += Number(z[i] > 0) === data.y[chunk[i]] ? 1 : 0;
      }
    }
    return {loss: loss / all.length, accuracy: correct / all.length};
  }

  /** P(positive) for each of `rows` (default all) in inference mode. */
  probabilities(data: Dataset, rows?: ArrayLike<number>): Float32Array {
    const all = rows ?? Int32Array.from({length: data.x.length}, (_, i) => i);
    const out = new Float32Array(all.length);
    for (let start = 0; start < all.length; start += this.batchSize) {
      const chunk = Array.prototype.slice.call(all, start, Math.min(start + this.batchSize, all.length)) as number[];
      const batch = this.load(data, chunk);
      this.forward(batch, 0, 0);
      this.logits(batch, 0).forEach((z, i) => (out[start + i] = 1 / (1 + Math.exp(-z))));
    }
    return out;
  }

  /** The SimpleRNN's state after each step (h_1 … h_T) for one padded row of ids, in inference mode. */
  stepStates(ids: ArrayLike<number>): number[][] {
    const {steps: t, units: h} = this.shape;
    this.forward(this.load({x: [ids], y: new Float32Array(1)}, [0]), 0, 0);
    const states = this.view(this.rnn.states, t * h); // time-major, one row per step
    return Array.from({length: t}, (_, step) => Array.from(states.subarray(step * h, (step + 1) * h)));
  }

  /** A copy of weight i's gradient from the last `gradients` call (Keras weight order). */
  gradient(i: number): Float32Array {
    return this.view(this.slots[i].g, this.slots[i].size).slice();
  }

  get memoryBytes(): number {
    return this.arena.bytes;
  }

  /** Ids in time-major order (row t·B + b) and the batch size. */
  private load(data: Dataset, rows: ArrayLike<number>): number {
    const batch = rows.length;
    if (batch > this.batchSize)
      throw new RangeError(`batch of ${batch} rows, the trainer was made for ${this.batchSize}`);
    const {steps: t, vocab} = this.shape;
    const ids = this.arena.i32(this.buffers.ids, t * batch);
    for (let i = 0; i < batch; ++i) {
      const row = data.x[rows[i]];
      if (row?.length !== t)
        throw new RangeError(`row ${rows[i]} has ${row?.length} ids, the model reads ${t}: pad the sequences first`);
      for (let s = 0; s < t; ++s) {
        const id = row[s];
        // the kernels read the embedding table without bounds checks
        if (!(id >= 0 && id < vocab && Number.isInteger(id)))
          throw new RangeError(`row ${rows[i]}, position ${s}: id ${id} is outside the vocabulary [0, ${vocab})`);
        ids[s * batch + i] = id;
      }
    }
    return batch;
  }

  /** Draws the masks in the order the tfjs network does: input, recurrent, then the Dropout layer's. */
  private drawMasks(batch: number, rng: RandomState) {
    const {features: e, units: h, inputDropout, recurrentDropout, outputDropout} = this.shape;
    const b = this.buffers;
    const draw = (rate: number, offset: number, size: number) =>
      rate > 0 ? (drawDropoutMask(this.view(offset, size), rate, rng), offset) : 0;
    return {
      maskX: draw(inputDropout, b.maskX, batch * e),
      maskH: draw(recurrentDropout, b.maskH, batch * h),
      maskOut: draw(outputDropout, b.maskOut, batch * h)
    };
  }

  /** Embedding lookup (⊙ the input mask), then the SimpleRNN over all steps. */
  private forward(batch: number, maskX: number, maskH: number) {
    const {features: e, steps: t} = this.shape;
    this.call(this.k.gatherRows, this.slots[0].w, this.buffers.ids, t * batch, e, maskX, batch, this.rnn.x);
    this.calls += rnnLayerForward(this.k, this.rnn, this.shape, batch, maskH);
  }

  /** Logits of the Dense head on the last state (⊙ the Dropout layer's mask when training). */
  private logits(batch: number, maskOut: number): Float64Array {
    const h = this.shape.units;
    const last = this.view(lastStep(this.rnn.states, this.shape, batch), batch * h);
    const mask = maskOut ? this.view(maskOut, batch * h) : null;
    const w = this.view(this.slots[4].w, h);
    const bias = this.view(this.slots[5].w, 1)[0];
    const z = new Float64Array(batch);
    for (let i = 0; i < batch; ++i) {
      let s = bias;
      for (let j = 0; j < h; ++j) s += last[i * h + j] * (mask ? mask[i * h + j] : 1) * w[j];
      z[i] = s;
    }
    return z;
  }

  /** Loss and accuracy of the batch; the Dense head's gradients; ∂L/∂h_T into the last step of dz. */
  private head(batch: number, data: Dataset, rows: ArrayLike<number>, maskOut: number): [number, number] {
    const h = this.shape.units;
    const z = this.logits(batch, maskOut);
    const last = this.view(lastStep(this.rnn.states, this.shape, batch), batch * h);
    const mask = maskOut ? this.view(maskOut, batch * h) : null;
    const w = this.view(this.slots[4].w, h);
    const gw = this.view(this.slots[4].g, h).fill(0);
    const gb = this.view(this.slots[5].g, 1);
    const dh = this.view(lastStep(this.rnn.dz, this.shape, batch), batch * h);
    let loss = 0;
    let correct = 0;
    let biasGradient = 0;
    for (let i = 0; i < batch; ++i) {
      const y = data.y[rows[i]];
      loss += crossEntropy(z[i], y);
      correct += Number(z[i] > 0) === y ? 1 : 0;
      const dz = (1 / (1 + Math.exp(-z[i])) - y) / batch; // ∂ mean BCE / ∂z
      biasGradient += dz;
      for (let j = 0; j < h; ++j) {
        const m = mask ? mask[i * h + j] : 1;
        gw[j] += dz * last[i * h + j] * m;
        dh[i * h + j] = dz * w[j] * m;
      }
    }
    gb[0] = biasGradient;
    return [loss / batch, correct / batch];
  }

  private applyAdam() {
    const {learningRate, beta1, beta2, epsilon} = this.adam;
    const c1 = Math.fround(1 - this.accBeta1);
    const c2 = Math.fround(1 - this.accBeta2);
    for (const s of this.slots)
      this.call(
        this.k.adam,
        s.w,
        s.g,
        s.m,
        s.v,
        s.size,
        learningRate,
        beta1,
        beta2,
        1 - beta1,
        1 - beta2,
        epsilon,
        c1,
        c2
      );
    // tfjs keeps β^t in float32 variables, multiplied once per step
    this.accBeta1 = Math.fround(this.accBeta1 * Math.fround(beta1));
    this.accBeta2 = Math.fround(this.accBeta2 * Math.fround(beta2));
    this.step += 1;
  }

  private view(offset: number, n: number): Float32Array {
    return this.arena.f32(offset, n);
  }

  private call<A extends unknown[]>(kernel: (...args: A) => void, ...args: A) {
    this.calls += 1;
    kernel(...args);
  }
}

/** Keras's binary cross-entropy of one sigmoid output from its logit: max(z, 0) − z·y + log(1 + e^−|z|). */
function crossEntropy(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}
