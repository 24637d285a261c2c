import type * as esbuild from "esbuild";
import {resolve} from "node:path";

/**
 * The modules a page's script will import as soon as it runs, for `<link rel="modulepreload">`: its static imports,
 * and the modules its cells import (the compiler turns a cell's `import` declarations into one dynamic import of the
 * page script, so that a missing module fails only its cell) with their static imports in turn. Preloaded, they
 * download in parallel with the page script instead of one level of imports after another. Deeper dynamic imports
 * (a module that loads another on demand) are left to load when asked for, except the sources named in `also`
 * (the page client's TensorFlow.js setup, which it imports as soon as it starts on a page that uses tf): they come
 * right after the script's static imports, ahead of the cells' modules. Absolute paths.
 */
export function modulePreloads(metafile: esbuild.Metafile, script: string, also: string[] = []): string[] {
  const outputs = new Map(Object.entries(metafile.outputs).map(([file, meta]) => [resolve(file), meta]));
  const found = new Set<string>();
  const addWithStaticImports = (file: string) => {
    if (found.has(file) || !outputs.has(file)) return;
    found.add(file);
    for (const {path, kind} of outputs.get(file)!.imports)
      if (kind === "import-statement") addWithStaticImports(resolve(path));
  };
  const entry = resolve(script);
  const imports = outputs.get(entry)?.imports ?? [];
  const wanted = new Set(also.map((source) => resolve(source)));
  const alsoOutputs = [...outputs].filter(([, meta]) => meta.entryPoint && wanted.has(resolve(meta.entryPoint)));
  // In this order: the script's static imports, the `also` sources, the cells' modules.
  for (const {path, kind} of imports) if (kind === "import-statement") addWithStaticImports(resolve(path));
  for (const [file] of alsoOutputs) addWithStaticImports(file);
  for (const {path, kind} of imports) if (kind === "dynamic-import") addWithStaticImports(resolve(path));
  found.delete(entry);
  return [...found].filter((file) => file.endsWith(".js"));
}
