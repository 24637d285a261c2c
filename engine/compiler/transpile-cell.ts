import {transformSync, type TransformFailure} from "esbuild";
import {sourcePositions, type Position} from "./source-position.js";

/** A cell's JavaScript once esbuild has stripped its types. */
export interface Transpiled {
  code: string;
  /** True when the cell uses `yield` at top level: its code is then the body of an async generator. */
  generator: boolean;
  /** A position in `code` → the same place in the cell's source (through esbuild's source map). */
  toSource?: (position: Position) => Position;
}

/**
 * A syntax problem at a position relative to the cell source (line 1-based, column 0-based): what the parser
 * said, or `export` (a cell that exports) or `inline-statement` (an inline cell that is not an expression).
 */
export interface CellProblem {
  detail: string;
  line: number;
  column: number;
}

export class CellSyntaxError extends Error {
  constructor(readonly problem: CellProblem) {
    super(problem.detail);
  }
}

const GENERATOR_OPEN = "async function* __cell__() {\n";
const GENERATOR_CLOSE = "\n}";

/**
 * Strips types with esbuild. A cell may `yield` at top level (it then streams its values); esbuild only
 * accepts that inside a generator, so such a cell is retried wrapped in one.
 */
export function transpileCell(source: string, lang: "ts" | "js"): Transpiled {
  try {
    return {...transform(source, lang, 0), generator: false};
  } catch (error) {
    if (!/\byield\b/.test(source)) throw toSyntaxError(error, 0);
    try {
      return {...transform(GENERATOR_OPEN + source + GENERATOR_CLOSE, lang, 1), generator: true};
    } catch (wrappedError) {
      // Report the first error as the plain cell sees it, unless it was only about `yield`.
      throw toSyntaxError(isYieldError(error) ? wrappedError : error, isYieldError(error) ? 1 : 0);
    }
  }
}

function transform(code: string, loader: "ts" | "js", wrapperLines: number): Omit<Transpiled, "generator"> {
  const result = transformSync(code, {
    loader,
    format: "esm",
    target: "es2022",
    // Keep imports even when the cell itself does not use them: other cells do.
    tsconfigRaw: {compilerOptions: {verbatimModuleSyntax: true}},
    logLevel: "silent",
    sourcemap: "external"
  });
  const toWrapped = sourcePositions(JSON.parse(result.map).mappings);
  const toSource = (position: Position) => {
    const {line, column} = toWrapped(position);
    return {line: Math.max(1, line - wrapperLines), column};
  };
  return {code: result.code, toSource};
}

function isYieldError(error: unknown): boolean {
  return /yield/i.test(firstMessage(error)?.text ?? "");
}

function firstMessage(error: unknown) {
  return (error as TransformFailure).errors?.[0];
}

function toSyntaxError(error: unknown, lineShift: number): CellSyntaxError {
  const first = firstMessage(error);
  if (!first) return new CellSyntaxError({detail: String(error), line: 1, column: 0});
  return new CellSyntaxError({
    detail: first.text,
    line: Math.max(1, (first.location?.line ?? 1 + lineShift) - lineShift),
    column: first.location?.column ?? 0
  });
}
