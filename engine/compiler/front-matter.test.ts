import {describe, expect, it} from "vitest";
import {splitFrontMatter} from "./front-matter.js";

const errorsOf = (text: string) =>
  splitFrontMatter(text).errors.map((e) => `${e.kind} ${e.line}:${e.column}: ${e.message}`);

describe("splitFrontMatter", () => {
  it("reads strings, quoted strings, numbers and booleans, and counts the lines it took", () => {
    const page =
      '---\ntitle: Essai\nlang: \'fr\'\nsubtitle: "a \\"b\\""\nepochs: 5\ndraft: false\n# a comment\n\n---\n# Hi\n';
    const split = splitFrontMatter(page);
    expect(split.data).toEqual({title: "Essai", lang: "fr", subtitle: 'a "b"', epochs: 5, draft: false});
    expect(split.lineOffset).toBe(9);
    expect(split.content).toBe("# Hi\n");
    expect(split.errors).toEqual([]);
  });

  it("leaves a page without front matter alone", () => {
    expect(splitFrontMatter("# Title\n---\n")).toEqual({
      data: {},
      content: "# Title\n---\n",
      lineOffset: 0,
      errors: []
    });
  });

  it("reports an unterminated quote at its line and column and drops the value", () => {
    const split = splitFrontMatter('---\ntitle: Essai\nlang: "fr\n---\n# Bonjour\n');
    expect(split.data).toEqual({title: "Essai"});
    expect(errorsOf('---\ntitle: Essai\nlang: "fr\n---\n')).toEqual([
      'front-matter 3:6: lang: the string starting with " is not closed by a matching " on its line'
    ]);
    expect(split.content).toBe("# Bonjour\n");
  });

  it("reports a line that is not key: value, a key set twice and a lang that is no language tag", () => {
    expect(errorsOf("---\r\ntitle: A\r\njust some words\r\ntitle: B\r\nlang: fr_FR!\r\n---\r\n")).toEqual([
      'front-matter 3:0: expected "key: value" in the front matter, got "just some words"',
      "front-matter 4:0: title is set twice in the front matter",
      "front-matter 5:6: lang must be a language tag such as en, fr or pt-BR, got fr_FR!"
    ]);
  });

  it("reports a --- block that is never closed, and keeps the whole page as content", () => {
    const page = "---\ntitle: Essai\n\n# Bonjour\n";
    const split = splitFrontMatter(page);
    expect(errorsOf(page)).toEqual([
      "front-matter 1:0: the front matter opened by --- on line 1 is never closed: end it with a line holding only ---"
    ]);
    expect(split).toMatchObject({data: {}, content: page, lineOffset: 0});
  });
});
