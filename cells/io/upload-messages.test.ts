import {describe, expect, it} from "vitest";
import {UploadError, type UploadErrorKind, type UploadFacts} from "./upload-error.js";
import {uploadLanguage} from "./upload-messages.js";

// One example of every kind (the type makes the list complete): each must read in both languages.
const examples: {[K in UploadErrorKind]: Extract<UploadFacts, {kind: K}>} = {
  "not-json": {kind: "not-json", file: "m.json", detail: "Unexpected token"},
  "not-model": {kind: "not-model", file: "m.json", field: "modelTopology"},
  "not-sequential": {kind: "not-sequential", file: "m.json", className: "Functional"},
  "model-json-count": {kind: "model-json-count", jsonFiles: [], chosen: ["w.bin"]},
  "layer-kind": {kind: "layer-kind", file: "m.json", layer: "lstm", className: "LSTM"},
  "layer-config": {
    kind: "layer-config",
    file: "m.json",
    layer: "rnn",
    field: "units",
    expected: "positive-integer",
    actual: "-4"
  },
  "weights-dtype": {kind: "weights-dtype", file: "m.json", weight: "dense/kernel", dtype: "uint8"},
  "missing-weight": {kind: "missing-weight", file: "m.json", layer: "rnn", weight: "kernel"},
  "unexpected-weight": {kind: "unexpected-weight", file: "m.json", weight: "stray/kernel"},
  shape: {kind: "shape", file: "m.json", weight: "embedding/embeddings", expected: [1000, 8], actual: [8, 1000]},
  "missing-weights": {kind: "missing-weights", file: "m.json", missing: ["w.bin"], chosen: ["m.json"]},
  "weights-length": {kind: "weights-length", file: "m.json", weightFiles: ["w.bin"], expected: 516764, actual: 100},
  "weights-values": {kind: "weights-values", file: "m.json", weight: "dense/bias", index: 3, value: NaN},
  "not-sentiment-model": {kind: "not-sentiment-model", file: "m.json", layers: ["Dense"], outputShape: [2]},
  tokenizer: {kind: "tokenizer", file: "t.json", field: "word_index", expected: "object", actual: "[1]"},
  vocabulary: {kind: "vocabulary", file: "m.json", tokenizerFile: "t.json", inputDim: 500, index: 999, word: "chat"}
};

describe("upload messages", () => {
  it("every kind reads in French and in English, and names its file", () => {
    for (const facts of Object.values(examples)) {
      const fr = new UploadError(facts, "fr");
      const en = fr.in("en");
      expect(en.kind).toBe(facts.kind);
      expect(en.facts).toBe(facts);
      expect(fr.message).not.toBe(en.message);
      const named = "file" in facts ? facts.file : facts.chosen[0];
      expect(fr.message).toContain(named);
      expect(en.message).toContain(named);
      expect(fr.message).not.toMatch(/undefined|\[object/);
    }
  });

  it("numbers in the reader's format; the page's lang chooses the language", () => {
    expect(new UploadError(examples["weights-length"], "fr").message).toContain("en annonce 516\u202f764");
    expect(new UploadError(examples["weights-length"], "en").message).toContain("describes 516,764");
    expect(uploadLanguage("fr-CA")).toBe("fr");
    expect(uploadLanguage("en")).toBe("en");
    expect(uploadLanguage(undefined)).toBe("en");
  });
});
