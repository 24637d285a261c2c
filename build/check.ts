/**
 * `courant check [dir]`: type-checks every page with the TypeScript compiler (TypeScript 7's native compiler,
 * through its asynchronous programmatic API, the pages' programs as virtual files: dev can run it without
 * blocking its server). Each page is one program in which a
 * cell sees the other cells' outputs with their declared types and the builtins with theirs; errors come back at
 * their position in the Markdown.
 */
import {readFileSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {API} from "typescript/unstable/async";
import {compilePage, type CompiledPage} from "../engine/compiler/compile-page.js";
import {compileMessage} from "../engine/compiler/compile-messages.js";
import {parsePage} from "../engine/compiler/parse-page.js";
import {builtinDeclarations} from "./check-prelude.js";
import {pageProgram, type PageProgram} from "./check-program.js";
import {findPages} from "./find-pages.js";

const courantRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** A type error at its page position (line 1-based, column 0-based), on the cell it belongs to. */
export interface TypeProblem {
  /** The page file, absolute. */
  file: string;
  /** The cell's id (engine/compiler/parse-page.ts), for dev to show the warning on it. */
  cellId: string;
  line: number;
  column: number;
  /** The checker's message, in the page's language (as compile errors are). */
  message: string;
  code: number;
}

export const formatTypeProblem = (p: TypeProblem) => `${p.file}:${p.line}:${p.column + 1}: ${p.message}`;

const COMPILER_OPTIONS = {
  strict: true,
  target: "es2022",
  module: "esnext",
  moduleResolution: "bundler",
  lib: ["es2023", "dom", "dom.iterable"],
  types: [],
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  esModuleInterop: true,
  resolveJsonModule: true
};

/** Type-checks pages (paths relative to `pagesDir`, default: every page); one program per page, one compiler. */
export async function checkPages(pagesDir: string, pages = findPages(pagesDir)): Promise<TypeProblem[]> {
  const root = resolve(pagesDir);
  const virtual = new Map<string, string>();
  const programs: Array<{
    file: string;
    virtualFile: string;
    compiled: CompiledPage;
    program: PageProgram;
    ids: string[];
    langs: string[];
  }> = [];
  const prelude = join(root, "__courant_check__", "builtins.d.ts");
  virtual.set(prelude, builtinDeclarations(courantRoot));
  for (const page of pages) {
    const file = join(root, page);
    const text = readFileSync(file, "utf8");
    const compiled = compilePage(text);
    const sources = parsePage(text.replace(/^\uFEFF/, "")).cells;
    const program = pageProgram(compiled, sources);
    // Next to the page, so that its relative imports resolve as the build resolves them.
    const virtualFile = join(dirname(file), `${basename(page)}.courant-check.ts`);
    virtual.set(virtualFile, program.text);
    const [ids, langs] = [sources.map((s) => s.id), sources.map((s) => s.lang)];
    programs.push({file, virtualFile, compiled, program, ids, langs});
  }
  const config = join(root, "__courant_check__", "tsconfig.json");
  virtual.set(
    config,
    JSON.stringify({
      compilerOptions: COMPILER_OPTIONS,
      files: [prelude, join(courantRoot, "engine/types/observablehq.d.ts"), ...programs.map((p) => p.virtualFile)]
    })
  );

  const folders = new Set([...virtual.keys()].map((path) => dirname(path)));
  const api = new API({
    cwd: root,
    fs: {
      readFile: (path) => virtual.get(path),
      fileExists: (path) => (virtual.has(path) ? true : undefined),
      directoryExists: (path) => (folders.has(path) ? true : undefined)
    }
  });
  try {
    const project = (await api.updateSnapshot({openProjects: [config]})).getProject(config);
    if (!project) throw new Error("courant check: TypeScript did not open the pages' program");
    const problems: TypeProblem[] = [];
    for (const {file, virtualFile, compiled, program, ids, langs} of programs) {
      const diagnostics = [
        ...(await project.program.getSyntacticDiagnostics(virtualFile)),
        ...(await project.program.getSemanticDiagnostics(virtualFile))
      ];
      problems.push(
        ...diagnostics.flatMap((d) => {
          const place = program.locate(d.pos);
          // Courant's own wrapping, and JavaScript cells (which, as in Observable, are not type-checked), say nothing.
          if (!place || compiled.cells[place.cell].errors.length || langs[place.cell] !== "ts") return [];
          const lang = typeof compiled.data.lang === "string" ? compiled.data.lang : undefined;
          const detail = flatten(d);
          const message = compileMessage({kind: "type", names: [], cells: [], detail}, lang);
          return [{file, cellId: ids[place.cell], ...place.position, message, code: d.code}];
        })
      );
    }
    return problems;
  } finally {
    await api.close();
  }
}

function flatten(d: {text: string; messageChain?: readonly {text: string; messageChain?: readonly any[]}[]}): string {
  const chain = (d.messageChain ?? []).map((m) => flatten(m as typeof d));
  return [d.text, ...chain].join(" ");
}
