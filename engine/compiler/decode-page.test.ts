import {describe, expect, it} from "vitest";
import {decodePage, firstInvalidUtf8} from "./decode-page.js";
import {PageProblemError, type PageProblem} from "./page-problem.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf16le = (text: string) =>
  Uint8Array.from(text.split("").flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]));
const utf16be = (text: string) =>
  Uint8Array.from(text.split("").flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255]));

function problemOf(bytes: Uint8Array): PageProblem {
  try {
    decodePage(bytes);
  } catch (error) {
    if (error instanceof PageProblemError) return error.problem;
    throw error;
  }
  throw new Error("decodePage accepted the bytes");
}

describe("decodePage", () => {
  it("decodes UTF-8 and drops a leading byte-order mark", () => {
    const text = "---\ntitle: Réseaux récurrents 🧠\n---\n# Bonjour\n";
    expect(decodePage(utf8(text))).toBe(text);
    expect(decodePage(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]))).toBe(text);
  });

  it("reports Latin-1 bytes at the line and column of the first one", () => {
    const problem = problemOf(latin1("# Essai\n\nLe modèle apprend.\n"));
    expect(problem).toMatchObject({kind: "encoding", line: 3, column: 6});
    expect(problem.message).toMatch(/not valid UTF-8: byte 0xE8 .*Latin-1/);
  });

  it("counts columns in characters, after valid multi-byte characters", () => {
    const bytes = Uint8Array.from([...utf8("a\né🧠"), 0xff, ...utf8("x")]);
    expect(problemOf(bytes)).toMatchObject({line: 2, column: 2});
  });

  it("names UTF-16 with or without a byte-order mark", () => {
    const text = "---\ntitle: Essai\n---\n# Essai\n";
    expect(problemOf(Uint8Array.from([0xff, 0xfe, ...utf16le(text)])).message).toMatch(
      /UTF-16 \(little-endian, with a byte-order mark\)/
    );
    expect(problemOf(Uint8Array.from([0xfe, 0xff, ...utf16be(text)])).message).toMatch(/UTF-16 \(big-endian, with/);
    expect(problemOf(utf16le(text))).toMatchObject({kind: "encoding", line: 1, column: 0});
    expect(problemOf(utf16le(text)).message).toMatch(/UTF-16 \(little-endian, without a byte-order mark\)/);
    expect(problemOf(utf16be(text)).message).toMatch(/UTF-16 \(big-endian, without/);
  });

  it("refuses a NUL byte in otherwise valid text", () => {
    expect(problemOf(utf8("ab\ncd\0ef"))).toMatchObject({line: 2, column: 2, message: expect.stringMatching(/NUL/)});
  });
});

describe("firstInvalidUtf8", () => {
  it("accepts every well-formed length and refuses overlong forms, surrogates, truncation and stray bytes", () => {
    expect(firstInvalidUtf8(utf8("aé€𝄞"))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong NUL
    expect(firstInvalidUtf8(Uint8Array.from([0xe0, 0x80, 0x80]))).toBe(0); // overlong 3-byte form
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // UTF-16 surrogate D800
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // truncated at the end
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0x80]))).toBe(1); // continuation without a lead
    expect(firstInvalidUtf8(Uint8Array.from([0xe2, 0x28, 0xa1]))).toBe(0); // bad continuation
  });
});
