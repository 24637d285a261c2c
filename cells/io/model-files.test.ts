import * as tf from "@tensorflow/tfjs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {useBackend} from "../testing/backends.js";
import {readModelFiles, type NamedBlob} from "./model-files.js";
import {savedPair} from "./saved-pair-fixture.js";
import {UploadError, type UploadErrorKind} from "./upload-error.js";

let pair: Awaited<ReturnType<typeof savedPair>>;
beforeAll(async () => {
  await useBackend("cpu");
  pair = await savedPair();
});
afterAll(() => pair.network.dispose());

/** The saved model.json after `change` (a deep copy, so cases do not leak into each other). */
function modelJsonWith(change: (json: any) => void): string {
  const json = structuredClone(pair.modelJson);
  change(json);
  return JSON.stringify(json);
}

async function refusal(files: NamedBlob[], kind: UploadErrorKind): Promise<UploadError> {
  const before = tf.memory().numTensors;
  const error = await readModelFiles(files).then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(UploadError);
  expect((error as UploadError).kind).toBe(kind);
  expect(tf.memory().numTensors).toBe(before); // checking builds nothing
  return error as UploadError;
}

describe("a saved model picked as files is checked before anything is built", () => {
  it("the files the essay saves read back as the same spec and weights", async () => {
    const data = await readModelFiles(pair.files().model);
    const saved = pair.network.toData();
    expect(data.spec).toEqual(saved.spec);
    expect(data.weights.map((w) => w.shape)).toEqual(saved.weights.map((w) => w.shape));
    data.weights.forEach((w, i) => expect(w.values).toEqual(saved.weights[i].values));
  });

  it("a model.json that is not JSON, small or large, names the file", async () => {
    const junk = await refusal(pair.files({model: "<html>not a model</html>"}).model, "not-json");
    expect(junk.facts).toMatchObject({file: "model.json"});
    const large = "\u0000garbage ".repeat(1_000_000); // 9 MB
    await refusal(pair.files({model: large}).model, "not-json");
  });

  it("JSON that is not a layers model", async () => {
    expect((await refusal(pair.files({model: "[1, 2, 3]"}).model, "not-model")).facts).toMatchObject({
      field: "modelTopology"
    });
    expect((await refusal(pair.files({model: pair.tokenizerJson}).model, "not-model")).facts).toMatchObject({
      field: "modelTopology"
    });
    const noManifest = modelJsonWith((j) => delete j.weightsManifest);
    expect((await refusal(pair.files({model: noManifest}).model, "not-model")).facts).toMatchObject({
      field: "weightsManifest"
    });
  });

  it("no .json, or two of them, among the model's files", async () => {
    const [, bin] = pair.files().model;
    expect((await refusal([bin], "model-json-count")).facts).toMatchObject({jsonFiles: [], chosen: ["weights.bin"]});
    const {model, tokenizer} = pair.files();
    await refusal([...model, tokenizer], "model-json-count");
  });

  it("the .bin missing, or under another name than the manifest's", async () => {
    const [json] = pair.files().model;
    expect((await refusal([json], "missing-weights")).facts).toMatchObject({
      missing: ["weights.bin"],
      chosen: ["model.json"]
    });
    const renamed = pair.files({bins: [["weights (1).bin", pair.weights]]}).model;
    expect((await refusal(renamed, "missing-weights")).facts).toMatchObject({missing: ["weights.bin"]});
  });

  it("a .bin of the wrong length: truncated, too long, or empty", async () => {
    const expected = pair.weights.byteLength;
    const truncated = await refusal(
      pair.files({bins: [["weights.bin", pair.weights.slice(0, expected - 4)]]}).model,
      "weights-length"
    );
    expect(truncated.facts).toMatchObject({expected, actual: expected - 4, weightFiles: ["weights.bin"]});
    const longer = new Uint8Array(expected + 1);
    longer.set(pair.weights);
    await refusal(pair.files({bins: [["weights.bin", longer]]}).model, "weights-length");
    await refusal(pair.files({bins: [["weights.bin", new Uint8Array()]]}).model, "weights-length");
  });

  it("a .bin of the right length holding NaN", async () => {
    const corrupt = pair.weights.slice();
    new DataView(corrupt.buffer).setFloat32(40, NaN, true);
    const error = await refusal(pair.files({bins: [["weights.bin", corrupt]]}).model, "weights-values");
    expect(error.facts).toMatchObject({weight: "embedding_Embedding1/embeddings", index: 10});
  });

  it("weight shapes that do not match the layers (same byte count)", async () => {
    const swapped = modelJsonWith((j) => {
      j.weightsManifest[0].weights[0].shape = [8, 1000];
    });
    const error = await refusal(pair.files({model: swapped}).model, "shape");
    expect(error.facts).toMatchObject({
      weight: "embedding_Embedding1/embeddings",
      expected: [1000, 8],
      actual: [8, 1000]
    });
    // The topology's vocabulary changed, the manifest's not: the Embedding's weight no longer fits its layer.
    const smaller = modelJsonWith((j) => {
      j.modelTopology.config.layers[0].config.input_dim = 500;
    });
    expect((await refusal(pair.files({model: smaller}).model, "shape")).facts).toMatchObject({
      expected: [500, 8],
      actual: [1000, 8]
    });
  });

  it("a weight missing from the manifest, or one that no layer uses", async () => {
    const renamed = modelJsonWith((j) => {
      j.weightsManifest[0].weights[1].name = "elsewhere/kernel";
    });
    const error = await refusal(pair.files({model: renamed}).model, "missing-weight");
    expect(error.facts).toMatchObject({layer: "simple_rnn_SimpleRNN1", weight: "kernel"});
    const extra = modelJsonWith((j) => {
      j.weightsManifest[0].weights.push({name: "stray/kernel", shape: [0], dtype: "float32"});
    });
    expect((await refusal(pair.files({model: extra}).model, "unexpected-weight")).facts).toMatchObject({
      weight: "stray/kernel"
    });
  });

  it("quantized or non-float32 weights", async () => {
    const quantized = modelJsonWith((j) => {
      j.weightsManifest[0].weights[0].quantization = {dtype: "uint8", min: 0, scale: 1};
    });
    expect((await refusal(pair.files({model: quantized}).model, "weights-dtype")).facts).toMatchObject({
      dtype: "uint8"
    });
    const strings = modelJsonWith((j) => {
      j.weightsManifest[0].weights[0].dtype = "string";
    });
    await refusal(pair.files({model: strings}).model, "weights-dtype");
  });

  it("layers that are not the notebook's kinds, or configured beyond what the network does", async () => {
    const lstm = modelJsonWith((j) => {
      j.modelTopology.config.layers[1].class_name = "LSTM";
    });
    expect((await refusal(pair.files({model: lstm}).model, "layer-kind")).facts).toMatchObject({
      layer: "simple_rnn_SimpleRNN1",
      className: "LSTM"
    });
    const functional = modelJsonWith((j) => {
      j.modelTopology.class_name = "Functional";
    });
    await refusal(pair.files({model: functional}).model, "not-sequential");
    const cases: [(layers: any[]) => void, string][] = [
      [(l) => (l[0].config.mask_zero = true), "mask_zero"],
      [(l) => (l[1].config.units = -4), "units"],
      [(l) => (l[1].config.go_backwards = true), "go_backwards"],
      [(l) => (l[1].config.activation = "elu"), "activation"],
      [(l) => (l[2].config.rate = 1.5), "rate"],
      [(l) => (l[0].config.batch_input_shape = [null, null]), "batch_input_shape"]
    ];
    for (const [change, field] of cases) {
      const json = modelJsonWith((j) => change(j.modelTopology.config.layers));
      expect((await refusal(pair.files({model: json}).model, "layer-config")).facts).toMatchObject({field});
    }
  });

  it("reads a Keras model as tensorflowjs_converter writes it (model_config, InputLayer, cell-scoped names)", async () => {
    const keras = structuredClone(pair.modelJson);
    const layers = keras.modelTopology.config.layers;
    const kerasNames = ["embedding", "simple_rnn", "dropout", "dense"];
    layers.forEach((layer: any, i: number) => (layer.config.name = kerasNames[i]));
    delete layers[0].config.batch_input_shape;
    delete layers[0].config.input_length;
    layers.unshift({
      class_name: "InputLayer",
      config: {batch_input_shape: [null, 20], dtype: "float32", name: "input_1"}
    });
    keras.modelTopology = {keras_version: "2.15.0", backend: "tensorflow", model_config: keras.modelTopology};
    keras.weightsManifest[0].weights.forEach((w: any) => {
      w.name = w.name
        .replace("embedding_Embedding1", "embedding")
        .replace("simple_rnn_SimpleRNN1", "simple_rnn/simple_rnn_cell")
        .replace("dense_Dense1", "dense");
    });
    const data = await readModelFiles(pair.files({model: JSON.stringify(keras)}).model);
    expect(data.spec).toEqual(pair.network.spec);
    data.weights.forEach((w, i) => expect(w.values).toEqual(pair.network.toData().weights[i].values));
  });
});
