import {kindOf} from "../models/layer-kinds.js";
import {inputShapes, type Activation, type LayerSpec, type ModelSpec} from "../models/spec.js";
import {UploadError, type LayerExpectation} from "./upload-error.js";

/**
 * A saved model's topology (tfjs layers format, or a Keras model converted by tensorflowjs_converter) read as
 * the notebook's `ModelSpec`, without building anything: each layer must be one of the notebook's kinds and
 * each config field one the lean network honours, or an `UploadError` says which layer and field.
 */
export interface Topology {
  spec: ModelSpec;
  /** The saved name of each layer of `spec.layers`: the prefix of its weights in the manifest. */
  layerNames: string[];
}

type Json = Record<string, unknown>;

const ACTIVATIONS: readonly Activation[] = ["linear", "tanh", "relu", "sigmoid", "softmax"];

export function readTopology(modelJson: Json, file: string): Topology {
  let topology = modelJson.modelTopology;
  if (!isObject(topology)) throw new UploadError({kind: "not-model", file, field: "modelTopology"});
  if (isObject(topology.model_config)) topology = topology.model_config; // tensorflowjs_converter's wrapping
  const model = topology as Json;
  if (model.class_name !== "Sequential") {
    if (typeof model.class_name !== "string") {
      throw new UploadError({kind: "not-model", file, field: "modelTopology.class_name"});
    }
    throw new UploadError({kind: "not-sequential", file, className: model.class_name});
  }
  // Keras 2.0 wrote a Sequential's config as the bare list of its layers.
  const config = model.config;
  const savedLayers = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  if (!Array.isArray(savedLayers))
    throw new UploadError({kind: "not-model", file, field: "modelTopology.config.layers"});
  const name = isObject(config) && typeof config.name === "string" ? config.name : "sequential";

  const layers: LayerSpec[] = [];
  const layerNames: string[] = [];
  let batchShape: unknown;
  let batchShapeOf = "";
  savedLayers.forEach((saved, i) => {
    if (!isObject(saved) || typeof saved.class_name !== "string" || !isObject(saved.config)) {
      throw new UploadError({kind: "not-model", file, field: `modelTopology.config.layers[${i}]`});
    }
    const layerName = typeof saved.config.name === "string" ? saved.config.name : `${saved.class_name} ${i + 1}`;
    const fields = new Fields(saved.config, file, layerName);
    // The input shape: an InputLayer's, or the first layer's batch_input_shape (Keras 3: batch_shape).
    const declared = saved.config.batch_input_shape ?? saved.config.batch_shape;
    if (batchShape === undefined && layers.length === 0 && declared !== undefined && declared !== null) {
      batchShape = declared;
      batchShapeOf = layerName;
    }
    if (saved.class_name === "InputLayer") return;
    if (batchShape === undefined && layers.length === 0 && saved.class_name === "Embedding") {
      const length = saved.config.input_length;
      if (length !== undefined && length !== null) {
        batchShape = [null, ...(Array.isArray(length) ? length : [length])];
        batchShapeOf = layerName;
      }
    }
    layers.push(readLayer(saved.class_name, saved.config, fields, file, layerName));
    layerNames.push(layerName);
  });
  if (layers.length === 0) throw new UploadError({kind: "not-model", file, field: "modelTopology.config.layers"});

  const inputShape = readInputShape(batchShape, file, batchShapeOf || layerNames[0]);
  const spec: ModelSpec = {name, inputShape, layers};
  checkInputRanks(spec, layerNames, file);
  return {spec, layerNames};
}

