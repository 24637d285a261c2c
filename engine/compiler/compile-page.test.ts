import {describe, expect, it} from "vitest";
import {compilePage} from "./compile-page.js";

/** The data of a compiled page that authors rely on, without ids and bodies. */
function shape(text: string) {
  return compilePage(text).cells.map((c) => ({
    line: c.line,
    inline: c.inline,
    outputs: c.outputs,
    inputs: c.inputs,
    expression: c.expression,
    async: c.async,
    generator: c.generator,
    errors: c.errors.map((e) => `${e.line}:${e.column}: ${e.message}`)
  }));
}

const fence = (lang: string, code: string) => "```" + lang + "\n" + code + "\n```\n";

describe("compilePage", () => {
  it("turns fenced ts/js blocks into cells with outputs and inputs; other fences stay code", () => {
    const page =
      "# Title\n\n" +
      fence("ts", "const n: number = 3;\nfunction f(x: number) { return x * n; }") +
      "\n" +
      fence("js", "f(n) + m") +
      "\n" +
      fence("python", "print(1)") +
      "\n" +
      fence("ts", "const m = 1");
    expect(shape(page)).toEqual([
      {
        line: 4,
        inline: false,
        outputs: ["n", "f"],
        inputs: [],
        expression: false,
        async: false,
        generator: false,
        errors: []
      },
      {
        line: 9,
        inline: false,
        outputs: [],
        inputs: ["f", "n", "m"],
        expression: true,
        async: false,
        generator: false,
        errors: []
      },
      {
        line: 17,
        inline: false,
        outputs: ["m"],
        inputs: [],
        expression: false,
        async: false,
        generator: false,
        errors: []
      }
    ]);
    expect(compilePage(page).html).toContain('<code class="language-python">print(1)');
  });

  it("reads front matter and keeps page line numbers after it", () => {
    const page = "---\ntitle: Essai\nlang: fr\n---\n\n" + fence("ts", "const a = 1;");
    const compiled = compilePage(page);
    expect(compiled.data).toEqual({title: "Essai", lang: "fr"});
    expect(compiled.cells[0].line).toBe(7);
  });

  it("makes ${…} in prose an inline expression cell, braces and strings included", () => {
    const page = fence("ts", "const x = 2;") + "\nTotal: ${ {a: x}.a + '}' } and ${x}.\n";
    const cells = shape(page);
    expect(cells.slice(1)).toEqual([
      {line: 5, inline: true, outputs: [], inputs: ["x"], expression: true, async: false, generator: false, errors: []},
      {line: 5, inline: true, outputs: [], inputs: ["x"], expression: true, async: false, generator: false, errors: []}
    ]);
    expect(compilePage(page).html).toMatch(
      /Total: <span class="courant-cell courant-inline" id="cell-\w+" data-state="pending"><span class="courant-status"><\/span><span class="courant-output"><\/span><\/span> and <span/
    );
  });

  it("finds ${…} in raw HTML blocks too", () => {
    const page = fence("ts", "const x = 2;") + '\n<div class="box">\n<p id="v">${x * 2}</p>\n</div>\n';
    const compiled = compilePage(page);
    expect(compiled.cells.map((c) => [c.line, c.inline, c.inputs])).toEqual([
      [2, false, []],
      [6, true, ["x"]]
    ]);
    expect(compiled.html).toMatch(
      /<p id="v"><span class="courant-cell courant-inline" id="cell-\w+" data-state="pending"><span class="courant-status"><\/span><span class="courant-output"><\/span><\/span><\/p>/
    );
  });

  it("strips TypeScript types and keeps imports other cells use", () => {
    const page = fence(
      "ts",
      'import {range} from "d3-array";\nimport * as Plot2 from "@observablehq/plot";\ninterface P { x: number }\nconst p: P = {x: 1};'
    );
    const [cell] = compilePage(page).cells;
    expect(cell.outputs).toEqual(["range", "Plot2", "p"]);
    expect(cell.imports).toEqual([
      {
        source: "d3-array",
        specifiers: [{imported: "range", local: "range"}],
        position: {line: 1, column: 20},
        start: {line: 1, column: 0}
      },
      {
        source: "@observablehq/plot",
        specifiers: [{imported: "*", local: "Plot2"}],
        position: {line: 2, column: 23},
        start: {line: 2, column: 0}
      }
    ]);
    expect(cell.async).toBe(true);
    expect(cell.body).not.toMatch(/interface|: P/);
  });

  it("scopes references: locals, parameters, destructuring, classes and catch are not inputs", () => {
    const code = [
      "const {a, b: [c, ...d]} = source;",
      "function g(p, {q} = {q: fallback}) { let r = p + q; try { r++ } catch (err) { r = err } return r + outer; }",
      "class K { m() { return K.name + this.z; } }",
      "for (const item of list) total += item;",
      "label: for (;;) { break label; }",
      "const obj = {key: value, [computed]: 1, shorthand};",
      "obj.member.chain = 3;"
    ].join("\n");
    const [cell] = compilePage(
      fence("js", code) +
        fence(
          "js",
          "const source = 0, fallback = 0, outer = 0, list = [], total = 0, value = 0, computed = 'k', shorthand = 1;"
        )
    ).cells;
    // `total += item` reads total too, so it stays an input (and is reported below).
    expect(cell.inputs).toEqual(["source", "fallback", "outer", "list", "total", "value", "computed", "shorthand"]);
    expect(cell.errors.map((e) => e.message)).toEqual([
      "cannot assign to total: it is defined by the cell at line 11; declare a new name instead"
    ]);
  });

  it("detects top-level await and yield", () => {
    const cells = shape(
      fence("ts", "const r = await fetch('/x');") +
        fence("ts", "async function f() { await 1 }") +
        fence("ts", "for (let i = 0; i < 3; i++) yield i;")
    );
    expect(cells.map((c) => [c.async, c.generator, c.outputs])).toEqual([
      [true, false, ["r"]],
      [false, false, ["f"]],
      [false, true, []]
    ]);
  });

  it("reports syntax errors at their page line and column", () => {
    const cells = shape("intro\n\n" + fence("ts", "const ok = 1;\nconst broken = ;") + fence("ts", "ok + broken"));
    expect(cells[0].errors).toEqual(['5:15: Unexpected ";"']);
    // the broken cell still claims the names it evidently declares: its dependents are blocked, not undefined
    expect(cells[0].outputs).toEqual(["ok", "broken"]);
    expect(cells[1].errors).toEqual([]);
    expect(cells[1].inputs).toEqual(["ok", "broken"]);
  });

  it("reports a name defined by two cells on both cells", () => {
    const cells = shape(fence("ts", "const x = 1;") + fence("ts", "const x = 2;") + fence("ts", "x"));
    expect(cells.map((c) => c.errors)).toEqual([
      ["2:6: x is defined more than once (cells at lines 2, 5)"],
      ["5:6: x is defined more than once (cells at lines 2, 5)"],
      []
    ]);
  });

  it("reports cycles with the names involved, on every cell of the cycle", () => {
    const cells = shape(
      fence("ts", "const a = b + 1;") +
        fence("ts", "const b = c * 2;") +
        fence("ts", "const c = a;") +
        fence("ts", "const d = a;")
    );
    expect(cells.map((c) => c.errors)).toEqual([
      ["2:10: circular definition: a → b → c → a"],
      ["5:10: circular definition: a → b → c → a"],
      ["8:10: circular definition: a → b → c → a"],
      []
    ]);
  });

  it("reports names nothing defines, but accepts builtins and browser globals", () => {
    const cells = shape(
      fence(
        "ts",
        "const y = Math.max(width, innerWidth) + tf.scalar(1).dataSync()[0] + document.title.length;\nconst z = misspelt + y;"
      )
    );
    expect(cells[0].errors).toEqual(["3:10: misspelt is not defined by any cell"]);
    expect(cells[0].inputs).toEqual(["width", "tf"]);
  });

  it("forbids assigning to another cell's variable or a builtin", () => {
    const cells = shape(
      fence("ts", "let n = 1;") + fence("ts", "n = 2;") + fence("ts", "n++;") + fence("ts", "[width] = [1];")
    );
    expect(cells.slice(1).map((c) => c.errors)).toEqual([
      ["5:0: cannot assign to n: it is defined by the cell at line 2; declare a new name instead"],
      ["8:0: cannot assign to n: it is defined by the cell at line 2; declare a new name instead"],
      ["11:1: cannot assign to width: it is defined by the engine (a builtin); declare a new name instead"]
    ]);
  });

  it("gives content-hash ids that are stable across builds and unique within a page", () => {
    const page = fence("ts", "1 + 1") + fence("ts", "1 + 1") + fence("ts", "2");
    const first = compilePage(page).cells.map((c) => c.id);
    expect(compilePage("# Changed prose\n\n" + page).cells.map((c) => c.id)).toEqual(first);
    expect(new Set(first).size).toBe(3);
    expect(first[1]).toBe(`${first[0]}-1`);
  });

  it("rejects exports and statements in inline cells", () => {
    const cells = shape(fence("ts", "export const a = 1;") + "\n${const b = 1}\n");
    expect(cells[0].errors[0]).toMatch(/cannot export/);
    expect(cells[1].errors.length).toBe(1);
  });
});
