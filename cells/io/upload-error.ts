import type {TokenizerExpectation} from "../text/tokenizer-json.js";
import {uploadMessage, type UploadLanguage} from "./upload-messages.js";

/** What a layer's config field should have held (worded per language in ./upload-messages.ts). */
export type LayerExpectation =
  | "positive-integer"
  | "rate"
  | "activation"
  | "boolean"
  | "true"
  | "false"
  | "string"
  | "channels-last"
  | "known-shape"
  | "input-rank-1"
  | "input-rank-2";

/**
 * Every way an uploaded model or tokenizer is refused, with the facts that explain it. `file` is always the
 * name of the file at fault (the model's .json for what its manifest says).
 */
export type UploadFacts =
  | {kind: "not-json"; file: string; detail: string}
  | {kind: "not-model"; file: string; field: string}
  | {kind: "not-sequential"; file: string; className: string}
  | {kind: "model-json-count"; jsonFiles: string[]; chosen: string[]}
  | {kind: "layer-kind"; file: string; layer: string; className: string}
  | {
      kind: "layer-config";
      file: string;
      layer: string;
      field: string;
      expected: LayerExpectation;
      actual: string | null;
    }
  | {kind: "weights-dtype"; file: string; weight: string; dtype: string}
  | {kind: "missing-weight"; file: string; layer: string; weight: string}
  | {kind: "unexpected-weight"; file: string; weight: string}
  | {kind: "shape"; file: string; weight: string; expected: number[]; actual: number[]}
  | {kind: "missing-weights"; file: string; missing: string[]; chosen: string[]}
  | {kind: "weights-length"; file: string; weightFiles: string[]; expected: number; actual: number}
  | {kind: "weights-values"; file: string; weight: string; index: number; value: number}
  | {kind: "not-sentiment-model"; file: string; layers: string[]; outputShape: number[]}
  | {kind: "tokenizer"; file: string; field: string; expected: TokenizerExpectation; actual: string | null}
  | {kind: "vocabulary"; file: string; tokenizerFile: string; inputDim: number; index: number; word: string};

export type UploadErrorKind = UploadFacts["kind"];

/**
 * A refused upload, as data: `kind` and `facts` for code and tests, `message` for the reader in `lang`.
 * The name stays "Error" on purpose: the page prints `name: message` for other names, and a French reader
 * should see only the French sentence.
 */
export class UploadError extends Error {
  readonly kind: UploadErrorKind;

  constructor(
    readonly facts: UploadFacts,
    readonly lang: UploadLanguage = "en"
  ) {
    super(uploadMessage(facts, lang));
    this.kind = facts.kind;
  }

  /** The same refusal worded in another language. */
  in(lang: UploadLanguage): UploadError {
    return lang === this.lang ? this : new UploadError(this.facts, lang);
  }
}
