/**
 * Reading Keras's `tokenizer_to_json` format strictly: every field must have the type Keras writes, so that
 * a hand-edited or foreign file is refused with the field named instead of loading and giving nonsense.
 */

/** What a field should have held; a code rather than prose, so that callers can word it in any language. */
export type TokenizerExpectation =
  | "json"
  | "object"
  | "positive-integer"
  | "positive-integer-key"
  | "non-negative-integer"
  | "non-negative-integer-or-null"
  | "string"
  | "non-empty-string"
  | "string-or-null"
  | "boolean"
  | "inverse-of-word-index";

/** Each expectation in English (also the upload messages' English wording). */
export const englishExpectation: Record<TokenizerExpectation, string> = {
  json: "valid JSON",
  object: "a JSON object",
  "positive-integer": "a positive integer",
  "positive-integer-key": "positive integer keys",
  "non-negative-integer": "an integer ≥ 0",
  "non-negative-integer-or-null": "an integer ≥ 0 or null",
  string: "a string",
  "non-empty-string": "a non-empty string",
  "string-or-null": "a string or null",
  boolean: "true or false",
  "inverse-of-word-index": "the word that word_index gives this index"
};

/** A tokenizer JSON field that Keras would not have written: which field, what it should be, what it holds. */
export class TokenizerJSONError extends TypeError {
  /** `actual` is a short JSON rendering of the value found, or null when the field is absent. */
  constructor(
    readonly field: string,
    readonly expected: TokenizerExpectation,
    readonly actual: string | null
  ) {
    super(
      expected === "json"
        ? `tokenizer JSON is not valid JSON: ${actual}`
        : `tokenizer JSON: ${field} should be ${englishExpectation[expected]}, got ${actual ?? "nothing"}`
    );
    this.name = "TokenizerJSONError";
  }
}

export interface TokenizerData {
  numWords: number | null;
  filters?: string;
  lower?: boolean;
  split?: string;
  charLevel?: boolean;
  oovToken: string | null;
  documentCount: number;
  wordCounts: Map<string, number>;
  wordDocs: Map<string, number>;
  indexDocs: Map<number, number>;
  wordIndex: Map<string, number>;
  indexWord: Map<number, string>;
}

/** Parses and checks a tokenizer JSON; `word_index` is required, the other dicts default to empty. */
export function readTokenizerJSON(json: string): TokenizerData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new TokenizerJSONError("", "json", shorten((error as Error).message, 160));
  }
  const config = isObject(parsed) ? parsed.config : undefined;
  if (!isObject(config)) throw new TokenizerJSONError("config", "object", describe(config));

  const wordIndex = positiveIntegerValues(config, "word_index", {required: true});
  const indexWord = config.index_word === undefined ? inverse(wordIndex) : stringValuesByIndex(config, "index_word");
  for (const [word, index] of wordIndex) {
    if (indexWord.get(index) !== word) {
      throw new TokenizerJSONError(`index_word["${index}"]`, "inverse-of-word-index", describe(indexWord.get(index)));
    }
  }
  return {
    numWords: optional(config, "num_words", isNonNegativeIntegerOrNull, "non-negative-integer-or-null") ?? null,
    filters: optional(config, "filters", isString, "string"),
    lower: optional(config, "lower", isBoolean, "boolean"),
    split: optional(config, "split", (v) => isString(v) && v !== "", "non-empty-string"),
    charLevel: optional(config, "char_level", isBoolean, "boolean"),
    oovToken: optional(config, "oov_token", (v) => v === null || isString(v), "string-or-null") ?? null,
    documentCount: optional(config, "document_count", isNonNegativeInteger, "non-negative-integer") ?? 0,
    wordCounts: positiveIntegerValues(config, "word_counts"),
    wordDocs: positiveIntegerValues(config, "word_docs"),
    indexDocs: new Map(
      [...positiveIntegerValues(config, "index_docs")].map(([k, v]) => [indexKey("index_docs", k), v])
    ),
    wordIndex,
    indexWord
  };
}

function optional<T>(
  config: Record<string, unknown>,
  key: string,
  test: (v: unknown) => boolean,
  expected: TokenizerExpectation
): T | undefined {
  const value = config[key];
  if (value === undefined) return undefined;
  if (!test(value)) throw new TokenizerJSONError(key, expected, describe(value));
  return value as T;
}

/** Keras writes its dicts as JSON strings inside the config; an object in their place is accepted too. */
function dict(config: Record<string, unknown>, key: string, required: boolean): Record<string, unknown> {
  let value = config[key];
  if (value === undefined && !required) return {};
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw new TokenizerJSONError(key, "object", describe(config[key]));
    }
  }
  if (!isObject(value)) throw new TokenizerJSONError(key, "object", describe(value));
  return value;
}

function positiveIntegerValues(config: Record<string, unknown>, key: string, {required = false} = {}) {
  const entries = Object.entries(dict(config, key, required));
  for (const [k, v] of entries) {
    if (!isPositiveInteger(v)) throw new TokenizerJSONError(`${key}["${k}"]`, "positive-integer", describe(v));
  }
  return new Map(entries as [string, number][]);
}

function stringValuesByIndex(config: Record<string, unknown>, key: string): Map<number, string> {
  return new Map(
    Object.entries(dict(config, key, true)).map(([k, v]) => {
      if (!isString(v)) throw new TokenizerJSONError(`${key}["${k}"]`, "string", describe(v));
      return [indexKey(key, k), v];
    })
  );
}

function indexKey(key: string, k: string): number {
  const index = /^[1-9][0-9]*$/.test(k) ? Number(k) : NaN;
  if (!Number.isSafeInteger(index)) throw new TokenizerJSONError(key, "positive-integer-key", describe(k));
  return index;
}

function inverse(wordIndex: Map<string, number>): Map<number, string> {
  return new Map([...wordIndex].map(([word, index]) => [index, word]));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
const isPositiveInteger = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v >= 1;
const isNonNegativeInteger = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isNonNegativeIntegerOrNull = (v: unknown) => v === null || isNonNegativeInteger(v);

/** A short JSON rendering of a bad value for a message (null when there is none). */
function describe(value: unknown): string | null {
  if (value === undefined) return null;
  return shorten(JSON.stringify(value) ?? String(value), 60);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
