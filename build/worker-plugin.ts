import * as esbuild from "esbuild";
import {basename, dirname, resolve} from "node:path";

/**
 * `import url from "./some-worker.ts?worker"`: the module is bundled on its own (a Web Worker script, with
 * its own copy of what it imports) into the assets folder under a content hash, and the import's default
 * export is its URL, relative to the importing chunk.
 */
export function workerPlugin({outDir, dev, external}: {outDir: string; dev: boolean; external: string[]}): esbuild.Plugin {
  return {
    name: "courant-worker",
    setup(build) {
      build.onResolve({filter: /\?worker$/}, (args) => ({
        path: resolve(args.resolveDir, args.path.slice(0, -"?worker".length)),
        namespace: "courant-worker"
      }));
      build.onLoad({filter: /.*/, namespace: "courant-worker"}, async (args) => {
        const result = await esbuild.build({
          entryPoints: [args.path],
          outdir: outDir,
          entryNames: `${basename(args.path).replace(/\.[jt]s$/, "")}-[hash]`,
          bundle: true,
          format: "esm",
          platform: "browser",
          target: "es2022",
          minify: !dev,
          sourcemap: dev ? "linked" : false,
          metafile: true,
          logLevel: "silent",
          external
        });
        const output = Object.keys(result.metafile.outputs).find((file) => file.endsWith(".js"))!;
        return {
          contents: `export default new URL(${JSON.stringify("./" + basename(output))}, import.meta.url).href;`,
          loader: "js",
          resolveDir: dirname(args.path),
          watchFiles: Object.keys(result.metafile.inputs).map((input) => resolve(input))
        };
      });
    }
  };
}
