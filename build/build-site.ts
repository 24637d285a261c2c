import * as esbuild from "esbuild";
import {copyFileSync, mkdirSync, readFileSync, readdirSync, realpathSync, writeFileSync} from "node:fs";
import {dirname, join, relative, resolve, sep} from "node:path";
import {createRequire} from "node:module";
import {fileURLToPath} from "node:url";
import {compilePage, type CompiledPage} from "../engine/compiler/compile-page.js";
import {emitPageModule} from "../engine/compiler/emit-module.js";
import {findSources} from "./find-pages.js";
import {OutputFolderError, refusalOf, writeStaged} from "./output-folder.js";
import {pageHtml} from "./page-html.js";
import {workerPlugin} from "./worker-plugin.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const clientEntry = join(root, "engine/client/page.ts");
const styleEntry = join(root, "engine/client/index.css");
// Resolved as Node resolves it, so that an installed Courant finds the binaries wherever npm put the package.
const wasmDir = dirname(createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm"));
export const ASSETS = "_courant";

export interface BuildOptions {
  pagesDir: string;
  outDir: string;
  /** Development builds skip minification and add `extraHead` (the reload client) to each page. */
  dev?: boolean;
  extraHead?: string;
  /** Refuse to write anything when a page has a compile error (`courant build`); dev shows them on their cells. */
  strict?: boolean;
}

export interface BuiltPage {
  /** Page source, relative to pagesDir. */
  source: string;
  /** HTML file, relative to outDir. */
  html: string;
  compiled: CompiledPage;
}

/** A compile error at its page position, as the CLI prints it: `file:line:col: message`. */
export interface PageError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export class CompileErrors extends Error {
  constructor(readonly errors: PageError[]) {
    super(`${errors.length} compile error(s); nothing was written`);
    this.name = "CompileErrors";
  }
}

export function compileErrorsOf(pagesDir: string, pages: BuiltPage[]): PageError[] {
  return pages.flatMap((page) =>
    page.compiled.cells.flatMap((cell) =>
      cell.errors.map((e) => ({file: join(pagesDir, page.source), line: e.line, column: e.column, message: e.message}))
    )
  );
}

export const formatPageError = (e: PageError) => `${e.file}:${e.line}:${e.column + 1}: ${e.message}`;

/**
 * Compiles every page, bundles cells with esbuild (shared chunks, so tfjs loads once), copies the static files
 * next to the pages, and swaps the new site in place of the old one only once all of it is written.
 */
export async function buildSite(options: BuildOptions): Promise<BuiltPage[]> {
  const {pagesDir, outDir, strict = false} = options;
  const refusal = refusalOf({outDir, pagesDir});
  if (refusal) throw new OutputFolderError(refusal);
  const {pages: sources, files} = findSources(pagesDir);
  const pages: BuiltPage[] = sources.map((source) => ({
    source,
    html: source.replace(/\.md$/, ".html"),
    compiled: compilePage(readFileSync(join(pagesDir, source), "utf8"))
  }));
  if (strict) {
    const errors = compileErrorsOf(pagesDir, pages);
    if (errors.length) throw new CompileErrors(errors);
  }
  return writeStaged(outDir, async (stagingDir) => {
    await writeSite({...options, outDir: stagingDir}, pages);
    copyStaticFiles(pagesDir, files, stagingDir);
    return pages;
  });
}

const entryFor = (page: BuiltPage) => `page-${page.source.replace(/\.md$/, "").replace(/[^\w-]+/g, "-")}`;

async function writeSite({pagesDir, outDir, dev = false, extraHead = ""}: BuildOptions, pages: BuiltPage[]) {
  const assetsDir = join(outDir, ASSETS);
  // The wasm backend's Emscripten glue mentions Node modules it never loads in a browser.
  const external = ["fs", "path", "os", "crypto", "worker_threads", "perf_hooks"];
  const result = await esbuild.build({
    entryPoints: [
      ...pages.map((page) => ({in: `courant-page:${page.source}`, out: entryFor(page)})),
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
    plugins: [pagesPlugin(pagesDir, pages), inspectorStylePlugin(), workerPlugin({outDir: assetsDir, dev, external})]
  });

  const outputs = Object.entries(result.metafile!.outputs);
  const outputOf = (entry: string) => outputs.find(([, meta]) => meta.entryPoint === entry)?.[0];
  const style = outputs.find(([file, meta]) => file.endsWith(".css") && meta.entryPoint?.endsWith("index.css"))?.[0];
  mkdirSync(join(assetsDir, "wasm"), {recursive: true});
  for (const file of readdirSync(wasmDir)) if (file.endsWith(".wasm")) copyFileSync(join(wasmDir, file), join(assetsDir, "wasm", file));

  for (const page of pages) {
    const script = outputOf(`courant-page:${page.source}`);
    const htmlPath = join(outDir, page.html);
    const fromPage = (file: string) => relative(dirname(htmlPath), resolve(file)).split("\\").join("/");
    mkdirSync(dirname(htmlPath), {recursive: true});
    writeFileSync(htmlPath, pageHtml(page.compiled, {
      script: fromPage(script!),
      style: fromPage(style!),
      home: relative(dirname(htmlPath), join(outDir, "index.html")) || "index.html"
    }, extraHead));
  }
}

/** Files next to the pages, at the same relative paths; a symlink that leads outside the pages folder is skipped. */
function copyStaticFiles(pagesDir: string, files: string[], outDir: string) {
  const root = realpathSync(pagesDir);
  for (const file of files) {
    const real = realpathSync(join(pagesDir, file));
    if (!real.startsWith(root + sep)) {
      console.warn(`courant: not copying ${join(pagesDir, file)}: it leads outside the pages folder`);
      continue;
    }
    const target = join(outDir, file);
    mkdirSync(dirname(target), {recursive: true});
    copyFileSync(real, target);
  }
}

/**
 * The inspector's stylesheet, which its package's `exports` map does not list: found next to its module, wherever
 * npm installed it (in this repository or in an author's project).
 */
function inspectorStylePlugin(): esbuild.Plugin {
  const path = join(dirname(createRequire(import.meta.url).resolve("@observablehq/inspector")), "../dist/inspector.css");
  return {
    name: "courant-inspector-style",
    setup(build) {
      build.onResolve({filter: /^@observablehq\/inspector\/dist\/inspector\.css$/}, () => ({path}));
    }
  };
}

/** Virtual page entries; imports that cannot be resolved fail their cell at run time, not the build. */
function pagesPlugin(pagesDir: string, pages: BuiltPage[]): esbuild.Plugin {
  return {
    name: "courant-pages",
    setup(build) {
      build.onResolve({filter: /^courant-page:/}, (args) => ({path: args.path.slice("courant-page:".length), namespace: "courant-page"}));
      build.onLoad({filter: /.*/, namespace: "courant-page"}, (args) => {
        const page = pages.find((p) => p.source === args.path)!;
        return {contents: emitPageModule(page.compiled, clientEntry), loader: "js", resolveDir: dirname(join(pagesDir, page.source))};
      });
      build.onResolve({filter: /.*/, namespace: "courant-page"}, async (args) => {
        if (args.pluginData?.courantRetry) return undefined;
        const found = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, pluginData: {courantRetry: true}});
        if (found.errors.length) return {path: args.path, namespace: "courant-missing"};
        return {path: found.path, external: found.external, namespace: found.namespace, sideEffects: found.sideEffects};
      });
      build.onLoad({filter: /.*/, namespace: "courant-missing"}, (args) => ({
        contents: `throw new Error(${JSON.stringify(`Cannot find module "${args.path}"`)});`,
        loader: "js"
      }));
    }
  };
}
