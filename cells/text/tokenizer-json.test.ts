import {describe, expect, it} from "vitest";
import {Tokenizer} from "./tokenizer.js";
import {TokenizerJSONError} from "./tokenizer-json.js";

const fitted = () =>
  new Tokenizer({numWords: 50, oovToken: "<OOV>"}).fitOnTexts(["Le chat dort.", "Le chien court, le chat aussi"]);

/** Keras's JSON with one config field replaced (dict fields as Keras writes them: a JSON string). */
function withConfig(change: Record<string, unknown>, {asString = true} = {}): string {
  const document = JSON.parse(fitted().toJSON());
  for (const [key, value] of Object.entries(change)) {
    document.config[key] = asString && typeof value === "object" && value !== null ? JSON.stringify(value) : value;
  }
  return JSON.stringify(document);
}

function refusal(json: string): TokenizerJSONError {
  try {
    Tokenizer.fromJSON(json);
  } catch (error) {
    expect(error).toBeInstanceOf(TokenizerJSONError);
    return error as TokenizerJSONError;
  }
  throw new Error("the tokenizer JSON was accepted");
}

describe("Tokenizer.fromJSON refuses what Keras would not have written", () => {
  it("reads its own and Keras's format back unchanged", () => {
    const original = fitted();
    const back = Tokenizer.fromJSON(original.toJSON());
    expect([...back.wordIndex]).toEqual([...original.wordIndex]);
    expect([...back.indexWord]).toEqual([...original.indexWord]);
    expect([...back.indexDocs]).toEqual([...original.indexDocs]);
    expect(back.numWords).toBe(50);
    expect(back.oovToken).toBe("<OOV>");
    expect(back.textsToSequences(["le chat zèbre"])).toEqual(original.textsToSequences(["le chat zèbre"]));
  });

  it("accepts dicts written as objects, and derives index_word when it is absent", () => {
    const document = JSON.parse(withConfig({word_index: {le: 1, chat: 2}}, {asString: false}));
    delete document.config.index_word;
    const back = Tokenizer.fromJSON(JSON.stringify(document));
    expect([...back.indexWord]).toEqual([
      [1, "le"],
      [2, "chat"]
    ]);
  });

  it("not JSON at all", () => {
    const error = refusal("{nope");
    expect(error.expected).toBe("json");
    expect(error.message).toMatch(/not valid JSON/);
  });

  it("no config object", () => {
    expect(refusal("[1, 2]")).toMatchObject({field: "config", expected: "object", actual: null});
    expect(refusal('{"config": "x"}')).toMatchObject({field: "config", expected: "object", actual: '"x"'});
  });

  it("word_index values that are negative, fractional, zero or strings", () => {
    expect(refusal(withConfig({word_index: {le: 1, chat: -2}}))).toMatchObject({
      field: 'word_index["chat"]',
      expected: "positive-integer",
      actual: "-2"
    });
    expect(refusal(withConfig({word_index: {le: 1.5}}))).toMatchObject({field: 'word_index["le"]', actual: "1.5"});
    expect(refusal(withConfig({word_index: {le: 0}}))).toMatchObject({field: 'word_index["le"]', actual: "0"});
    expect(refusal(withConfig({word_index: {le: "1"}}))).toMatchObject({field: 'word_index["le"]', actual: '"1"'});
  });

  it("a word_index that is an array, not JSON inside its string, or absent", () => {
    expect(refusal(withConfig({word_index: ["le", "chat"]}))).toMatchObject({field: "word_index", expected: "object"});
    expect(refusal(withConfig({word_index: "{le: 1"}))).toMatchObject({field: "word_index", expected: "object"});
    expect(refusal(withConfig({word_index: undefined}))).toMatchObject({field: "word_index", actual: null});
  });

  it("index_word with non-integer keys, non-string words, or words that do not match word_index", () => {
    expect(refusal(withConfig({index_word: {un: "le"}}))).toMatchObject({
      field: "index_word",
      expected: "positive-integer-key"
    });
    expect(refusal(withConfig({index_word: {"1": 7}}))).toMatchObject({field: 'index_word["1"]', expected: "string"});
    const swapped = Object.fromEntries(
      [...fitted().indexWord].map(([i, w]) => [i, w === "le" ? "chat" : w === "chat" ? "le" : w])
    );
    expect(refusal(withConfig({index_word: swapped}))).toMatchObject({expected: "inverse-of-word-index"});
  });

  it("word_counts, num_words and oov_token of the wrong types", () => {
    expect(refusal(withConfig({word_counts: {le: -1}}))).toMatchObject({
      field: 'word_counts["le"]',
      expected: "positive-integer"
    });
    expect(refusal(withConfig({num_words: -3}))).toMatchObject({
      field: "num_words",
      expected: "non-negative-integer-or-null"
    });
    expect(refusal(withConfig({num_words: "1000"}))).toMatchObject({field: "num_words", actual: '"1000"'});
    expect(refusal(withConfig({oov_token: 1}))).toMatchObject({field: "oov_token", expected: "string-or-null"});
    expect(refusal(withConfig({split: ""}))).toMatchObject({field: "split", expected: "non-empty-string"});
    expect(refusal(withConfig({lower: "yes"}))).toMatchObject({field: "lower", expected: "boolean"});
  });
});
