import * as tf from "@tensorflow/tfjs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {TEST_PHRASES} from "../data/sentiment.js";
import {predictSentiments} from "../inspect/sentiment.js";
import {useBackend} from "../testing/backends.js";
import {Tokenizer} from "../text/tokenizer.js";
import {savedPair} from "./saved-pair-fixture.js";
import {loadPairFromFiles} from "./sentiment-pair.js";
import {UploadError, type UploadErrorKind} from "./upload-error.js";

let pair: Awaited<ReturnType<typeof savedPair>>;
beforeAll(async () => {
  await useBackend("cpu");
  pair = await savedPair();
});
afterAll(() => pair.network.dispose());

/** The tokenizer's JSON with `word_index` (and its inverse) replaced, as Keras would write them. */
function tokenizerWith(
  wordIndex: unknown,
  {numWords = null as number | null, oovToken = null as string | null} = {}
): string {
  const json = JSON.parse(pair.tokenizerJson);
  json.config.word_index = JSON.stringify(wordIndex);
  json.config.num_words = numWords;
  json.config.oov_token = oovToken;
  delete json.config.index_word;
  return JSON.stringify(json);
}

async function refusal(files: ReturnType<typeof pair.files>, kind: UploadErrorKind, lang: "fr" | "en" = "fr") {
  const before = tf.memory().numTensors;
  const error = await loadPairFromFiles(files.model, files.tokenizer, {lang}).then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(UploadError);
  expect((error as UploadError).kind).toBe(kind);
  expect(tf.memory().numTensors).toBe(before);
  return error as UploadError;
}

describe("the essay's saved pair", () => {
  it("round-trips: the loaded pair predicts exactly what the saved one did", async () => {
    const before = tf.memory().numTensors;
    const files = pair.files();
    const loaded = await loadPairFromFiles(files.model, files.tokenizer, {lang: "fr"});
    expect(loaded.maxLength).toBe(pair.maxLength);
    expect(loaded.network.spec).toEqual(pair.network.spec);
    const scores = (p: typeof loaded) => predictSentiments([...TEST_PHRASES], p).map((x) => x.score);
    expect(scores(loaded)).toEqual(
      scores({network: pair.network, tokenizer: pair.tokenizer, maxLength: pair.maxLength})
    );
    loaded.network.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("a hostile model file is refused in the page's language, naming the file", async () => {
    const junk = await refusal(pair.files({model: "}{ not json"}), "not-json");
    expect(junk.message).toMatch(/^« model\.json » n'est pas un fichier JSON lisible/);
    const english = await refusal(pair.files({model: "}{ not json"}), "not-json", "en");
    expect(english.message).toMatch(/^"model\.json" is not valid JSON/);
    const truncated = await refusal(
      pair.files({bins: [["weights.bin", pair.weights.slice(0, 100)]]}),
      "weights-length"
    );
    expect(truncated.message).toContain("font 100 octets");
  });

  it("a tokenizer whose word_index holds negative, fractional or string indices, or is an array", async () => {
    const cases: [unknown, string][] = [
      [{bien: 1, mal: -2}, 'word_index["mal"]'],
      [{bien: 1, mal: 2.5}, 'word_index["mal"]'],
      [{bien: "1"}, 'word_index["bien"]'],
      [["bien", "mal"], "word_index"]
    ];
    for (const [wordIndex, field] of cases) {
      const error = await refusal(pair.files({tokenizerText: tokenizerWith(wordIndex)}), "tokenizer");
      expect(error.facts).toMatchObject({file: "tokenizer.json", field});
      expect(error.message).toMatch(/^Le tokenizer « tokenizer\.json » est invalide/);
    }
    await refusal(pair.files({tokenizerText: "pas du json"}), "not-json");
  });

  it("a model whose vocabulary is smaller than the indices the tokenizer produces", async () => {
    const error = await refusal(pair.files({tokenizerText: tokenizerWith({bien: 1, mal: 1000})}), "vocabulary");
    expect(error.facts).toMatchObject({inputDim: 1000, index: 1000, word: "mal"});
    expect(error.message).toContain("trop petit");
    // With num_words, indices ≥ num_words never reach the model (Keras drops them); the OOV index always does.
    const limited = pair.files({tokenizerText: tokenizerWith({bien: 1, mal: 5000}, {numWords: 1000})});
    const loaded = await loadPairFromFiles(limited.model, limited.tokenizer);
    loaded.network.dispose();
    const oov = pair.files({
      tokenizerText: tokenizerWith({bien: 1, "<OOV>": 5000}, {numWords: 1000, oovToken: "<OOV>"})
    });
    expect((await refusal(oov, "vocabulary")).facts).toMatchObject({index: 5000, word: "<OOV>"});
  });

  it("a valid model that is not a sentiment model (no Embedding first, or several outputs)", async () => {
    const twoOutputs = structuredClone(pair.modelJson);
    twoOutputs.modelTopology.config.layers[3].config.units = 2;
    const dense = twoOutputs.weightsManifest[0].weights;
    dense[4].shape = [8, 2];
    dense[5].shape = [2];
    const bins = pair.weights.slice(0, pair.weights.byteLength - 4 * (8 + 1));
    const longer = new Uint8Array(bins.byteLength + 4 * (16 + 2));
    longer.set(bins);
    const error = await refusal(
      pair.files({model: JSON.stringify(twoOutputs), bins: [["weights.bin", longer]]}),
      "not-sentiment-model"
    );
    expect(error.facts).toMatchObject({outputShape: [2]});
  });

  it("the tokenizer the essay saves reads back unchanged", () => {
    expect([...Tokenizer.fromJSON(pair.tokenizerJson).wordIndex]).toEqual([...pair.tokenizer.wordIndex]);
  });
});
