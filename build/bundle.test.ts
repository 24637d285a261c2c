import * as esbuild from "esbuild";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {compileSource} from "./build-site.js";
import {bundleOptions, bundleOutputs} from "./bundle.js";

/** The modules a page that uses tf loads one after the other (engine/client/stdlib/tf.ts), as esbuild names them. */
const tfStageInputs = [
  "node_modules/@tensorflow/tfjs-core/dist/ops/ops.js",
  "node_modules/@tensorflow/tfjs-core/dist/index.js",
  "node_modules/@tensorflow/tfjs-backend-cpu/dist/index.js",
  "node_modules/@tensorflow/tfjs-layers/dist/index.js",
  "engine/client/tf-backend.ts"
];

describe("bundle", () => {
  it("preloads every stage of tfjs's loading on a page that uses tf, and none on a page that does not", async () => {
    const pagesDir = mkdtempSync(join(tmpdir(), "courant-bundle-"));
    writeFileSync(join(pagesDir, "tensors.md"), "# Tensors\n\n```js\nconst t = tf.tensor([1, 2]);\n```\n");
    writeFileSync(join(pagesDir, "prose.md"), "# Prose\n\n```js\nconst n = 21 * 2;\n```\n");
    const pages = ["tensors.md", "prose.md"].map((source) => compileSource(pagesDir, source, false));
    const outDir = join(pagesDir, "site");
    const {metafile} = await esbuild.build(bundleOptions({pagesDir, outDir, dev: false, pages: () => pages}));
    const outputs = bundleOutputs(metafile!);
    // The output that esbuild made the entry of each stage (a dynamic import is a chunk's entry point).
    const stageOutputs = tfStageInputs.map((input) => {
      const found = Object.entries(metafile!.outputs).find(([, meta]) => meta.entryPoint === input);
      expect(found, input).toBeDefined();
      return resolve(found![0]);
    });
    const [tensors, prose] = pages.map((page) => outputs.preloadsOf(page));
    for (const stage of stageOutputs) expect(tensors).toContain(stage);
    for (const stage of stageOutputs) expect(prose).not.toContain(stage);
  }, 60_000);
});
