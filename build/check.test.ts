import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {checkPages} from "./check.js";

const fixtures = join(import.meta.dirname, "check-fixtures");

describe("courant check", () => {
  it("passes a correct page: outputs typed as readers see them, types shared between cells, builtins typed, JavaScript unchecked", async () => {
    expect(await checkPages(fixtures, ["correct.md"])).toEqual([]);
  });

  it("reports type errors at their Markdown position, in the page's language, on their cell", async () => {
    const problems = (await checkPages(fixtures, ["wrong.md"])).map(({file, cellId, ...p}) => ({
      ...p,
      file: file.slice(-8),
      cellId
    }));
    expect(problems.map(({cellId, ...p}) => p)).toEqual([
      // A cell reading another's `view(...)`: a number.
      {
        file: "wrong.md",
        line: 11,
        column: 6,
        code: 2322,
        message: "erreur de type : Type 'number' is not assignable to type 'string'."
      },
      // `width` is a number, `d3.sum` typed by @types/d3.
      {
        file: "wrong.md",
        line: 15,
        column: 53,
        code: 2339,
        message: "erreur de type : Property 'toUpperCase' does not exist on type 'number'."
      },
      // An inline cell reading an awaited value: `missing` in `${later.missing}`, at its column in the prose line.
      {
        file: "wrong.md",
        line: 22,
        column: 8,
        code: 2339,
        message: "erreur de type : Property 'missing' does not exist on type '{ total: number; }'."
      },
      // Checked against an interface the cell declares (the checker moves it to the page's top level).
      {
        file: "wrong.md",
        line: 28,
        column: 18,
        code: 2322,
        message: "erreur de type : Type 'string' is not assignable to type 'number'."
      }
    ]);
    expect(new Set(problems.map((p) => p.cellId)).size).toBe(4);
  });

  it("passes the essay", async () => {
    expect(await checkPages(join(import.meta.dirname, "../pages"), ["rnn-basics.md"])).toEqual([]);
  });
});
