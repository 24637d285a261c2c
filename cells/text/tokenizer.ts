import {pythonJsonDumps} from "./python-json.js";
import {readTokenizerJSON} from "./tokenizer-json.js";

/**
 * Keras's text `Tokenizer` (keras_preprocessing/text.py, Keras 2.x; the same in tf.keras 2.15).
 * Lower-cases, replaces each filter character by `split`, splits on the literal `split` string, drops
 * empty tokens. Word index by count, descending, ties in first-seen order, from 1; the OOV token, if any,
 * is index 1. `numWords` keeps the full index but drops indices ≥ numWords when converting texts.
 */
export interface TokenizerOptions {
  numWords?: number | null;
  filters?: string;
  lower?: boolean;
  split?: string;
  charLevel?: boolean;
  oovToken?: string | null;
}

export const DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n';

export class Tokenizer {
  readonly numWords: number | null;
  readonly filters: string;
  readonly lower: boolean;
  readonly split: string;
  readonly charLevel: boolean;
  readonly oovToken: string | null;
  wordCounts = new Map<string, number>();
  wordDocs = new Map<string, number>();
  indexDocs = new Map<number, number>();
  wordIndex = new Map<string, number>();
  indexWord = new Map<number, string>();
  documentCount = 0;

  constructor({
    numWords = null,
    filters = DEFAULT_FILTERS,
    lower = true,
    split = " ",
    charLevel = false,
    oovToken = null
  }: TokenizerOptions = {}) {
    if (numWords !== null && (!Number.isInteger(numWords) || numWords < 0))
      throw new RangeError(`numWords must be a non-negative integer or null, got ${numWords}`);
    if (typeof filters !== "string") throw new TypeError(`filters must be a string, got ${typeof filters}`);
    if (typeof split !== "string" || split === "") throw new TypeError("split must be a non-empty string");
    if (oovToken !== null && typeof oovToken !== "string")
      throw new TypeError(`oovToken must be a string or null, got ${typeof oovToken}`);
    this.numWords = numWords;
    this.filters = filters;
    this.lower = lower;
    this.split = split;
    this.charLevel = charLevel;
    this.oovToken = oovToken;
  }

  /** The tokens of one text (`text_to_word_sequence`, or its characters at char level). */
  tokenize(text: string): string[] {
    if (this.charLevel) return [...(this.lower ? text.toLowerCase() : text)];
    return textToWordSequence(text, this.filters, this.lower, this.split);
  }

