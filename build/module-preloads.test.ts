import type * as esbuild from "esbuild";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {modulePreloads} from "./module-preloads.js";

type Import = {path: string; kind: esbuild.ImportKind};
const output = (imports: Import[], entryPoint?: string) => ({bytes: 1, inputs: {}, exports: [], imports, entryPoint});
const stat = (path: string): Import => ({path, kind: "import-statement"});
const dyn = (path: string): Import => ({path, kind: "dynamic-import"});

/** page → client (static) → tf-backend (dynamic, → tfjs); page → cell module (dynamic, → plot); plot → d3 (dynamic). */
const metafile = {
  inputs: {},
  outputs: {
    "dist/page.js": output([stat("dist/client.js"), dyn("dist/cell.js")], "courant-page:index.md"),
    "dist/client.js": output([dyn("dist/tf-backend.js")]),
    "dist/tf-backend.js": output([stat("dist/tfjs.js")], "engine/client/tf-backend.ts"),
    "dist/tfjs.js": output([]),
    "dist/cell.js": output([stat("dist/plot.js")], "cells/chart.ts"),
    "dist/plot.js": output([dyn("dist/d3.js")]),
    "dist/d3.js": output([])
  }
} as unknown as esbuild.Metafile;
const names = (files: string[]) => files.map((file) => file.slice(resolve("dist").length + 1));

describe("module preloads", () => {
  it("lists the script's static imports with theirs, not its cells' modules nor deeper dynamic imports", () => {
    expect(names(modulePreloads(metafile, "dist/page.js"))).toEqual(["client.js"]);
  });

  it("adds the sources named in `also` with their static imports, after the script's", () => {
    expect(names(modulePreloads(metafile, "dist/page.js", ["engine/client/tf-backend.ts"]))).toEqual([
      "client.js",
      "tf-backend.js",
      "tfjs.js"
    ]);
  });
});
