import * as tf from "@tensorflow/tfjs";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {baselineSpec, sentimentRnnSpec} from "../../models/builders.js";
import {Network} from "../../models/network.js";
import {RandomState} from "../../random/mt19937.js";
import {maxAbsDiff} from "../../testing/max-abs-diff.js";
import {useBackend} from "../../testing/backends.js";
import {seedData} from "../../testing/seed-data.js";
import {range} from "../data.js";
import {evaluate, predictProbabilities, trainBatch} from "../fit.js";
import {BaselineTrainer, baselineShape} from "./baseline-trainer.js";

const data = seedData();

beforeEach(() => useBackend("cpu"));
afterEach(() => expect(tf.memory().numTensors).toBe(0));

describe("BaselineTrainer", () => {
  it("takes Embedding → GlobalAveragePooling1D → Dense → [Dropout] → Dense(1, sigmoid), nothing else", () => {
    expect(baselineShape(baselineSpec())).toEqual({
      vocab: 1000,
      features: 100,
      steps: 20,
      units: 64,
      activation: "relu",
      dropout: 0.3
    });
    expect(baselineShape(baselineSpec({dropout: 0}))?.dropout).toBe(0);
    expect(baselineShape(sentimentRnnSpec())).toBeNull();
    expect(BaselineTrainer.create({spec: sentimentRnnSpec(), weights: []}, {learningRate: 1e-3})).toBeNull();
  });

  for (const spec of [baselineSpec(), baselineSpec({vocabSize: 1000, embeddingDim: 7, denseUnits: 5, dropout: 0.5})]) {
    it(`trains as the tfjs network with tf.train.adam: losses and weights after 20 steps — ${spec.layers[0].type === "Embedding" ? spec.layers[0].outputDim : 0}-wide embedding`, async () => {
      const network = Network.create(spec, {seed: 5});
      const initial = network.toData();
      const trainer = BaselineTrainer.create(initial, {learningRate: 1e-2})!;
      const optimizer = tf.train.adam(1e-2, 0.9, 0.999, 1e-7);
      const ours = new RandomState(9);
      const theirs = new RandomState(9);
      for (let step = 0; step < 20; ++step) {
        const rows = Int32Array.from(range(step * 32, step * 32 + 32), (row) => row % data.train.x.length);
        const [loss, accuracy] = trainer.trainBatch(data.train, rows, ours);
        const [expectedLoss, expectedAccuracy] = trainBatch(network, optimizer, data.train, rows, theirs);
        expect(Math.abs(loss - expectedLoss), `loss at step ${step}`).toBeLessThan(1e-5);
        expect(accuracy).toBe(expectedAccuracy);
      }
      const expected = network.toData().weights;
      trainer.toData().weights.forEach((w, i) => {
        expect(maxAbsDiff(w.values, expected[i].values), w.name).toBeLessThan(1e-5);
        expect(maxAbsDiff(w.values, initial.weights[i].values), `${w.name} moved`).toBeGreaterThan(1e-3);
      });
      const test = range(0, data.test.x.length);
      const ourEvaluation = trainer.evaluate(data.test, test);
      const tfjsEvaluation = evaluate(network, data.test, {rows: test, kernels: "tfjs"});
      expect(Math.abs(ourEvaluation.loss - tfjsEvaluation.loss)).toBeLessThan(1e-5);
      expect(ourEvaluation.accuracy).toBe(tfjsEvaluation.accuracy);
      // evaluate and predictProbabilities take this path for a baseline network by default
      const byDefault = evaluate(network, data.test, {rows: test});
      expect(Math.abs(byDefault.loss - tfjsEvaluation.loss)).toBeLessThan(1e-5);
      expect(byDefault.accuracy).toBe(tfjsEvaluation.accuracy);
      const phrases = data.test.x.slice(0, 9);
      expect(
        maxAbsDiff(predictProbabilities(network, phrases), predictProbabilities(network, phrases, {kernels: "tfjs"}))
      ).toBeLessThan(1e-6);
      optimizer.dispose();
      network.dispose();
    });
  }
});
