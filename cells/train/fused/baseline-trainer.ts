import {drawDropoutMask} from "../../models/dropout.js";
import type {ModelSpec} from "../../models/spec.js";
import {networkData, type NetworkData} from "../../models/weights.js";
import type {RandomState} from "../../random/mt19937.js";
import type {Dataset} from "../dataset.js";
import {sourceValues, type AdamSettings, type WeightSource} from "./fused-trainer.js";

/*
 * The §7 baseline's training step in plain JavaScript: Embedding → GlobalAveragePooling1D → Dense → [Dropout] →
 * Dense(1, sigmoid), forward, backward and Adam by hand. The model is small (a mean of embeddings and two dense
 * layers): a step costs microseconds here, where tfjs spends its time on dozens of small ops, and a worker that
 * trains it loads no tfjs. The same arithmetic as the tfjs network (network.ts) and tfjs's Adam, in float32
 * storage; the same dropout masks, drawn in the same order from the same generator.
 */

export interface BaselineShape {
  vocab: number;
  features: number;
  steps: number;
  units: number;
  activation: "relu" | "linear" | "tanh";
  dropout: number;
}

const ACTIVATIONS = ["relu", "linear", "tanh"] as const;

/** The sizes of a model this trainer covers, else null. */
export function baselineShape(spec: ModelSpec): BaselineShape | null {
  const [embedding, pooling, hidden, ...rest] = spec.layers;
  const dropout = rest.length === 2 && rest[0].type === "Dropout" ? rest[0] : null;
  const head = rest[rest.length - 1];
  if (embedding?.type !== "Embedding" || pooling?.type !== "GlobalAveragePooling1D" || hidden?.type !== "Dense")
    return null;
  const activation = ACTIVATIONS.find((name) => name === hidden.activation);
  if (!activation || rest.length !== (dropout ? 2 : 1)) return null;
  if (head?.type !== "Dense" || head.units !== 1 || head.activation !== "sigmoid") return null;
  return {
    vocab: embedding.inputDim,
    features: embedding.outputDim,
    steps: spec.inputShape[0],
    units: hidden.units,
    activation,
    dropout: dropout?.rate ?? 0
  };
}

/** A weight's gradient and Adam's moments, made by the first training step (inference needs none). */
interface Moments {
  g: Float32Array;
  m: Float32Array;
  v: Float32Array;
}

export class BaselineTrainer {
  /** The weights, in Keras order: embeddings, hidden kernel and bias, output kernel and bias. */
  private readonly weights: Float32Array[];
  private moments: Moments[] | null = null;
  private readonly adam: Required<AdamSettings>;
  private accBeta1: number;
  private accBeta2: number;

  private constructor(
    private readonly spec: ModelSpec,
    private readonly shape: BaselineShape,
    source: WeightSource,
    adam: AdamSettings
  ) {
    this.weights = sourceValues(source).map((values) => Float32Array.from(values));
    this.adam = {beta1: 0.9, beta2: 0.999, epsilon: 1e-7, ...adam};
    this.accBeta1 = Math.fround(this.adam.beta1);
    this.accBeta2 = Math.fround(this.adam.beta2);
  }

  /** A trainer holding its own copy of `model`'s weights (Adam starts afresh), or null for a model it does not cover. */
  static create(model: WeightSource, adam: AdamSettings): BaselineTrainer | null {
    const shape = baselineShape(model.spec);
    return shape ? new BaselineTrainer(model.spec, shape, model, adam) : null;
  }

  /** A copy of the current weights, in Keras order (plain arrays: they may be transferred). */
  weightValues(): Float32Array[] {
    return this.weights.map((w) => w.slice());
  }

  /** The current weights with their Keras names and shapes. */
  toData(): NetworkData {
    return networkData(this.spec, this.weightValues());
  }

  /** One Adam step on the rows `rows`: the batch's loss and accuracy (before the step). */
  trainBatch(data: Dataset, rows: ArrayLike<number>, rng: RandomState): [number, number] {
    const {units, dropout} = this.shape;
    const mask = dropout > 0 ? drawDropoutMask(new Float32Array(rows.length * units), dropout, rng) : null;
    const pass = this.forward(data, rows, mask);
    this.backward(data, rows, pass, mask);
    this.applyAdam();
    return [pass.loss, pass.accuracy];
  }

  /** Mean loss and accuracy over `rows`, in inference mode (no dropout). */
  evaluate(data: Dataset, rows: ArrayLike<number>): {loss: number; accuracy: number} {
    const {loss, accuracy} = this.forward(data, rows, null);
    return {loss, accuracy};
  }

  /** Probabilities of the positive class for `rows` (default: all), in inference mode. */
  probabilities(data: Dataset, rows?: ArrayLike<number>): Float32Array {
    const {logits} = this.forward(data, rows ?? Int32Array.from(data.x, (_, i) => i), null);
    return logits.map((z) => 1 / (1 + Math.exp(-z)));
  }

