import * as esbuild from "esbuild";
import {copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {compilePage, type CompiledPage} from "../engine/compiler/compile-page.js";
import {emitPageModule} from "../engine/compiler/emit-module.js";
import {findPages} from "./find-pages.js";
import {pageHtml} from "./page-html.js";
import {workerPlugin} from "./worker-plugin.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const clientEntry = join(root, "engine/client/page.ts");
const styleEntry = join(root, "engine/client/index.css");
const wasmDir = join(root, "node_modules/@tensorflow/tfjs-backend-wasm/dist");
export const ASSETS = "_courant";

export interface BuildOptions {
  pagesDir: string;
  outDir: string;
  /** Development builds skip minification and add `extraHead` (the reload client) to each page. */
  dev?: boolean;
  extraHead?: string;
}

export interface BuiltPage {
  /** Page source, relative to pagesDir. */
  source: string;
  /** HTML file, relative to outDir. */
  html: string;
  compiled: CompiledPage;
}

/** Compiles every page, bundles cells with esbuild (shared chunks, so tfjs loads once) and writes the site. */
export async function buildSite({pagesDir, outDir, dev = false, extraHead = ""}: BuildOptions): Promise<BuiltPage[]> {
  const sources = findPages(pagesDir);
  const pages = sources.map((source) => ({
    source,
    html: source.replace(/\.md$/, ".html"),
    compiled: compilePage(readFileSync(join(pagesDir, source), "utf8"))
  }));
  const entryFor = (page: BuiltPage) => `page-${page.source.replace(/\.md$/, "").replace(/[^\w-]+/g, "-")}`;

  rmSync(outDir, {recursive: true, force: true});
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
    plugins: [pagesPlugin(pagesDir, pages), workerPlugin({outDir: assetsDir, dev, external})]
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
  return pages;
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
