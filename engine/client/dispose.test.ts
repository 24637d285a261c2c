import * as tf from "@tensorflow/tfjs";
import {describe, expect, it} from "vitest";
import {collectDisposables, disposeValue} from "./dispose.js";

describe("disposal of a run's resources", () => {
  it("frees tensors nested in arrays, plain objects and Maps, and models, but not typed arrays", () => {
    const before = tf.memory().numTensors;
    const model = tf.sequential({layers: [tf.layers.dense({units: 2, inputShape: [3]})]});
    const value = {
      a: tf.scalar(1),
      list: [tf.ones([2]), {deep: tf.zeros([3])}],
      map: new Map([["k", tf.scalar(2)]]),
      model,
      data: new Float32Array(4)
    };
    expect(tf.memory().numTensors).toBe(before + 4 + 2);
    expect(collectDisposables(value).size).toBe(5);
    expect(disposeValue(value)).toBe(5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("keeps what the run's inputs hold", () => {
    const shared = tf.scalar(3);
    const own = tf.scalar(4);
    disposeValue([shared, own], collectDisposables([{shared}]));
    expect(shared.isDisposed).toBe(false);
    expect(own.isDisposed).toBe(true);
    shared.dispose();
  });

  it("calls dispose() on any object that has one, once, and survives double disposal", () => {
    let calls = 0;
    const resource = {dispose: () => ++calls};
    const model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
    model.dispose();
    expect(disposeValue([resource, resource, model])).toBe(1);
    expect(calls).toBe(1);
  });

  it("leaves modules and functions alone", () => {
    expect(collectDisposables({tf, f: () => 1, n: 1, s: "x"}).size).toBe(0);
  });
});
