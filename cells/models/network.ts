import * as tf from "@tensorflow/tfjs";
import type {RandomState} from "../random/mt19937.js";
import {drawDropoutMask} from "./dropout.js";
import {embeddingLookup} from "./embedding.js";
import {simpleRnnLastState} from "./simple-rnn-bptt.js";
import type {Activation, LayerSpec, ModelSpec} from "./spec.js";
import {summary} from "./summary.js";
import {initialWeights, networkData, weightsByLayer, type NetworkData, type WeightData} from "./weights.js";

export {initialWeights, type NetworkData, type WeightData} from "./weights.js";

export interface ForwardOptions {
  /** Dropout is active only when training. */
  training?: boolean;
  /** Draws the dropout masks; required when training with dropout. */
  rng?: RandomState;
  /** Return the last layer's pre-activation (logits) instead of its activation. */
  logits?: boolean;
}

/**
 * The seed's models as a lean tfjs computation on tf.Variables in Keras's weight layout. A SimpleRNN
 * projects all timesteps' inputs in one matMul and loops only over `act(xW_t + h·U)`; dropout masks are
 * drawn once per batch and reused at every timestep, as Keras's SimpleRNNCell does.
 */
export class Network {
  readonly variables: tf.Variable[];
  private readonly perLayer: tf.Variable[][];

  private constructor(
    readonly spec: ModelSpec,
    weights: WeightData[]
  ) {
    const byLayer = weightsByLayer(spec);
    const expected = byLayer.flat();
    if (weights.length !== expected.length)
      throw new RangeError(`${spec.name} needs ${expected.length} weights, got ${weights.length}`);
    this.variables = weights.map((w, i) => {
      const {name, shape} = expected[i];
      if (w.shape.join() !== shape.join() || w.values.length !== shape.reduce((a, b) => a * b, 1)) {
        throw new RangeError(
          `weight ${name} should have shape [${shape}], got [${w.shape}] with ${w.values.length} values`
        );
      }
      const initial = tf.tensor(w.values, w.shape, "float32");
      const variable = tf.variable(initial, true);
      initial.dispose(); // the variable holds its own reference to the data
      return variable;
    });
    let next = 0;
    this.perLayer = byLayer.map((slots) => this.variables.slice(next, (next += slots.length)));
  }

  /** A fresh model with Keras's initialisers (see `initialWeights`). */
  static create(spec: ModelSpec, {seed}: {seed?: number} = {}): Network {
    return new Network(spec, initialWeights(spec, {seed}));
  }

  static fromData(data: NetworkData): Network {
    return new Network(data.spec, data.weights);
  }

  /**
   * Copies the current weights out as plain arrays the caller owns (they may be transferred to a worker):
   * on the cpu and webgl backends `dataSync` hands out the backend's own cached array.
   */
  toData(): NetworkData {
    // The variables' shapes are the spec's (the constructor checks them).
    return networkData(
      this.spec,
      this.variables.map((v) => (v.dataSync() as Float32Array).slice())
    );
  }

  countParams(): number {
    return summary(this.spec).totalParams;
  }

  /** The model's output (call inside tf.tidy). `x` is int ids [B, T] for Embedding models, floats otherwise. */
  apply(x: tf.Tensor, options: ForwardOptions = {}): tf.Tensor {
    let h = x;
    const last = this.spec.layers.length - 1;
    this.spec.layers.forEach((layer, i) => {
      h = this.applyLayer(layer, this.perLayer[i], h, options, options.logits && i === last);
    });
    return h;
  }

  /**
   * Every hidden state of the first SimpleRNN, [B, T, units], in inference mode: the §6 "state model"
   * that shares the trained Embedding and SimpleRNN weights.
   */
  hiddenStates(x: tf.Tensor): tf.Tensor3D {
    let h = x;
    for (const [i, layer] of this.spec.layers.entries()) {
      if (layer.type === "SimpleRNN")
        return simpleRnn(h as tf.Tensor3D, this.perLayer[i], {...layer, returnSequences: true}, {}) as tf.Tensor3D;
      h = this.applyLayer(layer, this.perLayer[i], h, {}, false);
    }
    throw new TypeError(`${this.spec.name} has no SimpleRNN layer`);
  }

