import {join} from "node:path";
import {BUILTINS, isBuiltin, type BuiltinSource} from "../client/stdlib/builtins.js";
import type {CellImport} from "./analyze-cell.js";
import type {CompiledCell, CompiledPage} from "./compile-page.js";
import {LOOP_GUARD} from "./loop-guard.js";

/** The data the client runtime needs for one cell (everything but the body function). */
export interface CellDefinition {
  id: string;
  line: number;
  inline: boolean;
  inputs: string[];
  outputs: string[];
  expression: boolean;
  generator: boolean;
  /** The cell only imports modules: it runs none of their code, so it need not wait for TensorFlow.js's backend. */
  importsOnly: boolean;
  errors: CompiledCell["errors"];
}

/**
 * The JavaScript entry module of a page: each cell becomes a function of its inputs, and the page is
 * handed to the client runtime. Imports become dynamic imports inside their cell so that a missing
 * module fails that cell only; esbuild still bundles them.
 */
export function emitPageModule(page: CompiledPage, clientPath: string): string {
  const cells = page.cells.map((cell) => {
    const definition: CellDefinition = {
      id: cell.id,
      line: cell.line,
      inline: cell.inline,
      inputs: cell.inputs,
      outputs: cell.outputs,
      expression: cell.expression,
      generator: cell.generator,
      importsOnly: cell.imports.length > 0 && !cell.body.trim(),
      errors: cell.errors
    };
    if (cell.errors.length) return `  {...${JSON.stringify(definition)}, body: null}`;
    // A cell that runs code of its own besides importing may wait (for tf, for its turn) before its body runs: the
    // page starts loading its modules sooner (`loadImports`, the same import as its body's).
    const load =
      cell.imports.length && !definition.importsOnly ? `loadImports: () => import(${importsSpecifier(cell)}), ` : "";
    // Probes on either side of the body: their stack positions say where the cell's code lies (late errors).
    return `  {...${JSON.stringify(definition)}, ${load}codeStart: () => new Error(), body: ${emitFunction(cell)}, codeEnd: () => new Error()}`;
  });
  const guard = page.loopGuardMs ? [`const ${LOOP_GUARD} = createLoopGuard(${page.loopGuardMs});`] : [];
  const builtins = emitBuiltins(page, clientPath);
  return [
    `import {startPage${guard.length ? ", createLoopGuard" : ""}} from ${JSON.stringify(clientPath)};`,
    ...builtins.imports,
    ...guard,
    `startPage({`,
    `  usesTf: ${usesTf(page)},`,
    `  builtins: ${builtins.loaders},`,
    ...(page.errors?.length ? [`  errors: ${JSON.stringify(page.errors)},`] : []),
    `  cells: [\n${cells.join(",\n")}\n  ]`,
    `});`,
    ``
  ].join("\n");
}

function emitFunction(cell: CompiledCell): string {
  const head = `${cell.async || cell.generator ? "async " : ""}function${cell.generator ? "*" : ""}`;
  const imports = emitImports(cell);
  const result = cell.outputs.length && !cell.expression ? `\nreturn {${cell.outputs.join(", ")}};` : "";
  return `${head}(${cell.inputs.join(", ")}) {\n${imports}${imports ? "\n" : ""}${cell.body}${result}\n}`;
}

/** The name holding a cell's imported modules inside its function (reserved, as the loop guard's is). */
const MODULES = "__courantModules";

/**
 * The specifier of one module that gathers a cell's imports (`cellImportsModule`; the bundler resolves it): one
 * dynamic import per cell rather than one per module, so a page has fewer entries and its bundle fewer chunks.
 */
export const CELL_IMPORTS = "courant-cell-imports:";

/** A cell's imports, all loaded at once (one dynamic import of the cell's module), then bound to its names. */
function emitImports(cell: CompiledCell): string {
  if (!cell.imports.length) return "";
  const load = `(await import(${importsSpecifier(cell)})).default`;
  return [`const ${MODULES} = ${load};`, ...cell.imports.map(emitBindings)].join("\n");
}

const importsSpecifier = (cell: CompiledCell) => JSON.stringify(CELL_IMPORTS + cell.id);

/**
 * The module behind a cell's `CELL_IMPORTS` specifier: its imported modules' namespaces, in order. A module that
 * cannot be found fails it (and so the cell) when it loads, as the cell's own dynamic import would.
 */
export function cellImportsModule(imports: CellImport[]): string {
  const lines = imports.map(({source}, i) => `import * as m${i} from ${JSON.stringify(source)};`);
  return [...lines, `export default [${imports.map((_, i) => `m${i}`).join(", ")}];`, ""].join("\n");
}

function emitBindings({specifiers}: CellImport, index: number): string {
  const module = `${MODULES}[${index}]`;
  const namespace = specifiers.find((s) => s.imported === "*");
  const named = specifiers.filter((s) => s.imported !== "*");
  const lines: string[] = [];
  if (named.length || !namespace) {
    const parts = named.map((s) => (s.imported === s.local ? s.local : `${JSON.stringify(s.imported)}: ${s.local}`));
    lines.push(`const {${parts.join(", ")}} = ${module};`);
  }
  if (namespace) lines.push(`const ${namespace.local} = ${module};`);
  return lines.join("\n");
}

/**
 * Loaders of the builtins the page's cells read and no cell declares (a cell's own declaration wins), each from its
 * stdlib module: a page downloads only the builtins it uses, and a build bundles only those. Most are dynamic
 * imports; the small ones marked `withPage` come with the page's script (static imports, one per module).
 */
function emitBuiltins(page: CompiledPage, clientPath: string): {imports: string[]; loaders: string} {
  const declared = new Set(page.cells.flatMap((cell) => cell.outputs));
  const used = new Set(page.cells.flatMap((cell) => cell.inputs).filter((name) => !declared.has(name)));
  const withPage = new Map<string, string>(); // stdlib module → the page module's name for it
  const loaders = [...used]
    .filter(isBuiltin)
    .sort()
    .flatMap((name) => {
      const source: BuiltinSource = BUILTINS[name];
      if (source.from !== "module") return [];
      const module = JSON.stringify(join(clientPath, "..", "stdlib", `${source.module}.ts`));
      const value = (m: string) => `${m}.${name}${source.call ? "()" : ""}`;
      if (!source.withPage) return [`    ${name}: () => import(${module}).then((m) => ${value("m")})`];
      if (!withPage.has(module)) withPage.set(module, `__courantBuiltins${withPage.size}`);
      return [`    ${name}: () => ${value(withPage.get(module)!)}`];
    });
  return {
    imports: [...withPage].map(([module, local]) => `import * as ${local} from ${module};`),
    loaders: loaders.length ? `{\n${loaders.join(",\n")}\n  }` : "{}"
  };
}

/** A page that touches TensorFlow.js gets its backend initialised before any cell runs. */
export function usesTf(page: CompiledPage): boolean {
  return page.cells.some(
    (cell) =>
      cell.inputs.includes("tf") ||
      cell.imports.some((i) => i.source.startsWith("@tensorflow/") || /(^|\/)cells\//.test(i.source))
  );
}
