import {builtinModules} from "node:module";
import {analyzeCell, type CellImport} from "./analyze-cell.js";
import {decodePage} from "./decode-page.js";
import {analyzeGraph, type GraphCell} from "./graph.js";
import {LOOP_GUARD, transpileGuarded} from "./loop-guard.js";
import {PageProblemError, type PageProblem} from "./page-problem.js";
import {parsePage, type SourceCell} from "./parse-page.js";
import {CellSyntaxError, transpileCell, type CellProblem} from "./transpile-cell.js";
import {splitFrontMatter, type FrontMatter} from "./front-matter.js";

/** A problem found before anything runs, at a page position (line 1-based, column 0-based). */
export interface CompileError {
  message: string;
  line: number;
  column: number;
}

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
  const cells = sources.map((source) => compileCell(source, options));
  const graph = analyzeGraph(cells.map((cell, i) => toGraphCell(cell, sources[i])));
  for (const cell of cells) cell.inputs = graph.inputs.get(cell.id) ?? [];
  for (const error of graph.errors) {
    const i = cells.findIndex((c) => c.id === error.cellId);
    cells[i].errors.push({message: error.message, ...locate(sources[i], error.name)});
  }
  const errors = splitFrontMatter(text).errors;
  const {loopGuardMs} = options;
  return loopGuardMs ? {data, html, cells, errors, loopGuardMs} : {data, html, cells, errors};
}

const references = new WeakMap<CompiledCell, GraphCell["references"]>();

function compileCell(source: SourceCell, {loopGuardMs}: CompileOptions): CompiledCell {
  const cell: CompiledCell = {
    id: source.id, line: source.line, inline: source.inline, outputs: [], inputs: [], imports: [],
    expression: source.inline, async: false, generator: false, body: "", errors: []
  };
  try {
    // An inline cell is always an expression, even when it starts with `{`.
    const code = source.inline ? `(${source.source}\n)` : source.source;
    const transpiled = transpileCell(code, source.lang);
    const guarded = loopGuardMs ? transpileGuarded(code, source.lang, transpiled.generator, source.line) : transpiled;
    const analysis = analyzeCell(guarded);
    if (source.inline && !analysis.expression) throw new CellSyntaxError({message: "an inline ${…} cell must be one expression", line: 1, column: 0});
    Object.assign(cell, {
      outputs: analysis.outputs, imports: analysis.imports, expression: analysis.expression,
      async: analysis.async || analysis.imports.length > 0, generator: analysis.generator, body: analysis.body
    });
    references.set(cell, analysis.references.filter((r) => r.name !== LOOP_GUARD));
    // The cell keeps its names (its dependents are then blocked by it) but does not run.
    for (const {source: specifier} of analysis.imports.filter((i) => isNodeBuiltin(i.source))) {
      const message = `"${specifier}" is a Node.js built-in module: page code runs in the browser and cannot import it`;
      cell.errors.push(toPagePosition(source, {message, ...importPosition(source.source, specifier)}));
    }
  } catch (error) {
    if (!(error instanceof CellSyntaxError)) throw error;
    cell.errors.push(toPagePosition(source, error.problem));
    // Keep the names the broken cell evidently declares, so that its dependents say they are blocked by it
    // rather than that the name is undefined.
    cell.outputs = source.inline ? [] : guessDeclarations(source.source);
  }
  return cell;
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(specifier);
}

/** Cell position (line 1-based) of the quoted specifier of an import. */
function importPosition(source: string, specifier: string): {line: number; column: number} {
  const match = new RegExp(`(["'])${specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\1`).exec(source);
  const before = source.slice(0, match?.index ?? 0).split("\n");
  return {line: before.length, column: before[before.length - 1].length};
}

function guessDeclarations(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/^(?:export\s+)?(?:const|let|var|class|(?:async\s+)?function\*?)\s+([A-Za-z_$][\w$]*)/gm)) names.add(match[1]);
  return [...names];
}

function toGraphCell(cell: CompiledCell, source: SourceCell): GraphCell {
  return {id: cell.id, line: source.line, outputs: cell.outputs, references: references.get(cell) ?? []};
}

function toPagePosition(source: SourceCell, problem: CellProblem): CompileError {
  return {message: problem.message, line: source.line + problem.line - 1, column: problem.column};
}

/** Page position of the first use of `name` in the cell's source (the transpiled code has other offsets). */
function locate(source: SourceCell, name: string): {line: number; column: number} {
  const match = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}(?![\\w$])`).exec(source.source);
  if (!match) return {line: source.line, column: 0};
  const before = source.source.slice(0, match.index).split("\n");
  return {line: source.line + before.length - 1, column: before[before.length - 1].length};
}
