import {describe, expect, it} from "vitest";
import {compilePage} from "./compile-page.js";

const fence = (code: string) => "```ts\n" + code + "\n```\n";
const cellErrors = (text: string) =>
  compilePage(text).cells.map((c) => c.errors.map((e) => `${e.line}:${e.column}: ${e.message}`));

describe("page-level and authoring errors", () => {
  it("compiles a page that is not UTF-8 to one encoding error and nothing else", () => {
    const latin1 = Uint8Array.from("# Caf\xe9\n\n```ts\nconst x = 1;\n```\n", (c) => c.charCodeAt(0));
    const page = compilePage(latin1);
    expect(page).toMatchObject({html: "", cells: [], data: {}});
    expect(page.errors).toEqual([
      {kind: "encoding", line: 1, column: 5, message: expect.stringMatching(/not valid UTF-8: byte 0xE9/)}
    ]);
  });

  it("compiles UTF-8 bytes, with or without a byte-order mark, as the same page as the text", () => {
    const text = "---\ntitle: Café\n---\n" + fence("const x = 1;");
    const bytes = new TextEncoder().encode(text);
    const expected = compilePage(text);
    expect(compilePage(bytes)).toEqual(expected);
    expect(compilePage(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual(expected);
    expect(compilePage("\uFEFF" + text)).toEqual(expected);
    expect(expected.errors).toEqual([]);
  });

  it("reports broken front matter as page errors, keeps the cells at their page lines, and sets no bad lang", () => {
    const page = compilePage('---\ntitle: Essai\nlang: "fr\n---\n' + fence("const x = 1;"));
    expect(page.data).toEqual({title: "Essai"});
    expect(page.errors).toEqual([
      {kind: "front-matter", line: 3, column: 6, message: expect.stringMatching(/not closed/)}
    ]);
    expect(page.cells[0].line).toBe(6);
  });

  it("refuses Node built-in modules in page code, at the import's position, and blocks its dependents", () => {
    const page =
      fence('import fs from "node:fs";\nimport {join} from \'path\';\nimport * as cp from "child_process";') +
      fence("const n = fs.readFileSync + join + cp;") +
      fence('import {range} from "d3-array";\nconst r = range(3);');
    expect(cellErrors(page)).toEqual([
      [
        '2:15: "node:fs" is a Node.js built-in module: page code runs in the browser and cannot import it',
        '3:19: "path" is a Node.js built-in module: page code runs in the browser and cannot import it',
        '4:20: "child_process" is a Node.js built-in module: page code runs in the browser and cannot import it'
      ],
      [],
      []
    ]);
    const [builtin, dependent] = compilePage(page).cells;
    expect(builtin.outputs).toEqual(["fs", "join", "cp"]);
    expect(dependent.inputs).toEqual(["fs", "join", "cp"]);
  });
});
