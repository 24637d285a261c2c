import {describe, expect, it} from "vitest";
import {padSequences} from "./pad-sequences.js";

// Cases from keras_preprocessing/tests/sequence_test.py (test_pad_sequences).
const rows = (padded: Int32Array[]) => padded.map((r) => [...r]);

describe("padSequences (Keras semantics)", () => {
  const a = [[1], [1, 2], [1, 2, 3]];
  it("pads and truncates at the start by default, with 0, as int32", () => {
    const padded = padSequences(a, {maxlen: 2});
    expect(rows(padded)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3]
    ]);
    expect(padded[0]).toBeInstanceOf(Int32Array);
  });
  it("supports post padding, post truncating and a pad value", () => {
    expect(rows(padSequences(a, {maxlen: 2, padding: "post"}))).toEqual([
      [1, 0],
      [1, 2],
      [2, 3]
    ]);
    expect(rows(padSequences(a, {maxlen: 2, truncating: "post"}))).toEqual([
      [0, 1],
      [1, 2],
      [1, 2]
    ]);
    expect(rows(padSequences(a, {maxlen: 2, value: 1}))).toEqual([
      [1, 1],
      [1, 2],
      [2, 3]
    ]);
  });
  it("defaults maxlen to the longest sequence and keeps empty sequences as padding", () => {
    expect(rows(padSequences([[5], [], [1, 2, 3]]))).toEqual([
      [0, 0, 5],
      [0, 0, 0],
      [1, 2, 3]
    ]);
  });
  it("names bad arguments", () => {
    expect(() => padSequences(a, {maxlen: -1})).toThrow(/maxlen/);
    expect(() => padSequences(a, {padding: "middle" as "pre"})).toThrow(/padding/);
    expect(() => padSequences([null as unknown as number[]])).toThrow(/sequences\[0\]/);
  });
});
