/**
 * The esbuild side of a build, shared by `courant build` (one build) and `courant dev` (an incremental context):
 * page entries compiled from Markdown, the client runtime and its stylesheet, shared chunks (so tfjs loads
 * once), workers, and the tfjs wasm binaries.
 */
import * as esbuild from "esbuild";
import {copyFileSync, mkdirSync, readdirSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import type {CompiledPage} from "../engine/compiler/compile-page.js";
import {CELL_IMPORTS, cellImportsModule, emitPageModule, usesTf} from "../engine/compiler/emit-module.js";
import {npmPlugin} from "./npm-plugin.js";
import {modulePreloads} from "./module-preloads.js";
import {workerPlugin} from "./worker-plugin.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const clientEntry = join(root, "engine/client/page.ts");
/** `@tensorflow/tfjs` without the converter and data packages that nothing uses (see the file). */
const tfjsLean = join(root, "engine/client/tfjs-lean.ts");
/** The tfjs wasm backend with kernels that do not copy their whole input (see the file). */
const tfjsWasm = join(root, "engine/client/tfjs-wasm.ts");
/** The module that loads tfjs in stages on a page that uses tf: the stages, its dynamic imports, are preloaded. */
const tfLoader = join(root, "engine/client/stdlib/tf.ts");
const styleEntry = join(root, "engine/client/index.css");
const require = createRequire(import.meta.url);
// Resolved as Node resolves it, so that an installed Courant finds the binaries wherever npm put the package.
const wasmDir = dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
export const ASSETS = "_courant";

export interface BuiltPage {
  /** Page source, relative to pagesDir. */
  source: string;
  /** HTML file, relative to outDir. */
  html: string;
  compiled: CompiledPage;
}

export interface BundleOptions {
  pagesDir: string;
  /** The site's folder; assets go to its `_courant` folder. */
  outDir: string;
  dev: boolean;
  /** The pages as they are now (a dev context reads them again at each rebuild). */
  pages: () => BuiltPage[];
}

const entryFor = (page: BuiltPage) => `page-${page.source.replace(/\.md$/, "").replace(/[^\w-]+/g, "-")}`;

export function bundleOptions({pagesDir, outDir, dev, pages}: BundleOptions): esbuild.BuildOptions {
  const assetsDir = join(outDir, ASSETS);
  // The wasm backend's Emscripten glue mentions Node modules it never loads in a browser.
  const external = ["fs", "path", "os", "crypto", "worker_threads", "perf_hooks"];
  return {
    entryPoints: [
      ...pages().map((page) => ({in: `courant-page:${page.source}`, out: entryFor(page)})),
      {in: styleEntry, out: "style"}
    ],
    outdir: assetsDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: !dev,
    sourcemap: dev ? "linked" : false,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    metafile: true,
    logLevel: "silent",
    external,
    define: {"process.env.NODE_ENV": dev ? '"development"' : '"production"'},
    alias: {"@tensorflow/tfjs": tfjsLean},
    plugins: [
      tfjsWasmPlugin(),
      pagesPlugin(pagesDir, pages),
      inspectorStylePlugin(),
      npmPlugin(),
      workerPlugin({outDir: assetsDir})
    ]
  };
}

/** `@tensorflow/tfjs-backend-wasm` is engine/client/tfjs-wasm.ts, but for that file itself (it imports the package). */
function tfjsWasmPlugin(): esbuild.Plugin {
  return {
    name: "courant-tfjs-wasm",
    setup(build) {
      build.onResolve({filter: /^@tensorflow\/tfjs-backend-wasm$/}, (args) =>
        resolve(args.importer) === tfjsWasm ? undefined : {path: tfjsWasm}
      );
    }
  };
}

/** What a bundle produced: each page's script and the stylesheet, as absolute paths. */
export interface BundleOutputs {
  scriptOf(page: BuiltPage): string;
  /** The modules the page's script imports at once (see module-preloads.ts). */
  preloadsOf(page: BuiltPage): string[];
  style: string;
}

export function bundleOutputs(metafile: esbuild.Metafile): BundleOutputs {
  const outputs = Object.entries(metafile.outputs);
  const style = outputs.find(([file, meta]) => file.endsWith(".css") && meta.entryPoint?.endsWith("index.css"))?.[0];
  return {
    scriptOf(page) {
      const script = outputs.find(([, meta]) => meta.entryPoint === `courant-page:${page.source}`)?.[0];
      if (!script) throw new Error(`esbuild wrote no script for ${page.source}`);
      return resolve(script);
    },
    preloadsOf(page) {
      return modulePreloads(metafile, this.scriptOf(page), usesTf(page.compiled) ? tfStages(metafile) : []);
    },
    style: resolve(style!)
  };
}

/** What engine/client/stdlib/tf.ts imports, one after the other, as esbuild resolved them (in its order). */
function tfStages(metafile: esbuild.Metafile): string[] {
  const loader = Object.entries(metafile.inputs).find(([file]) => resolve(file) === tfLoader)?.[1];
  return (loader?.imports ?? []).filter(({kind}) => kind === "dynamic-import").map(({path}) => path);
}

export function copyWasm(outDir: string) {
  const target = join(outDir, ASSETS, "wasm");
  mkdirSync(target, {recursive: true});
  for (const file of readdirSync(wasmDir))
    if (file.endsWith(".wasm")) copyFileSync(join(wasmDir, file), join(target, file));
}

/**
 * The inspector's stylesheet, which its package's `exports` map does not list: found next to its module, wherever
 * npm installed it (in this repository or in an author's project).
 */
function inspectorStylePlugin(): esbuild.Plugin {
  const path = join(dirname(require.resolve("@observablehq/inspector")), "../dist/inspector.css");
  return {
    name: "courant-inspector-style",
    setup(build) {
      build.onResolve({filter: /^@observablehq\/inspector\/dist\/inspector\.css$/}, () => ({path}));
    }
  };
}

/** Virtual page entries; imports that cannot be resolved fail their cell at run time, not the build. */
function pagesPlugin(pagesDir: string, pages: () => BuiltPage[]): esbuild.Plugin {
  return {
    name: "courant-pages",
    setup(build) {
      build.onResolve({filter: /^courant-page:/}, (args) => ({
        path: args.path.slice("courant-page:".length),
        namespace: "courant-page"
      }));
      build.onLoad({filter: /.*/, namespace: "courant-page"}, (args) => {
        const page = pages().find((p) => p.source === args.path)!;
        return {
          contents: emitPageModule(page.compiled, clientEntry),
          loader: "js",
          resolveDir: dirname(join(pagesDir, page.source)),
          // A dev context rebuilds a page entry when its Markdown changes.
          watchFiles: [join(pagesDir, page.source)]
        };
      });
      // One module per cell gathers the cell's imports (emit-module.ts): `page.md#cellId`.
      build.onResolve({filter: new RegExp(`^${CELL_IMPORTS}`), namespace: "courant-page"}, (args) => ({
        path: `${args.importer}#${args.path.slice(CELL_IMPORTS.length)}`,
        namespace: "courant-cell-imports"
      }));
      build.onLoad({filter: /.*/, namespace: "courant-cell-imports"}, (args) => {
        const [source, cellId] = args.path.split("#");
        const cell = pages()
          .find((p) => p.source === source)!
          .compiled.cells.find((c) => c.id === cellId)!;
        const page = join(pagesDir, source);
        // Read again, as the page entry is, when the page changes (a dev context).
        return {contents: cellImportsModule(cell.imports), loader: "js", resolveDir: dirname(page), watchFiles: [page]};
      });
      const resolveOrMissing = async (args: esbuild.OnResolveArgs): Promise<esbuild.OnResolveResult | undefined> => {
        if (args.pluginData?.courantRetry) return undefined;
        const found = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: {courantRetry: true}
        });
        if (found.errors.length) return {path: args.path, namespace: "courant-missing"};
        return {path: found.path, external: found.external, namespace: found.namespace, sideEffects: found.sideEffects};
      };
      build.onResolve({filter: /.*/, namespace: "courant-page"}, resolveOrMissing);
      build.onResolve({filter: /.*/, namespace: "courant-cell-imports"}, resolveOrMissing);
      build.onLoad({filter: /.*/, namespace: "courant-missing"}, (args) => ({
        contents: `throw new Error(${JSON.stringify(`Cannot find module "${args.path}"`)});`,
        loader: "js"
      }));
    }
  };
}
