import {describe, expect, it} from "vitest";
import {Tokenizer, textToWordSequence} from "./tokenizer.js";

// Expected values derived by hand from keras_preprocessing/text.py (1.1.2, = tf.keras 2.15's text.py).
describe("Tokenizer (Keras semantics)", () => {
  it("lower-cases, filters punctuation but keeps apostrophes, splits on the literal split string", () => {
    expect(textToWordSequence("J'ai adoré ce livre, une histoire!\tFin")).toEqual([
      "j'ai",
      "adoré",
      "ce",
      "livre",
      "une",
      "histoire",
      "fin"
    ]);
    // Only the split string separates: a non-breaking space stays inside the token.
    expect(textToWordSequence("a\u00a0b  c")).toEqual(["a\u00a0b", "c"]);
  });

  it("replaces each character of custom filters, whatever it means in a pattern, astral ones whole", () => {
    // str.translate replaces code points: "😀" goes whole, and a filter's "]", "^", "-", "\\" are characters.
    expect(textToWordSequence("a]b^c-d\\e😀f.g", "]^-\\😀")).toEqual(["a", "b", "c", "d", "e", "f.g"]);
    expect(textToWordSequence("x_y|z", "_", true, "|")).toEqual(["x", "y", "z"]);
  });

  it("indexes words by count, descending, ties in first-seen order, from 1", () => {
    const t = new Tokenizer().fitOnTexts(["The cat sat.", "The dog, the cat!"]);
    expect([...t.wordIndex]).toEqual([
      ["the", 1],
      ["cat", 2],
      ["sat", 3],
      ["dog", 4]
    ]);
    expect([...t.wordCounts]).toEqual([
      ["the", 3],
      ["cat", 2],
      ["sat", 1],
      ["dog", 1]
    ]);
    expect([...t.wordDocs]).toEqual([
      ["the", 2],
      ["cat", 2],
      ["sat", 1],
      ["dog", 1]
    ]);
    expect(t.documentCount).toBe(2);
    expect(t.indexWord.get(4)).toBe("dog");
  });

  it("keeps the whole index with numWords but drops indices ≥ numWords when converting", () => {
    const t = new Tokenizer({numWords: 3}).fitOnTexts(["The cat sat.", "The dog, the cat!"]);
    expect(t.wordIndex.size).toBe(4);
    expect(t.textsToSequences(["the dog sat cat zebra"])).toEqual([[1, 2]]);
    expect(t.sequencesToTexts([[1, 4, 2, 9]])).toEqual(["the cat"]);
  });

  it("puts the OOV token at index 1 and uses it for unknown and out-of-range words", () => {
    const t = new Tokenizer({numWords: 4, oovToken: "<OOV>"}).fitOnTexts(["The cat sat.", "The dog, the cat!"]);
    expect([...t.wordIndex]).toEqual([
      ["<OOV>", 1],
      ["the", 2],
      ["cat", 3],
      ["sat", 4],
      ["dog", 5]
    ]);
    expect(t.textsToSequences(["the dog zebra cat"])).toEqual([[2, 1, 1, 3]]);
    expect(t.sequencesToTexts([[2, 5, 3]])).toEqual(["the <OOV> cat"]);
  });

  it("supports character level", () => {
    const t = new Tokenizer({charLevel: true}).fitOnTexts(["abba"]);
    expect([...t.wordIndex]).toEqual([
      ["a", 1],
      ["b", 2]
    ]);
    expect(t.sequencesToTexts(t.textsToSequences(["ab"]))).toEqual(["ab"]);
  });

  it("writes Keras's tokenizer_to_json format byte for byte and reads it back", () => {
    const t = new Tokenizer().fitOnTexts(["Été été, ça"]);
    const expected =
      '{"class_name": "Tokenizer", "config": {"num_words": null, "filters": "!\\"#$%&()*+,-./:;<=>?@[\\\\]^_`{|}~\\t\\n", ' +
      '"lower": true, "split": " ", "char_level": false, "oov_token": null, "document_count": 1, ' +
      '"word_counts": "{\\"\\\\u00e9t\\\\u00e9\\": 2, \\"\\\\u00e7a\\": 1}", ' +
      '"word_docs": "{\\"\\\\u00e9t\\\\u00e9\\": 1, \\"\\\\u00e7a\\": 1}", ' +
      '"index_docs": "{\\"1\\": 1, \\"2\\": 1}", ' +
      '"index_word": "{\\"1\\": \\"\\\\u00e9t\\\\u00e9\\", \\"2\\": \\"\\\\u00e7a\\"}", ' +
      '"word_index": "{\\"\\\\u00e9t\\\\u00e9\\": 1, \\"\\\\u00e7a\\": 2}"}}';
    expect(t.toJSON()).toBe(expected);
    const back = Tokenizer.fromJSON(expected);
    expect([...back.wordIndex]).toEqual([...t.wordIndex]);
    expect([...back.indexWord]).toEqual([...t.indexWord]);
    expect(back.textsToSequences(["ça été"])).toEqual([[2, 1]]);
  });

  it("names the bad argument", () => {
    expect(() => new Tokenizer({numWords: -1})).toThrow(/numWords/);
    expect(() => new Tokenizer().fitOnTexts(["ok", 3 as unknown as string])).toThrow(/texts\[1\] must be a string/);
    expect(() => new Tokenizer().textsToSequences("abc" as unknown as string[])).toThrow(TypeError);
    expect(() => Tokenizer.fromJSON("{nope")).toThrow(/not valid JSON/);
  });
});
