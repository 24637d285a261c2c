import {PageProblemError, type PageProblem} from "./page-problem.js";

/**
 * A page file's bytes as text. Pages are UTF-8 (a leading byte-order mark is dropped); anything else throws a
 * PageProblemError naming the encoding it looks like, or the line and column of the first byte that is not
 * UTF-8, instead of compiling mojibake.
 */
export function decodePage(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const utf16 = utf16Kind(bytes);
  if (utf16) throw problem(`the page is ${utf16}; save it as UTF-8`, 1, 0);
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    const {line, column} = positionOf(bytes, invalid);
    const hex = bytes[invalid].toString(16).toUpperCase().padStart(2, "0");
    throw problem(
      `the page is not valid UTF-8: byte 0x${hex} cannot start or continue a UTF-8 character ` +
        "(is the file saved as Latin-1 or Windows-1252?); save it as UTF-8",
      line,
      column
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const {line, column} = positionOf(bytes, nul);
    throw problem("the page contains a NUL byte; is it a text file?", line, column);
  }
  return new TextDecoder().decode(bytes);
}

/** Line (1-based) and column (0-based, in characters) of a byte offset, the bytes before it being valid UTF-8. */
function positionOf(bytes: Uint8Array, offset: number): {line: number; column: number} {
  const lines = new TextDecoder().decode(bytes.subarray(0, offset)).split("\n");
  return {line: lines.length, column: [...lines[lines.length - 1]].length};
}

function problem(message: string, line: number, column: number): PageProblemError {
  const data: PageProblem = {kind: "encoding", message, line, column};
  return new PageProblemError(data);
}

/**
 * "UTF-16 (little-endian)" and so on when the bytes look like UTF-16: a byte-order mark, or text whose every
 * other byte is zero (ASCII characters in UTF-16 without a mark).
 */
function utf16Kind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16 (little-endian, with a byte-order mark)";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16 (big-endian, with a byte-order mark)";
  const sample = bytes.subarray(0, 4096 - (4096 % 2));
  let zerosAtEven = 0;
  let zerosAtOdd = 0;
  for (let i = 0; i < sample.length; ++i) if (sample[i] === 0) i % 2 ? ++zerosAtOdd : ++zerosAtEven;
  const pairs = Math.floor(sample.length / 2);
  // Most characters of a Markdown page are ASCII: in UTF-16 one byte of each pair is then zero.
  if (pairs < 2) return null;
  if (zerosAtOdd > pairs / 2 && zerosAtEven === 0) return "UTF-16 (little-endian, without a byte-order mark)";
  if (zerosAtEven > pairs / 2 && zerosAtOdd === 0) return "UTF-16 (big-endian, without a byte-order mark)";
  return null;
}

/** Offset of the first byte of the first invalid UTF-8 sequence (overlong forms and surrogates included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (!length || i + length > bytes.length) return i;
    // The second byte's range excludes overlong forms (E0, F0), UTF-16 surrogates (ED) and code points past
    // U+10FFFF (F4).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; ++k) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}