function readLayer(className: string, config: Json, fields: Fields, file: string, layer: string): LayerSpec {
  switch (className) {
    case "Embedding":
      fields.absentOr("mask_zero", false); // the lean network does not mask padding; Keras would skip it
      return {
        type: "Embedding",
        inputDim: fields.positiveInteger("input_dim"),
        outputDim: fields.positiveInteger("output_dim")
      };
    case "SimpleRNN":
      fields.absentOr("use_bias", true);
      for (const flag of ["return_state", "go_backwards", "stateful"]) fields.absentOr(flag, false);
      return {
        type: "SimpleRNN",
        units: fields.positiveInteger("units"),
        returnSequences: fields.boolean("return_sequences", false),
        activation: fields.activation("activation", "tanh"),
        dropout: fields.rate("dropout"),
        recurrentDropout: fields.rate("recurrent_dropout")
      };
    case "Dense":
      fields.absentOr("use_bias", true);
      return {
        type: "Dense",
        units: fields.positiveInteger("units"),
        activation: fields.activation("activation", "linear")
      };
    case "TimeDistributed": {
      const inner = config.layer;
      if (!isObject(inner) || inner.class_name !== "Dense" || !isObject(inner.config)) {
        const innerName = isObject(inner) && typeof inner.class_name === "string" ? inner.class_name : "?";
        throw new UploadError({kind: "layer-kind", file, layer, className: `TimeDistributed(${innerName})`});
      }
      const dense = new Fields(inner.config, file, layer);
      dense.absentOr("use_bias", true);
      return {
        type: "TimeDistributed",
        units: dense.positiveInteger("units"),
        activation: dense.activation("activation", "linear")
      };
    }
    case "Dropout":
      return {type: "Dropout", rate: fields.rate("rate")};
    case "GlobalAveragePooling1D":
      if (config.data_format !== undefined && config.data_format !== null && config.data_format !== "channels_last") {
        throw fields.refusal("data_format", "channels-last");
      }
      return {type: "GlobalAveragePooling1D"};
    case "RepeatVector":
      return {type: "RepeatVector", n: fields.positiveInteger("n")};
    default:
      throw new UploadError({kind: "layer-kind", file, layer, className});
  }
}

function readInputShape(batchShape: unknown, file: string, layer: string): number[] {
  const dims = Array.isArray(batchShape) ? batchShape.slice(1) : [];
  if (dims.length === 0 || !dims.every(isPositiveInteger)) {
    throw new UploadError({
      kind: "layer-config",
      file,
      layer,
      field: "batch_input_shape",
      expected: "known-shape",
      actual: batchShape === undefined ? null : render(batchShape)
    });
  }
  return dims as number[];
}

/** Each layer gets the rank it computes on, so that the weight shapes derived from the spec mean something. */
function checkInputRanks(spec: ModelSpec, names: string[], file: string) {
  const inputs = inputShapes(spec);
  spec.layers.forEach((layer, i) => {
    const rank = kindOf(layer).inputRank;
    if (rank && inputs[i].length !== rank) {
      throw new UploadError({
        kind: "layer-config",
        file,
        layer: names[i],
        field: "input_shape",
        expected: rank === 1 ? "input-rank-1" : "input-rank-2",
        actual: render(inputs[i])
      });
    }
  });
}

/** Reads one layer's config fields, refusing a value of the wrong type with the layer and field named. */
class Fields {
  constructor(
    private readonly config: Json,
    private readonly file: string,
    private readonly layer: string
  ) {}

  refusal(field: string, expected: LayerExpectation): UploadError {
    const value = this.config[field];
    return new UploadError({
      kind: "layer-config",
      file: this.file,
      layer: this.layer,
      field,
      expected,
      actual: value === undefined ? null : render(value)
    });
  }

  positiveInteger(field: string): number {
    const value = this.config[field];
    if (!isPositiveInteger(value)) throw this.refusal(field, "positive-integer");
    return value;
  }

  rate(field: string): number {
    const value = this.config[field] ?? 0;
    if (typeof value !== "number" || !(value >= 0 && value < 1)) throw this.refusal(field, "rate");
    return value;
  }

  boolean(field: string, fallback: boolean): boolean {
    const value = this.config[field] ?? fallback;
    if (typeof value !== "boolean") throw this.refusal(field, "boolean");
    return value;
  }

  activation(field: string, fallback: Activation): Activation {
    const value = this.config[field] ?? fallback;
    if (!ACTIVATIONS.includes(value as Activation)) throw this.refusal(field, "activation");
    return value as Activation;
  }

  /** A feature the lean network does not have: the field must be absent (or null) or hold `value`. */
  absentOr(field: string, value: boolean) {
    const found = this.config[field];
    if (found !== undefined && found !== null && found !== value) throw this.refusal(field, value ? "true" : "false");
  }
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isPositiveInteger = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 1;

function render(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
