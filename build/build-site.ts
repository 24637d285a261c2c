/**
 * `courant build`: compiles every page, bundles it (build/bundle.ts), writes one HTML file per page, copies the
 * files next to the pages, and swaps the new site in place of the old one only once all of it is written.
 */
import * as esbuild from "esbuild";
import {copyFileSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative, resolve, sep} from "node:path";
import {compilePage} from "../engine/compiler/compile-page.js";
import {usesTf} from "../engine/compiler/emit-module.js";
import {ASSETS, bundleOptions, bundleOutputs, copyWasm, type BuiltPage, type BundleOutputs} from "./bundle.js";
import {findSources} from "./find-pages.js";
import {OutputFolderError, refusalOf, writeStaged} from "./output-folder.js";
import {pageHtml} from "./page-html.js";

export {ASSETS, type BuiltPage} from "./bundle.js";

/** A dev build stops a loop that holds the page longer than this (see engine/compiler/loop-guard.ts). */
export const DEV_LOOP_GUARD_MS = 5000;

export interface BuildOptions {
  pagesDir: string;
  outDir: string;
  /** Development builds skip minification, guard loops and add `extraHead` (the reload client) to each page. */
  dev?: boolean;
  extraHead?: string;
  /** Refuse to write anything when a page has a compile error (`courant build`); dev shows them on their cells. */
  strict?: boolean;
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
  return pages.flatMap((page) => {
    const file = join(pagesDir, page.source);
    const cellErrors = page.compiled.cells.flatMap((cell) => cell.errors);
    return [...page.compiled.errors, ...cellErrors].map(({line, column, message}) => ({file, line, column, message}));
  });
}

export const formatPageError = (e: PageError) => `${e.file}:${e.line}:${e.column + 1}: ${e.message}`;

/** Reads and compiles one page (bytes, so that a page that is not UTF-8 is an error rather than garbage). */
export function compileSource(pagesDir: string, source: string, dev: boolean): BuiltPage {
  const bytes = readFileSync(join(pagesDir, source));
  return {
    source,
    html: source.replace(/\.md$/, ".html"),
    compiled: compilePage(bytes, dev ? {loopGuardMs: DEV_LOOP_GUARD_MS} : {})
  };
}

export async function buildSite(options: BuildOptions): Promise<BuiltPage[]> {
  const {pagesDir, outDir, strict = false, dev = false} = options;
  const refusal = refusalOf({outDir, pagesDir});
  if (refusal) throw new OutputFolderError(refusal);
  const {pages: sources, files} = findSources(pagesDir);
  const pages = sources.map((source) => compileSource(pagesDir, source, dev));
  if (strict) {
    const errors = compileErrorsOf(pagesDir, pages);
    if (errors.length) throw new CompileErrors(errors);
  }
  return writeStaged(outDir, async (stagingDir) => {
    const result = await esbuild.build(bundleOptions({pagesDir, outDir: stagingDir, dev, pages: () => pages}));
    copyWasm(stagingDir);
    writePages(pages, bundleOutputs(result.metafile!), stagingDir, options.extraHead);
    copyStaticFiles(pagesDir, publishedFiles(pagesDir, files, result.metafile!), stagingDir);
    return pages;
  });
}

/** The wasm backend's binary where the browser has WebAssembly SIMD and no threads (a page not cross-origin isolated). */
const TF_WASM_SIMD = "tfjs-backend-wasm-simd.wasm";

/**
 * One HTML file per page, its asset URLs relative to it (so the site works under any sub-path). Returns each page's
 * HTML by source.
 */
export function writePages(
  pages: BuiltPage[],
  outputs: BundleOutputs,
  outDir: string,
  extraHead = ""
): Map<string, string> {
  const written = new Map<string, string>();
  for (const page of pages) {
    const htmlPath = join(outDir, page.html);
    const fromPage = (file: string) => relative(dirname(htmlPath), file).split("\\").join("/");
    mkdirSync(dirname(htmlPath), {recursive: true});
    const assets = {
      script: fromPage(outputs.scriptOf(page)),
      preload: outputs.preloadsOf(page).map(fromPage),
      // TensorFlow.js takes wasm where WebAssembly SIMD is (engine/client/tf-backend.ts): its binary downloads at once.
      fetches: usesTf(page.compiled) ? [fromPage(join(outDir, ASSETS, "wasm", TF_WASM_SIMD))] : [],
      style: fromPage(outputs.style),
      home: relative(dirname(htmlPath), join(outDir, "index.html")) || "index.html"
    };
    const html = pageHtml(page.compiled, assets, extraHead);
    writeFileSync(htmlPath, html);
    written.set(page.source, html);
  }
  return written;
}

/** The files next to the pages but the modules the pages import (bundled, so their sources are not published). */
export function publishedFiles(pagesDir: string, files: string[], metafile: esbuild.Metafile): string[] {
  const bundled = new Set(Object.keys(metafile.inputs).map((input) => resolve(input)));
  return files.filter((file) => !bundled.has(resolve(pagesDir, file)));
}

/** Files next to the pages, at the same relative paths; a symlink that leads outside the pages folder is skipped. */
export function copyStaticFiles(pagesDir: string, files: string[], outDir: string) {
  const root = realpathSync(pagesDir);
  for (const file of files) {
    const real = realpathSync(join(pagesDir, file));
    if (!real.startsWith(root + sep)) {
      console.warn(`courant: not copying ${join(pagesDir, file)}: it leads outside the pages folder`);
      continue;
    }
    const target = join(outDir, file);
    const source = statSync(real);
    const copied = statSync(target, {throwIfNoEntry: false});
    // Dev copies into the same folder at every save: a file copied since its last change stays as it is.
    if (copied && copied.size === source.size && copied.mtimeMs >= source.mtimeMs) continue;
    mkdirSync(dirname(target), {recursive: true});
    copyFileSync(real, target);
  }
}
