import {describe, expect, it} from "vitest";
import {compilePage} from "./compile-page.js";
import {isKnownGlobal} from "./globals.js";

const fence = (code: string) => "```js\n" + code + "\n```\n";
const errorsOf = (code: string) =>
  compilePage(fence(code)).cells.flatMap((c) => c.errors.map((e) => `${e.line}:${e.column}: ${e.message}`));

describe("globals", () => {
  it("knows every browser and language global, from the maintained list", () => {
    const names = [
      "addEventListener",
      "removeEventListener",
      "getSelection",
      "Range",
      "FileList",
      "DataTransfer",
      "CanvasRenderingContext2D",
      "HTMLCanvasElement",
      "globalThis",
      "undefined",
      "structuredClone",
      "Float16Array"
    ];
    expect(names.filter((name) => !isKnownGlobal(name))).toEqual([]);
    expect(["d3", "misspelt", "arguments", "require"].filter(isKnownGlobal)).toEqual([]);
  });

  it("lets cells use browser globals without declaring them, and keeps them out of the inputs", () => {
    const page = compilePage(
      fence(
        "addEventListener('x', () => {});\nconst r = new Range(), s = getSelection();\n" +
          "const t = new DataTransfer(); t.files instanceof FileList;"
      )
    );
    expect(page.cells[0].errors).toEqual([]);
    expect(page.cells[0].inputs).toEqual([]);
  });

  it("scopes `arguments` to non-arrow functions", () => {
    expect(errorsOf("function f() { return arguments.length; }")).toEqual([]);
    expect(errorsOf("const g = () => arguments;")).toEqual(["2:16: arguments is not defined by any cell"]);
  });

  it("still reports a name that is neither a cell's, a builtin nor a global, at its line", () => {
    expect(errorsOf("const a = 1;\nconst b = a + documnet.title;")).toEqual([
      "3:14: documnet is not defined by any cell"
    ]);
  });
});
