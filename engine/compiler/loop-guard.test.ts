import {describe, expect, it} from "vitest";
import {createLoopGuard, type LoopGuard} from "../client/loop-guard.js";
import {compilePage, type CompiledCell} from "./compile-page.js";
import {LOOP_GUARD} from "./loop-guard.js";

const fence = (lang: string, code: string) => "```" + lang + "\n" + code + "\n```\n";
const AsyncFunction = (async () => {}).constructor as FunctionConstructor;
const AsyncGeneratorFunction = async function* () {}.constructor as FunctionConstructor;

/** The cell as the page module defines it, with `guard` in scope (inputs by name from `inputs`). */
function cellFunction(cell: CompiledCell, guard: LoopGuard, inputs: Record<string, unknown> = {}) {
  const result = cell.outputs.length && !cell.expression ? `\nreturn {${cell.outputs.join(", ")}};` : "";
  const Kind = cell.generator ? AsyncGeneratorFunction : cell.async ? AsyncFunction : Function;
  const make = new Kind(LOOP_GUARD, ...cell.inputs, cell.body + result);
  return () => make(guard, ...cell.inputs.map((name) => inputs[name]));
}

function onlyCell(code: string, lang = "ts", loopGuardMs = 5000): CompiledCell {
  const [cell] = compilePage("# Page\n\n" + fence(lang, code), {loopGuardMs}).cells;
  expect(cell.errors).toEqual([]);
  return cell;
}

/** The same computations, each over a million iterations, through every kind of loop and body. */
const LOOPS = [
  "let total: number = 0;\nfor (let i = 0; i < 1e6; i++) total += i % 7;\nconst result = total;",
  "let i = 0, total = 0;\nwhile (i < 1e6) { total += i; i++; }\nconst result = total;",
  "let i = 0;\ndo i++; while (i < 1e6);\nconst result = i;",
  "let n = 0;\nfor (; n < 1e6; n++);\nconst result = n;",
  "const xs = Array.from({length: 1e6}, (_, i) => i);\nlet s = 0;\nfor (const x of xs) { if (x % 2) continue; s += x; }\nconst result = s;",
  "const o: Record<string, number> = {a: 1, b: 2, c: 3};\nlet keys = '';\nfor (const k in o) keys += k;\nconst result = keys;",
  "let hits = 0;\nouter: for (let i = 0; i < 1000; i++) for (let j = 0; j < 1000; j++) { if (j > i) continue outer; hits++; }\n" +
    "const result = hits;",
  "let k = 0;\nif (k === 0) while (k < 1e6) k += 2; else k = -1;\nconst result = k;"
];

describe("loop guard", () => {
  it("stops an infinite loop with a RangeError naming its page line, TypeScript types and comments included", () => {
    const cell = onlyCell(
      "interface P { x: number }\n// spin\n\nconst p: P = {x: 1};\nwhile (p.x > 0) {}\nconst never = 1;"
    );
    const run = cellFunction(cell, createLoopGuard(30));
    expect(run).toThrow(RangeError);
    expect(run).toThrow(/the loop at line 8 kept the page busy for more than 0\.03 s/);
  });

  it("stops a loop of a function the cell defines, called later, at that loop's line", () => {
    const cell = onlyCell("function spin(): number {\n  let n = 0;\n  for (;;) n++;\n}");
    const {spin} = cellFunction(cell, createLoopGuard(30))() as {spin: () => number};
    expect(spin).toThrow(/line 6/);
  });

  it("names the line in a generator cell and in an inline cell", async () => {
    const generator = onlyCell("let i = 0;\nyield i;\ndo { i++ } while (i > 0);");
    const stream = cellFunction(generator, createLoopGuard(30))() as AsyncGenerator<number>;
    expect(await stream.next()).toEqual({done: false, value: 0});
    await expect(stream.next()).rejects.toThrow(/the loop at line 6/);

    const [inline] = compilePage("# Page\n\nSpin ${(() => { while (true); })()}.\n", {loopGuardMs: 30}).cells;
    expect(cellFunction(inline, createLoopGuard(30))).toThrow(/the loop at line 3/);
  });

  it("stops an async loop that never leaves its task (microtasks only)", async () => {
    const cell = onlyCell("let n = 0;\nwhile (true) { await 0; n++; }");
    await expect(cellFunction(cell, createLoopGuard(30))()).rejects.toThrow(/the loop at line 5/);
  });

  it("lets an async loop that waits for timers run past the limit: each task starts a fresh clock", async () => {
    const cell = onlyCell(
      "let n = 0;\nfor (let i = 0; i < 48; i++) { await new Promise((r) => setTimeout(r, 25)); n++; }\nconst result = n;"
    );
    // 48 sleeps of 25 ms outlast the 600 ms limit several times over, yet no task is busy for long.
    expect(await cellFunction(cell, createLoopGuard(600))()).toEqual({n: 48, result: 48});
  });

  it("gives every loop shape the same result guarded and unguarded", () => {
    for (const code of LOOPS) {
      const guarded = onlyCell(code, "ts", 5000);
      const plain = onlyCell(code, "ts", 0);
      expect(guarded.body).toContain(LOOP_GUARD);
      expect(plain.body).not.toContain(LOOP_GUARD);
      let checks = 0;
      const counting: LoopGuard = () => void ++checks;
      expect(cellFunction(guarded, counting)()).toEqual(cellFunction(plain, () => {})());
      expect(checks).toBeGreaterThan(0);
    }
  });

  it("changes neither inputs, outputs, nor the positions of compile errors", () => {
    const page =
      fence("ts", "const a: number = 1;") +
      fence("ts", "for (const x of [a]) {}\nconst b = missing + a;") +
      fence("ts", "while (a) {\n  const = ;\n}");
    const strip = (cells: CompiledCell[]) =>
      cells.map((c) => ({inputs: c.inputs, outputs: c.outputs, errors: c.errors}));
    const guarded = compilePage(page, {loopGuardMs: 5000});
    expect(strip(guarded.cells)).toEqual(strip(compilePage(page).cells));
    expect(guarded.cells[1].errors).toEqual([
      {
        kind: "undefined",
        names: ["missing"],
        cells: [],
        message: "missing is not defined by any cell",
        line: 6,
        column: 10
      }
    ]);
    expect(guarded.loopGuardMs).toBe(5000);
    expect(compilePage(page).loopGuardMs).toBeUndefined();
  });
});
