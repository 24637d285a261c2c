import {Tokenizer} from "../text/tokenizer.js";
import {TokenizerJSONError} from "../text/tokenizer-json.js";
import type {NamedBlob} from "./model-files.js";
import {UploadError} from "./upload-error.js";

/** A picked tokenizer file (Keras `tokenizer_to_json`) → a Tokenizer, or an `UploadError` naming the file. */
export async function readTokenizerFile(file: Blob | NamedBlob): Promise<Tokenizer> {
  const name = "name" in file && typeof file.name === "string" ? file.name : "tokenizer.json";
  const text = await file.text();
  try {
    return Tokenizer.fromJSON(text);
  } catch (error) {
    if (!(error instanceof TokenizerJSONError)) throw error;
    if (error.expected === "json") throw new UploadError({kind: "not-json", file: name, detail: error.actual ?? ""});
    const {field, expected, actual} = error;
    throw new UploadError({kind: "tokenizer", file: name, field, expected, actual});
  }
}