  private forward(data: Dataset, rows: ArrayLike<number>, mask: Float32Array | null) {
    const {features: e, steps, units: h, activation} = this.shape;
    const [embeddings, kernel, bias, outKernel, outBias] = this.weights;
    const batch = rows.length;
    const pooled = new Float32Array(batch * e);
    const hidden = new Float32Array(batch * h); // after the activation and dropout
    const preActivation = new Float32Array(batch * h);
    const logits = new Float32Array(batch);
    let loss = 0;
    let correct = 0;
    for (let b = 0; b < batch; ++b) {
      const ids = data.x[rows[b]];
      const p = pooled.subarray(b * e, (b + 1) * e);
      for (let t = 0; t < steps; ++t) {
        const row = ids[t] * e;
        for (let f = 0; f < e; ++f) p[f] += embeddings[row + f];
      }
      for (let f = 0; f < e; ++f) p[f] /= steps;
      const a = preActivation.subarray(b * h, (b + 1) * h);
      a.set(bias);
      for (let f = 0; f < e; ++f) {
        const pf = p[f];
        const row = f * h;
        for (let u = 0; u < h; ++u) a[u] += pf * kernel[row + u];
      }
      let z = outBias[0];
      for (let u = 0; u < h; ++u) {
        let out = activation === "relu" ? Math.max(a[u], 0) : activation === "tanh" ? Math.tanh(a[u]) : a[u];
        if (mask) out *= mask[b * h + u];
        hidden[b * h + u] = out;
        z += hidden[b * h + u] * outKernel[u];
      }
      logits[b] = z;
      const y = Number(data.y[rows[b]]);
      loss += Math.max(logits[b], 0) - logits[b] * y + Math.log1p(Math.exp(-Math.abs(logits[b])));
      if (Number(logits[b] > 0) === y) correct += 1;
    }
    return {pooled, hidden, preActivation, logits, loss: loss / batch, accuracy: correct / batch};
  }

  private backward(
    data: Dataset,
    rows: ArrayLike<number>,
    {pooled, hidden, preActivation, logits}: ReturnType<BaselineTrainer["forward"]>,
    mask: Float32Array | null
  ) {
    const {features: e, steps, units: h, activation} = this.shape;
    const [, kernel, , outKernel] = this.weights;
    this.moments ??= this.weights.map((w) => ({
      g: new Float32Array(w.length),
      m: new Float32Array(w.length),
      v: new Float32Array(w.length)
    }));
    const [gEmbeddings, gKernel, gBias, gOutKernel, gOutBias] = this.moments.map((moment) => moment.g);
    for (const {g} of this.moments) g.fill(0);
    const batch = rows.length;
    const dHidden = new Float32Array(h);
    const dPooled = new Float32Array(e);
    for (let b = 0; b < batch; ++b) {
      const y = Number(data.y[rows[b]]);
      const dz = (1 / (1 + Math.exp(-logits[b])) - y) / batch;
      gOutBias[0] += dz;
      for (let u = 0; u < h; ++u) {
        gOutKernel[u] += hidden[b * h + u] * dz;
        const a = preActivation[b * h + u];
        const slope = activation === "relu" ? (a > 0 ? 1 : 0) : activation === "tanh" ? 1 - Math.tanh(a) ** 2 : 1;
        dHidden[u] = outKernel[u] * dz * (mask ? mask[b * h + u] : 1) * slope;
        gBias[u] += dHidden[u];
      }
      for (let f = 0; f < e; ++f) {
        const p = pooled[b * e + f];
        let d = 0;
        for (let u = 0; u < h; ++u) {
          gKernel[f * h + u] += p * dHidden[u];
          d += kernel[f * h + u] * dHidden[u];
        }
        dPooled[f] = d / steps;
      }
      const ids = data.x[rows[b]];
      for (let t = 0; t < steps; ++t) {
        const row = ids[t] * e;
        for (let f = 0; f < e; ++f) gEmbeddings[row + f] += dPooled[f];
      }
    }
  }

  /** tfjs's Adam: the moments, then w −= lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε), with βᵗ kept in float32. */
  private applyAdam() {
    const {learningRate, beta1, beta2, epsilon} = this.adam;
    const c1 = Math.fround(1 - this.accBeta1);
    const c2 = Math.fround(1 - this.accBeta2);
    const [oneMinusBeta1, oneMinusBeta2, rate] = [1 - beta1, 1 - beta2, learningRate / c1];
    this.moments!.forEach(({g, m, v}, slot) => {
      const w = this.weights[slot];
      for (let i = 0; i < w.length; ++i) {
        const gi = g[i];
        m[i] = beta1 * m[i] + oneMinusBeta1 * gi;
        v[i] = beta2 * v[i] + oneMinusBeta2 * gi * gi;
        w[i] -= (rate * m[i]) / (Math.sqrt(v[i] / c2) + epsilon);
      }
    });
    this.accBeta1 = Math.fround(this.accBeta1 * Math.fround(beta1));
    this.accBeta2 = Math.fround(this.accBeta2 * Math.fround(beta2));
  }
}
