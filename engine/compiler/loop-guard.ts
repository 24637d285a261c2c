import {Parser, type Node} from "acorn";
import {full} from "acorn-walk";
import {CELL_PARSE_OPTIONS} from "./analyze-cell.js";
import type {Transpiled} from "./transpile-cell.js";

/**
 * Loop guard (dev builds). Every `for`, `while`, `do…while`, `for…in` and `for…of` body of a cell starts with
 * `__courantLoopGuard(<page line>)`. The client's guard (engine/client/loop-guard.ts) throws a RangeError naming
 * that line once loops have kept one task of the page busy for longer than the limit, so `while (true) {}`
 * fails its cell instead of freezing the tab.
 */
export const LOOP_GUARD = "__courantLoopGuard";

type AnyNode = Node & Record<string, any>;

const LOOPS = new Set(["ForStatement", "WhileStatement", "DoWhileStatement", "ForInStatement", "ForOfStatement"]);

/** A transpiled cell with every loop guarded (no line moves: guards are inserted inline). */
export function guardLoops({code, generator, toSource}: Transpiled, firstLine: number): Transpiled {
  const pageLine = (line: number, column: number) => firstLine + (toSource?.({line, column}).line ?? 1) - 1;
  return {code: insertLoopGuards(code, pageLine), generator, toSource};
}

/**
 * Inserts the guard call at the top of each loop body, as text: nothing else moves to another line, and a body
 * that is a single statement becomes a block. `lineOf` gives the page line of a loop from its position in
 * `code` (1-based line, 0-based column).
 */
export function insertLoopGuards(code: string, lineOf: (line: number, column: number) => number): string {
  let program: Node;
  try {
    program = Parser.parse(code, CELL_PARSE_OPTIONS);
  } catch {
    return code; // the cell's analysis reports the syntax error
  }
  // Replacements of [start, end) by text (insertions when start = end), applied from the end of the code.
  const edits: Array<{start: number; end: number; text: string}> = [];
  const insert = (at: number, text: string) => edits.push({start: at, end: at, text});
  full(program, (node) => {
    const loop = node as AnyNode;
    if (!LOOPS.has(loop.type)) return;
    const {line, column} = loop.loc!.start; // parsed with locations
    const check = `${LOOP_GUARD}(${lineOf(line, column)});`;
    const body = loop.body as AnyNode;
    if (body.type === "BlockStatement") insert(body.start + 1, ` ${check}`);
    else if (body.type === "EmptyStatement") edits.push({start: body.start, end: body.end, text: `{ ${check} }`});
    else (insert(body.start, `{ ${check} `), insert(body.end, " }"));
  });
  let out = code;
  for (const {start, end, text} of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, start) + text + out.slice(end);
  }
  return out;
}
