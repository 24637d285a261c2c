import {describe, expect, it} from "vitest";
import {compilePage} from "./compile-page.js";

const fence = (code: string, lang = "ts") => "```" + lang + "\n" + code + "\n```\n";
const errorsOf = (page: string) => compilePage(page).cells.flatMap((cell) => cell.errors);

describe("compile errors as data", () => {
  it("give a kind, the names and cells involved, and the position of the name in the syntax tree", () => {
    // TypeScript annotations and odd spacing move every name in esbuild's output: positions still land on them.
    const page =
      fence("const   x: number = 1;") +
      fence("const x: string = 'a';") +
      fence("const y: Array<number> = [x,    missing];\nfunction f(p: number): number { return p + other; }") +
      fence("const a: number = b;") +
      fence("const b: number = a;");
    expect(errorsOf(page).map(({message, ...data}) => data)).toEqual([
      {kind: "duplicate", names: ["x"], cells: [2, 5], line: 2, column: 8},
      {kind: "duplicate", names: ["x"], cells: [2, 5], line: 5, column: 6},
      {kind: "undefined", names: ["missing"], cells: [], line: 8, column: 32},
      {kind: "undefined", names: ["other"], cells: [], line: 9, column: 43},
      {kind: "cycle", names: ["a", "b"], cells: [12, 15], line: 12, column: 18},
      {kind: "cycle", names: ["a", "b"], cells: [12, 15], line: 15, column: 18}
    ]);
  });

  it("place a name that also appears earlier in a string or a property at its real use", () => {
    const [error] = errorsOf(fence("const s = 'missing' + location.missing;\nconst t = missing;"));
    expect(error).toMatchObject({kind: "undefined", names: ["missing"], line: 3, column: 10});
  });

  it("place an error in an inline ${…} cell at its column in the prose line, in Markdown and in raw HTML", () => {
    const page = "# Page\n\nThe total is ${price * 2} today.\n\n<p>Also <b>${1 + tax}</b></p>\n";
    const lines = page.split("\n");
    expect(errorsOf(page).map(({names, line, column}) => ({names, line, column}))).toEqual([
      {names: ["price"], line: 3, column: lines[2].indexOf("price")},
      {names: ["tax"], line: 5, column: lines[4].indexOf("tax")}
    ]);
  });

  it("name the kind of an assignment, an import of a Node built-in and a syntax error", () => {
    const page =
      fence("let n = 1;") +
      fence("n = 2;") +
      fence("width = 3;") +
      fence("import {readFileSync} from   'node:fs';") +
      fence("const = ;");
    expect(errorsOf(page).map(({kind, detail, line, column}) => ({kind, detail, line, column}))).toEqual([
      {kind: "assignment", detail: undefined, line: 5, column: 0},
      {kind: "assignment", detail: "builtin", line: 8, column: 0},
      {kind: "import", detail: "node:fs", line: 11, column: 29},
      {kind: "syntax", detail: expect.stringMatching(/./), line: 14, column: 6}
    ]);
  });

  it("are worded in the page's language", () => {
    const page = (lang: string) =>
      `---\nlang: ${lang}\n---\n` +
      fence("const x = 1;") +
      fence("const x = 2;") +
      fence("x + inconnu") +
      fence("x = 3;") +
      fence("export const e = 1;") +
      fence("const = ;");
    expect(errorsOf(page("fr")).map((e) => e.message)).toEqual([
      "x est défini plusieurs fois (cellules des lignes 5 et 8)",
      "x est défini plusieurs fois (cellules des lignes 5 et 8)",
      "inconnu n'est défini par aucune cellule",
      "impossible d'affecter x : ce nom est défini par la cellule de la ligne 5 ; déclarez plutôt un nouveau nom",
      "une cellule n'exporte rien : ses déclarations sont déjà visibles des autres cellules",
      expect.stringMatching(/^erreur de syntaxe : /)
    ]);
    expect(
      errorsOf(page("en"))
        .map((e) => e.message)
        .slice(0, 3)
    ).toEqual([
      "x is defined more than once (cells at lines 5, 8)",
      "x is defined more than once (cells at lines 5, 8)",
      "inconnu is not defined by any cell"
    ]);
  });
});
