import type * as esbuild from "esbuild";
import {resolve} from "node:path";

/**
 * The modules a page's script will import as soon as it runs, for `<link rel="modulepreload">`: its static imports,
 * and the modules its cells import (the compiler turns a cell's `import` declarations into dynamic imports of the
 * page script, so that a missing module fails only its cell) with their static imports in turn. Preloaded, they
 * download in parallel with the page script instead of one level of imports after another. Deeper dynamic imports
 * (a module that loads another on demand) are left to load when asked for. Absolute paths.
 */
export function modulePreloads(metafile: esbuild.Metafile, script: string): string[] {
  const outputs = new Map(Object.entries(metafile.outputs).map(([file, meta]) => [resolve(file), meta]));
  const found = new Set<string>();
  const addWithStaticImports = (file: string) => {
    if (found.has(file) || !outputs.has(file)) return;
    found.add(file);
    for (const {path, kind} of outputs.get(file)!.imports)
      if (kind === "import-statement") addWithStaticImports(resolve(path));
  };
  const entry = resolve(script);
  for (const {path, kind} of outputs.get(entry)?.imports ?? []) {
    if (kind === "import-statement" || kind === "dynamic-import") addWithStaticImports(resolve(path));
  }
  found.delete(entry);
  return [...found].filter((file) => file.endsWith(".js"));
}
