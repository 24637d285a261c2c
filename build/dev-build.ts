/**
 * The dev server's builds: one esbuild context kept across saves (incremental: only what changed is parsed
 * again), writing into the served folder. esbuild writes nothing when it fails, and pages are written only after
 * it succeeded, so a failed build leaves the last good one served. Each build reports what changed since the
 * previous one, page by page, for hot updates.
 */
import * as esbuild from "esbuild";
import {rmSync} from "node:fs";
import {join, relative, sep} from "node:path";
import {ASSETS, bundleOptions, bundleOutputs, copyWasm, type BuiltPage} from "./bundle.js";
import {compileSource, copyStaticFiles, publishedFiles, writePages} from "./build-site.js";
import {findSources} from "./find-pages.js";

export interface DevBuildOptions {
  pagesDir: string;
  outDir: string;
  extraHead: string;
}

/** A page of the last build, as the browser addresses it. */
export interface ServedPage {
  source: string;
  /** The page's URL path, e.g. `/essays/rnn.html`. */
  path: string;
  /** Its script's URL path (content-hashed: a new path means new code). */
  script: string;
  /** Its HTML, to tell prose edits apart. */
  html: string;
}

export interface DevBuild {
  pages: BuiltPage[];
  served: ServedPage[];
  style: string;
  /** Pages whose script or HTML differ from the previous build (all of them the first time). */
  changed: ServedPage[];
  /** Pages of the previous build that are gone. */
  removed: string[];
  styleChanged: boolean;
}

export class DevBuilder {
  private context: esbuild.BuildContext | null = null;
  private entries = "";
  private pages: BuiltPage[] = [];
  private previous = new Map<string, ServedPage>();
  private previousStyle = "";
  /** The static files copied by the last build. */
  private files: string[] = [];
  private servedFiles = new Set<string>();

  constructor(private readonly options: DevBuildOptions) {
    copyWasm(options.outDir);
  }

  async rebuild(): Promise<DevBuild> {
    const {pagesDir, outDir, extraHead} = this.options;
    const {pages: sources, files} = findSources(pagesDir);
    this.pages = sources.map((source) => compileSource(pagesDir, source, true));
    // The entry points are fixed per context: a page added or removed needs a new one.
    const entries = sources.join("\n");
    if (!this.context || entries !== this.entries) {
      await this.context?.dispose();
      this.context = await esbuild.context(bundleOptions({pagesDir, outDir, dev: true, pages: () => this.pages}));
      this.entries = entries;
    }
    const result = await this.context.rebuild();
    const outputs = bundleOutputs(result.metafile!);
    const html = writePages(this.pages, outputs, outDir, extraHead);
    const published = publishedFiles(pagesDir, files, result.metafile!);
    copyStaticFiles(pagesDir, published, outDir);
    for (const file of this.files) if (!published.includes(file)) rmSync(join(outDir, file), {force: true}); // gone
    this.files = published;
    this.servedFiles = new Set(published.map((file) => file.split(sep).join("/")));

    const urlPath = (file: string) => "/" + relative(outDir, file).split("\\").join("/");
    const served = this.pages.map((page) => ({
      source: page.source,
      path: "/" + page.html.split("\\").join("/"),
      script: urlPath(outputs.scriptOf(page)),
      html: html.get(page.source)!
    }));
    const changed = served.filter((page) => {
      const before = this.previous.get(page.source);
      return !before || before.script !== page.script || before.html !== page.html;
    });
    const removed = [...this.previous.keys()].filter((source) => !sources.includes(source));
    for (const source of removed) rmSync(join(outDir, this.previous.get(source)!.path), {force: true});
    const style = urlPath(outputs.style);
    const styleChanged = style !== this.previousStyle;
    this.previous = new Map(served.map((page) => [page.source, page]));
    this.previousStyle = style;
    return {pages: this.pages, served, style, changed, removed, styleChanged};
  }

  /** The static files next to the pages, as of the last build (paths relative to the pages, forward slashes). */
  staticFiles(): ReadonlySet<string> {
    return this.servedFiles;
  }

  async dispose() {
    await this.context?.dispose();
    this.context = null;
  }
}

export {ASSETS};
