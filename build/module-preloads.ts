import type * as esbuild from "esbuild";
import {resolve} from "node:path";

/**
 * The modules a page's script will import as soon as it runs, for `<link rel="modulepreload">`: its static imports
 * with theirs, then the sources named in `also` (the page client's TensorFlow.js setup, which it imports as soon as
 * it starts on a page that uses tf) with theirs. Preloaded, they download in parallel with the page script instead
 * of one level of imports after another. The cells' modules (the compiler turns a cell's `import` declarations into
 * one dynamic import of the page script) are not preloaded: the script asks for them as soon as it runs, and
 * preloading them too (Plot, a page's own modules) made their download and compilation compete with the page's
 * first layout and its script — on two cores the controls came ~120 ms later and the first epoch no sooner.
 * Absolute paths.
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
  // In this order: the script's static imports, then the `also` sources.
  for (const {path, kind} of imports) if (kind === "import-statement") addWithStaticImports(resolve(path));
  for (const [file] of alsoOutputs) addWithStaticImports(file);
  found.delete(entry);
  return [...found].filter((file) => file.endsWith(".js"));
}