  fitOnTexts(texts: readonly string[]): this {
    checkTexts(texts, "texts");
    for (const text of texts) {
      this.documentCount += 1;
      const tokens = this.tokenize(text);
      for (const word of tokens) this.wordCounts.set(word, (this.wordCounts.get(word) ?? 0) + 1);
      for (const word of new Set(tokens)) this.wordDocs.set(word, (this.wordDocs.get(word) ?? 0) + 1);
    }
    // Array.prototype.sort is stable, like Python's sort: ties keep first-seen order.
    const sorted = [...this.wordCounts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
    const vocabulary = this.oovToken === null ? sorted : [this.oovToken, ...sorted];
    this.wordIndex = new Map();
    vocabulary.forEach((word, i) => this.wordIndex.set(word, i + 1)); // a later duplicate wins, as in dict(zip(...))
    this.indexWord = new Map([...this.wordIndex].map(([word, index]) => [index, word]));
    this.indexDocs = new Map([...this.wordDocs].map(([word, count]) => [this.wordIndex.get(word)!, count]));
    return this;
  }

  textsToSequences(texts: readonly string[]): number[][] {
    checkTexts(texts, "texts");
    const oovIndex = this.oovToken === null ? undefined : this.wordIndex.get(this.oovToken);
    return texts.map((text) => {
      const sequence: number[] = [];
      for (const word of this.tokenize(text)) {
        const index = this.wordIndex.get(word);
        if (index !== undefined) {
          if (this.numWords && index >= this.numWords) {
            if (oovIndex !== undefined) sequence.push(oovIndex);
          } else {
            sequence.push(index);
          }
        } else if (this.oovToken !== null && oovIndex !== undefined) {
          sequence.push(oovIndex);
        }
      }
      return sequence;
    });
  }

  sequencesToTexts(sequences: readonly (readonly number[] | ArrayLike<number>)[]): string[] {
    const oovIndex = this.oovToken === null ? undefined : this.wordIndex.get(this.oovToken);
    return sequences.map((sequence) => {
      const words: string[] = [];
      for (const index of Array.from(sequence)) {
        const word = this.indexWord.get(index);
        if (word !== undefined) {
          if (this.numWords && index >= this.numWords) {
            if (oovIndex !== undefined) words.push(this.indexWord.get(oovIndex)!);
          } else {
            words.push(word);
          }
        } else if (this.oovToken !== null && oovIndex !== undefined) {
          words.push(this.indexWord.get(oovIndex)!);
        }
      }
      return words.join(this.charLevel ? "" : " ");
    });
  }

  /** Keras `tokenizer.to_json()`: config values that are dicts are themselves JSON strings. */
  toJSON(): string {
    const mapObject = <K, V>(map: Map<K, V>) => new Map([...map].map(([k, v]) => [String(k), v]));
    return pythonJsonDumps({
      class_name: "Tokenizer",
      config: {
        num_words: this.numWords,
        filters: this.filters,
        lower: this.lower,
        split: this.split,
        char_level: this.charLevel,
        oov_token: this.oovToken,
        document_count: this.documentCount,
        word_counts: pythonJsonDumps(mapObject(this.wordCounts)),
        word_docs: pythonJsonDumps(mapObject(this.wordDocs)),
        index_docs: pythonJsonDumps(mapObject(this.indexDocs)),
        index_word: pythonJsonDumps(mapObject(this.indexWord)),
        word_index: pythonJsonDumps(mapObject(this.wordIndex))
      }
    });
  }

  /**
   * Keras `tokenizer_from_json`, strict: a field of the wrong type (a negative or fractional index, a
   * `word_index` that is an array…) throws a `TokenizerJSONError` naming it (see ./tokenizer-json.ts).
   */
  static fromJSON(json: string): Tokenizer {
    const data = readTokenizerJSON(json);
    const tokenizer = new Tokenizer({
      numWords: data.numWords,
      filters: data.filters ?? DEFAULT_FILTERS,
      lower: data.lower ?? true,
      split: data.split ?? " ",
      charLevel: data.charLevel ?? false,
      oovToken: data.oovToken
    });
    tokenizer.documentCount = data.documentCount;
    tokenizer.wordCounts = data.wordCounts;
    tokenizer.wordDocs = data.wordDocs;
    tokenizer.indexDocs = data.indexDocs;
    tokenizer.wordIndex = data.wordIndex;
    tokenizer.indexWord = data.indexWord;
    return tokenizer;
  }
}

export function textToWordSequence(text: string, filters = DEFAULT_FILTERS, lower = true, split = " "): string[] {
  let result = lower ? text.toLowerCase() : text;
  if (filters) result = result.replace(filterPattern(filters), split);
  return result.split(split).filter((token) => token.length > 0);
}

/** One character class per filter string, made once: the tokenizer is called for every text of a dataset. */
const filterPatterns = new Map<string, RegExp>();
function filterPattern(filters: string): RegExp {
  let pattern = filterPatterns.get(filters);
  if (!pattern) {
    // In a class with the `u` flag, only these need escaping (and only syntax characters may be escaped).
    const members = [...new Set(filters)].map((c) => ("\\]^-[".includes(c) ? `\\${c}` : c));
    pattern = new RegExp(`[${members.join("")}]`, "gu");
    filterPatterns.set(filters, pattern);
  }
  return pattern;
}

function checkTexts(texts: readonly unknown[], name: string) {
  if (!Array.isArray(texts)) throw new TypeError(`${name} must be an array of strings, got ${typeof texts}`);
  texts.forEach((text, i) => {
    if (typeof text !== "string")
      throw new TypeError(`${name}[${i}] must be a string, got ${text === null ? "null" : typeof text}`);
  });
}
