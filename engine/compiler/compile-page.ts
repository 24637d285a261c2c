import {builtinModules} from "node:module";
import {analyzeCell, type CellImport} from "./analyze-cell.js";
import type {CellError, CompileError} from "./compile-error.js";
import {compileMessage} from "./compile-messages.js";
import {decodePage} from "./decode-page.js";
import {analyzeGraph, type GraphCell} from "./graph.js";
import {guardLoops, LOOP_GUARD} from "./loop-guard.js";
import {PageProblemError, type PageProblem} from "./page-problem.js";
import {parsePage, type SourceCell} from "./parse-page.js";
import {CellSyntaxError, transpileCell} from "./transpile-cell.js";
import {splitFrontMatter, type FrontMatter} from "./front-matter.js";

export type {CompileError} from "./compile-error.js";

export interface CompiledCell {
  id: string;
  line: number;
  inline: boolean;
  /** Declared names other cells can read. */
  outputs: string[];
  /** Names read from other cells or builtins, in the order the body function takes them. */
  inputs: string[];
  imports: CellImport[];
  expression: boolean;
  async: boolean;
  generator: boolean;
  /** JavaScript body of the cell's function (without imports or the return of outputs). */
  body: string;
  errors: CompileError[];
}

export interface CompiledPage {
  data: FrontMatter;
  html: string;
  cells: CompiledCell[];
  /** Problems of the page as a whole (encoding, front matter): shown at the top of the page, printed by the CLI. */
  errors: PageProblem[];
  /** Set when cells were compiled with the dev loop guard (see loop-guard.ts). */
  loopGuardMs?: number;
}

export interface CompileOptions {
  /** Dev builds: a loop that keeps the page busy longer than this throws on its cell instead of freezing the tab. */
  loopGuardMs?: number;
}

/** Compiles a page's text, or its file's bytes (which must be UTF-8: anything else is a page error). */
export function compilePage(input: string | Uint8Array, options: CompileOptions = {}): CompiledPage {
  let text: string;
  try {
    text = typeof input === "string" ? input.replace(/^\uFEFF/, "") : decodePage(input);
  } catch (error) {
    if (!(error instanceof PageProblemError)) throw error;
    return {data: {}, html: "", cells: [], errors: [error.problem]};
  }
  const {data, html, cells: sources} = parsePage(text);
  const lang = typeof data.lang === "string" ? data.lang : undefined;
  const cells = sources.map((source) => compileCell(source, options, lang));
  const graph = analyzeGraph(cells.map((cell, i) => toGraphCell(cell, sources[i])));
  for (const cell of cells) cell.inputs = graph.inputs.get(cell.id) ?? [];
  for (const {cellId, position, ...error} of graph.errors) {
    const i = cells.findIndex((c) => c.id === cellId);
    cells[i].errors.push(toPageError(sources[i], {...error, ...position}, lang));
  }
  const errors = splitFrontMatter(text).errors;
  const {loopGuardMs} = options;
  return loopGuardMs ? {data, html, cells, errors, loopGuardMs} : {data, html, cells, errors};
}

const analyses = new WeakMap<CompiledCell, Pick<GraphCell, "references" | "declarations">>();

function compileCell(source: SourceCell, {loopGuardMs}: CompileOptions, lang: string | undefined): CompiledCell {
  const cell: CompiledCell = {
    id: source.id,
    line: source.line,
    inline: source.inline,
    outputs: [],
    inputs: [],
    imports: [],
    expression: source.inline,
    async: false,
    generator: false,
    body: "",
    errors: []
  };
  try {
    // An inline cell is always an expression, even when it starts with `{`.
    const code = source.inline ? `(${source.source}\n)` : source.source;
    const transpiled = transpileCell(code, source.lang);
    // Names and positions come from the plain code; a dev build runs the loop-guarded one.
    const analysis = analyzeCell(transpiled);
    const guarded = loopGuardMs && analyzeCell(guardLoops(transpiled, source.line));
    if (source.inline && !analysis.expression) {
      throw new CellSyntaxError({detail: "inline-statement", line: 1, column: 0});
    }
    Object.assign(cell, {
      outputs: analysis.outputs,
      imports: analysis.imports,
      expression: analysis.expression,
      async: analysis.async || analysis.imports.length > 0,
      generator: analysis.generator,
      body: guarded ? guarded.body : analysis.body
    });
    analyses.set(cell, {
      references: analysis.references.filter((r) => r.name !== LOOP_GUARD),
      declarations: analysis.declarations
    });
    // The cell keeps its names (its dependents are then blocked by it) but does not run.
    for (const {source: specifier, position} of analysis.imports.filter((i) => isNodeBuiltin(i.source))) {
      const at = position ?? {line: 1, column: 0};
      cell.errors.push(toPageError(source, {kind: "import", names: [], cells: [], detail: specifier, ...at}, lang));
    }
  } catch (error) {
    if (!(error instanceof CellSyntaxError)) throw error;
    const {detail, line, column} = error.problem;
    cell.errors.push(toPageError(source, {kind: "syntax", names: [], cells: [], detail, line, column}, lang));
    // Keep the names the broken cell evidently declares, so that its dependents say they are blocked by it
    // rather than that the name is undefined.
    cell.outputs = source.inline ? [] : guessDeclarations(source.source);
  }
  return cell;
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(specifier);
}

function guessDeclarations(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(
    /^(?:export\s+)?(?:const|let|var|class|(?:async\s+)?function\*?)\s+([A-Za-z_$][\w$]*)/gm
  ))
    names.add(match[1]);
  return [...names];
}

function toGraphCell(cell: CompiledCell, source: SourceCell): GraphCell {
  const {references = [], declarations} = analyses.get(cell) ?? {};
  return {id: cell.id, line: source.line, outputs: cell.outputs, declarations, references};
}

/** A cell's error at its page position, with its message in the page's language. */
function toPageError(source: SourceCell, {line, column, ...error}: CellError, lang: string | undefined): CompileError {
  // An inline cell is compiled as `(source\n)`: its first line starts one column later.
  const shift = source.inline && line === 1 ? 1 : 0;
  const start = line === 1 ? source.column : 0;
  const position = {line: source.line + line - 1, column: start + Math.max(0, column - shift)};
  return {...error, message: compileMessage(error, lang), ...position};
}