  private applyLayer(
    layer: LayerSpec,
    w: tf.Variable[],
    h: tf.Tensor,
    options: ForwardOptions,
    rawOutput?: boolean
  ): tf.Tensor {
    switch (layer.type) {
      case "Embedding":
        return embeddingLookup(w[0] as tf.Tensor2D, h);
      case "SimpleRNN":
        return simpleRnn(h as tf.Tensor3D, w, layer, options);
      case "Dense":
      case "TimeDistributed":
        return dense(h, w, rawOutput ? "linear" : layer.activation);
      case "Dropout":
        return options.training && layer.rate > 0 ? h.mul(dropoutMask(h.shape, layer.rate, options.rng)) : h;
      case "GlobalAveragePooling1D":
        return h.mean(1);
      case "RepeatVector":
        return h.expandDims(1).tile([1, layer.n, 1]);
    }
  }

  dispose() {
    for (const v of this.variables) v.dispose();
  }
}

function simpleRnn(
  x: tf.Tensor3D,
  [kernel, recurrent, bias]: tf.Variable[],
  layer: Extract<LayerSpec, {type: "SimpleRNN"}>,
  {training, rng}: ForwardOptions
): tf.Tensor {
  const [batch, steps, features] = x.shape;
  const units = layer.units;
  let input: tf.Tensor = x;
  if (training && layer.dropout > 0) input = x.mul(dropoutMask([batch, 1, features], layer.dropout, rng));
  const recurrentMask =
    training && layer.recurrentDropout > 0 ? dropoutMask([batch, units], layer.recurrentDropout, rng) : null;
  if (!layer.returnSequences && layer.activation === "tanh" && !autodiffRnn) {
    return simpleRnnLastState(
      input as tf.Tensor3D,
      kernel as tf.Tensor2D,
      recurrent as tf.Tensor2D,
      bias as tf.Tensor1D,
      recurrentMask
    );
  }
  const projected = input
    .reshape([batch * steps, features])
    .matMul(kernel as tf.Tensor2D)
    .add(bias)
    .reshape([batch, steps, units]);
  // tfjs 4.22's gradient of a one-element unstack throws; a reshape is the same thing.
  const perStep = steps === 1 ? [projected.reshape([batch, units])] : tf.unstack(projected, 1);
  let h = activate(perStep[0], layer.activation); // h₀ = 0, so h₀·U vanishes
  const states = [h];
  for (let t = 1; t < steps; ++t) {
    const previous = recurrentMask ? h.mul(recurrentMask) : h;
    h = activate(perStep[t].add(previous.matMul(recurrent as tf.Tensor2D)), layer.activation);
    states.push(h);
  }
  return layer.returnSequences ? tf.stack(states, 1) : h;
}

/** Tests compare the hand-written BPTT with tfjs's autodiff of the same loop. */
let autodiffRnn = false;
export function useAutodiffRnn(enabled: boolean) {
  autodiffRnn = enabled;
}

function dense(h: tf.Tensor, [kernel, bias]: tf.Variable[], activation: Activation): tf.Tensor {
  const shape = h.shape as number[];
  const flat = shape.length === 2 ? h : h.reshape([-1, shape[shape.length - 1]]);
  const out = activate(flat.matMul(kernel as tf.Tensor2D).add(bias), activation);
  return shape.length === 2 ? out : out.reshape([...shape.slice(0, -1), kernel.shape[1] as number]);
}

function activate(x: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation) {
    case "linear":
      return x;
    case "tanh":
      return x.tanh();
    case "relu":
      return x.relu();
    case "sigmoid":
      return x.sigmoid();
    case "softmax":
      return x.softmax();
  }
}

/** Keras dropout, drawn from the seeded generator (see drawDropoutMask). */
function dropoutMask(shape: number[], rate: number, rng?: RandomState): tf.Tensor {
  if (!rng) throw new TypeError("training with dropout needs an rng");
  return tf.tensor(drawDropoutMask(new Float32Array(shape.reduce((a, b) => a * b, 1)), rate, rng), shape);
}
