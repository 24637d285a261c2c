import type {CompiledPage} from "../engine/compiler/compile-page.js";
import type {SourceCell} from "../engine/compiler/parse-page.js";
import {positionAt, type Position} from "../engine/compiler/source-position.js";
import {CELL_VALUE} from "./check-prelude.js";
import {topLevelTypeDeclarations} from "./type-declarations.js";

/** A stretch of the program copied verbatim from a cell's source. */
interface Segment {
  start: number;
  length: number;
  cell: number;
  sourceStart: number;
}

export interface PageProgram {
  /** TypeScript source of the whole page. */
  text: string;
  /** An offset in `text` → the cell and its page position, or null for code Courant wrote around the cells. */
  locate(offset: number): {cell: number; position: Position} | null;
}

/**
 * A page as one TypeScript module for the checker. Imports of every cell come first (as at run time, an imported
 * name is visible to every cell), then the type aliases and interfaces declared at a cell's top level. Each cell
 * becomes a function returning its outputs, and each output a module-level constant typed as the value it takes at
 * run time (`${CELL_VALUE}`: promises awaited, streams' values), so a cell sees the declared types of the others, in
 * any order. Cell text is copied verbatim (what is hoisted blanked in place), so every position maps back to the
 * Markdown.
 */
export function pageProgram(page: CompiledPage, sources: SourceCell[]): PageProgram {
  let text = "";
  const segments: Segment[] = [];
  const copy = (cell: number, sourceStart: number, chunk: string) => {
    segments.push({start: text.length, length: chunk.length, cell, sourceStart});
    text += chunk;
  };
  const imported = new Set<string>();
  for (const cell of page.cells)
    for (const {specifiers} of cell.imports) for (const s of specifiers) imported.add(s.local);

  // Imports, hoisted to the top of the module; their text removed from the cells in place.
  const bodies = sources.map((source) => source.source);
  /** Hoists `chunk` (the text of cell `i` from `start` to `end`, or what stands for it) and blanks it in the cell. */
  const hoist = (i: number, start: number, end: number, chunk = bodies[i].slice(start, end)) => {
    copy(i, start, chunk);
    text += "\n";
    bodies[i] = bodies[i].slice(0, start) + bodies[i].slice(start, end).replace(/[^\n]/g, " ") + bodies[i].slice(end);
  };
  page.cells.forEach((cell, i) => {
    if (cell.errors.length) return;
    for (const item of cell.imports) {
      if (!item.start || !item.position) continue;
      const start = offsetOf(sources[i].source, item.start);
      const end = statementEnd(sources[i].source, offsetOf(sources[i].source, item.position));
      const statement = sources[i].source.slice(start, end);
      // `npm:d3@7` → `d3`, padded so that the statement keeps its length.
      hoist(
        i,
        start,
        end,
        statement
          .replace(/(["'])npm:((?:@[^/@"']+\/)?[^/@"']+)(?:@[^/"']*)?/, (all, quote, name) => `${quote}${name}`)
          .padEnd(statement.length)
      );
    }
  });

  // Type aliases and interfaces, hoisted after them (a cell's declared names are visible to every cell; so are its
  // types); their text removed from the cells in place.
  page.cells.forEach((cell, i) => {
    if (cell.errors.length) return;
    for (const {start, end} of topLevelTypeDeclarations(bodies[i])) hoist(i, start, end);
  });

  const shape = (i: number) => `__cell${i}`;
  page.cells.forEach((cell, i) => {
    if (cell.errors.length) return; // the compiler has said what is wrong with it
    const own = cell.outputs.filter((name) => !imported.has(name));
    text += `${cell.generator ? "async function*" : "async function"} ${shape(i)}Body() {\n`;
    if (sources[i].inline) text += "(";
    copy(i, 0, bodies[i]);
    if (sources[i].inline) text += "\n);";
    text += `\n${cell.generator ? "" : `return {${own.join(", ")}};`}\n}\n`;
    text += `type ${shape(i)} = Awaited<ReturnType<typeof ${shape(i)}Body>>;\n`;
    // What the other cells read (in value and in `typeof` positions), whatever their order in the page.
    for (const name of own) text += `declare const ${name}: ${CELL_VALUE}<${shape(i)}[${JSON.stringify(name)}]>;\n`;
  });
  text += "export {};\n";

  return {
    text,
    locate(offset) {
      const segment = segments.find((s) => offset >= s.start && offset <= s.start + s.length);
      if (!segment) return null;
      const source = sources[segment.cell];
      const {line, column} = positionAt(source.source, segment.sourceStart + offset - segment.start);
      return {
        cell: segment.cell,
        position: {line: source.line + line - 1, column: (line === 1 ? source.column : 0) + column}
      };
    }
  };
}

function offsetOf(text: string, {line, column}: Position): number {
  let offset = 0;
  for (let l = 1; l < line; ++l) offset = text.indexOf("\n", offset) + 1;
  return offset + column;
}

/** End of an import statement whose module specifier (a string literal) starts at `literal`: past its `;`, if any. */
function statementEnd(text: string, literal: number): number {
  const quote = text[literal];
  let i = literal + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === "\\" ? 2 : 1;
  const semicolon = /^[ \t]*;/.exec(text.slice(i + 1));
  return i + 1 + (semicolon ? semicolon[0].length : 0);
}
