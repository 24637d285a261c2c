import * as tf from "@tensorflow/tfjs";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {maxAbsDiff} from "../../testing/max-abs-diff.js";
import {RandomState} from "../../random/mt19937.js";
import {baselineSpec, sentimentRnnSpec, simpleRnnSpec} from "../../models/builders.js";
import {Network} from "../../models/network.js";
import {disposeLayersModel, toLayersModel} from "../../io/layers-model.js";
import {nodeBackends, useBackend} from "../../testing/backends.js";
import {seedData} from "../../testing/seed-data.js";
import {batchTensors, range} from "../data.js";
import {evaluate, fit, predictProbabilities, trainBatch, type EpochUpdate} from "../fit.js";
import {sharedKernelsReady} from "./kernels.js";
import {binaryCrossentropyFromLogits} from "../losses.js";
import {FusedRnnTrainer, fusedShape} from "./fused-trainer.js";

const data = seedData();

beforeEach(() => useBackend("cpu"));
afterEach(() => expect(tf.memory().numTensors).toBe(0));

describe("FusedRnnTrainer", () => {
  it("only takes Embedding → SimpleRNN(tanh) → [Dropout] → Dense(1, sigmoid)", () => {
    expect(fusedShape(sentimentRnnSpec())).toEqual({
      vocab: 1000,
      features: 100,
      units: 128,
      steps: 20,
      inputDropout: 0.3,
      recurrentDropout: 0.3,
      outputDropout: 0.3
    });
    expect(fusedShape(sentimentRnnSpec({dropout: 0}))?.outputDropout).toBe(0);
    expect(fusedShape(baselineSpec())).toBeNull();
    expect(fusedShape(simpleRnnSpec())).toBeNull();
  });

  it("fit says clearly when the fused kernels cannot train a model or the choice is unknown", async () => {
    await useBackend("cpu");
    // The baseline with a sigmoid hidden layer: neither the fused kernels nor the baseline trainer cover it.
    const baseline = baselineSpec({embeddingDim: 4, denseUnits: 4});
    const spec = {...baseline, layers: baseline.layers.map((l, i) => (i === 2 ? {...l, activation: "sigmoid"} : l))};
    const network = Network.create(spec as typeof baseline, {seed: 1});
    await expect(fit(network, data.train, {epochs: 1, kernels: "fused"}).next()).rejects.toThrow(
      /do not cover baseline: only Embedding → SimpleRNN\(tanh\) → \[Dropout\] → Dense\(1, sigmoid\), or Embedding → GlobalAveragePooling1D/
    );
    await expect(fit(network, data.train, {epochs: 1, kernels: "gpu" as "auto"}).next()).rejects.toThrow(
      /kernels must be "auto", "fused" or "tfjs", got "gpu"/
    );
    network.dispose();
  });

  for (const backend of nodeBackends) {
    it(`computes the tfjs network's loss and every gradient (≤ 1e-5) with the same dropout masks — tfjs on ${backend}`, async () => {
      await useBackend(backend);
      const shapes = [
        sentimentRnnSpec(), // the seed: 1000×100, 128 units, T = 20, dropout .3/.3/.3
        sentimentRnnSpec({
          vocabSize: 50,
          embeddingDim: 7,
          hiddenSize: 13,
          maxLength: 5,
          dropout: 0.5,
          recurrentDropout: 0.2
        }), // every SIMD tail
        sentimentRnnSpec({vocabSize: 50, embeddingDim: 8, hiddenSize: 8, maxLength: 1, dropout: 0}) // one step, no dropout
      ];
      for (const spec of shapes) {
        const t = spec.inputShape[0];
        const cut = {
          x: data.train.x.map((row) =>
            Int32Array.from(row.slice(row.length - t), (id) => id % (spec.layers[0] as {inputDim: number}).inputDim)
          ),
          y: data.train.y
        };
        const network = Network.create(spec, {seed: 3});
        const rows = Int32Array.from([5, 0, 17, 300, 42, 8, 99], (r) => r);
        const expected = tf.tidy(() => {
          const {xs, ys} = batchTensors(cut, rows);
          const rng = new RandomState(11);
          const {value, grads} = tf.variableGrads(
            () => binaryCrossentropyFromLogits(ys, network.apply(xs, {training: true, rng, logits: true})),
            network.variables
          );
          return {
            loss: value.dataSync()[0],
            gradients: network.variables.map((v) => grads[v.name].dataSync() as Float32Array)
          };
        });
        const trainer = (await FusedRnnTrainer.create(network, {batchSize: 32, learningRate: 1e-3}))!;
        const [loss] = trainer.gradients(cut, rows, new RandomState(11));
        expect(Math.abs(loss - expected.loss), spec.name).toBeLessThan(1e-5);
        expected.gradients.forEach((g, i) => {
          expect(maxAbsDiff(trainer.gradient(i), g), `${network.toData().weights[i].name} (T=${t})`).toBeLessThan(1e-5);
        });
        expect(Math.max(...expected.gradients[2].map(Math.abs)), "the test exercises the recurrence").toBeGreaterThan(
          t > 1 ? 1e-4 : -1
        );
        network.dispose();
      }
    });
  }

  it("matches the stock tfjs layers model on the same weights: forward outputs and every gradient (≤ 1e-4, cpu)", async () => {
    // Stock tfjs can only take the Embedding's gradient on cpu; without dropout the two see the same function.
    await useBackend("cpu");
    const spec = sentimentRnnSpec({hiddenSize: 32, embeddingDim: 20, dropout: 0});
    const network = Network.create(spec, {seed: 6});
    const model = toLayersModel(network);
    const rows = range(100, 116);
    const trainer = (await FusedRnnTrainer.create(network, {batchSize: 32, learningRate: 1e-3}))!;
    trainer.gradients(data.train, rows, new RandomState(0));
    const ours = network.variables.map((_, i) => trainer.gradient(i));
    const {stock, outputs} = tf.tidy(() => {
      const {xs, ys} = batchTensors(data.train, rows);
      const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const meanBce = () => {
        const p = (model.apply(xs, {training: true}) as tf.Tensor).reshape([-1]);
        return ys
          .mul(p.log())
          .add(ys.neg().add(1).mul(p.neg().add(1).log()))
          .mean()
          .neg() as tf.Scalar;
      };
      const {grads} = tf.variableGrads(meanBce, variables);
      return {
        stock: variables.map((v) => grads[v.name].dataSync() as Float32Array),
        outputs: (model.predict(xs) as tf.Tensor).dataSync() as Float32Array
      };
    });
    expect(maxAbsDiff(trainer.probabilities(data.train, rows), outputs)).toBeLessThanOrEqual(1e-4);
    expect(ours.length).toBe(stock.length);
    ours.forEach((g, i) => expect(maxAbsDiff(g, stock[i]), network.toData().weights[i].name).toBeLessThanOrEqual(1e-4));
    expect(Math.max(...ours[2].map(Math.abs)), "the recurrent kernel's gradient is exercised").toBeGreaterThan(1e-5);
    disposeLayersModel(model);
    network.dispose();
  });

  it("an Adam step moves the weights as tf.train.adam does (≤ 1e-6 after 5 steps), on the same masks and rows", async () => {
    await useBackend("cpu");
    const spec = sentimentRnnSpec({hiddenSize: 16, embeddingDim: 12});
    const a = Network.create(spec, {seed: 4});
    const b = Network.create(spec, {seed: 4});
    const optimizer = tf.train.adam(1e-2, 0.9, 0.999, 1e-7);
    const trainer = (await FusedRnnTrainer.create(b, {batchSize: 32, learningRate: 1e-2}))!;
    const [rngA, rngB] = [new RandomState(9), new RandomState(9)];
    for (let step = 0; step < 5; ++step) {
      const rows = range(step * 32, step * 32 + 32);
      const [lossA, accuracyA] = trainBatch(a, optimizer, data.train, rows, rngA);
      const [lossB, accuracyB] = trainer.trainBatch(data.train, rows, rngB);
      expect(Math.abs(lossA - lossB)).toBeLessThan(1e-5);
      expect(accuracyB).toBe(accuracyA);
    }
    const [wa, wb] = [a.toData().weights, trainer.toData().weights];
    wa.forEach((w, i) => expect(maxAbsDiff(w.values, wb[i].values), w.name).toBeLessThan(1e-6));
    expect(
      maxAbsDiff(wb[1].values, Network.create(spec, {seed: 4}).toData().weights[1].values),
      "the weights did move"
    ).toBeGreaterThan(1e-3);
    optimizer.dispose();
    tf.disposeVariables();
  });

  it("gives the tfjs network's hidden state at every step (≤ 1e-5), dropout off", async () => {
    await useBackend("wasm");
    const network = Network.create(sentimentRnnSpec({hiddenSize: 24, dropout: 0.5}), {seed: 4});
    const trainer = (await FusedRnnTrainer.create(network, {batchSize: 1, learningRate: 0}))!;
    for (const row of [data.test.x[0], data.test.x[7], new Int32Array(20)]) {
      const expected = tf.tidy(
        () =>
          network
            .hiddenStates(tf.tensor2d(row, [1, 20], "int32"))
            .squeeze([0])
            .arraySync() as number[][]
      );
      const states = trainer.stepStates(row);
      expect(states.length).toBe(20);
      states.forEach((state, t) => expect(maxAbsDiff(state, expected[t]), `step ${t}`).toBeLessThanOrEqual(1e-5));
    }
    network.dispose();
  });

  it("evaluates like fit's evaluate (inference mode, no dropout)", async () => {
    await useBackend("wasm");
    const network = Network.create(sentimentRnnSpec(), {seed: 2});
    const trainer = (await FusedRnnTrainer.create(network, {batchSize: 32, learningRate: 1e-3}))!;
    const expected = evaluate(network, data.test, {kernels: "tfjs"});
    const actual = trainer.evaluate(data.test);
    expect(Math.abs(actual.loss - expected.loss)).toBeLessThan(1e-5);
    expect(actual.accuracy).toBe(expected.accuracy);
    await sharedKernelsReady;
    const viaEvaluate = evaluate(network, data.test);
    expect(viaEvaluate.loss, "evaluate takes the fused kernels once they have loaded").toBe(actual.loss);
    const probabilities = predictProbabilities(network, data.test.x.slice(0, 40));
    const tfjsProbabilities = predictProbabilities(network, data.test.x.slice(0, 40), {kernels: "tfjs"});
    expect(maxAbsDiff(probabilities, tfjsProbabilities)).toBeLessThan(1e-6);
    expect(() => predictProbabilities(network, [Int32Array.from({length: 20}, () => 1000)])).toThrow(
      /outside the vocabulary \[0, 1000\)/
    );
    expect(() => predictProbabilities(network, [Int32Array.from({length: 19}, () => 1)])).toThrow(/pad the sequences/);
    network.dispose();
  });

  it("fit trains the seed model on the fused kernels to the same history as on tfjs (2 epochs, ≤ 1e-3), ≥ 0.95 in 10", async () => {
    await useBackend("wasm");
    const run = async (kernels: "fused" | "tfjs", epochs: number) => {
      const network = Network.create(sentimentRnnSpec(), {seed: 42});
      const updates: EpochUpdate[] = [];
      for await (const update of fit(network, data.train, {epochs, validationSplit: 0.2, seed: 42, kernels}))
        updates.push(update);
      const test = evaluate(network, data.test);
      network.dispose();
      return {updates, test};
    };
    const [fused, stock] = [await run("fused", 2), await run("tfjs", 2)];
    expect(fused.updates[0].trainer).toBe("fused");
    expect(stock.updates[0].trainer).toBe("tfjs");
    for (const key of ["loss", "accuracy", "val_loss", "val_accuracy"] as const) {
      expect(maxAbsDiff(fused.updates[1].history[key], stock.updates[1].history[key]), key).toBeLessThan(1e-3);
    }
    const long = await run("fused", 10);
    expect(long.updates[9].logs.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(long.test.accuracy, "the weights written back to the network are the trained ones").toBeGreaterThanOrEqual(
      0.9
    );
  }, 60_000);
});
