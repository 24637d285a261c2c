import type * as esbuild from "esbuild";
import {mkdirSync, writeFileSync} from "node:fs";
import {basename, join, resolve} from "node:path";

/**
 * `import url from "./some-worker.ts?worker"`: the import's default export is the URL of a Web Worker script
 * (a module worker) running that module. The module is bundled in the same build as the pages: esbuild makes
 * it a chunk of its own (a dynamic import that never runs asks for that), so the worker imports the very files
 * the page does — shared chunks are fetched once, and a worker's dynamic imports (tfjs, say) load only when
 * it needs them. After the build, a small stable-named script (`some-worker.js`) imports that chunk: the page
 * points at it, since the chunk's hashed name is known only once the build is done.
 */
export function workerPlugin({outDir}: {outDir: string}): esbuild.Plugin {
  return {
    name: "courant-worker",
    setup(build) {
      /** Worker module path → its stable script name, for this build. */
      const workers = new Map<string, string>();
      const workingDir = build.initialOptions.absWorkingDir ?? process.cwd();
      build.onStart(() => workers.clear());
      build.onResolve({filter: /\?worker$/}, (args) => ({
        path: resolve(args.resolveDir, args.path.slice(0, -"?worker".length)),
        namespace: "courant-worker"
      }));
      build.onLoad({filter: /.*/, namespace: "courant-worker"}, (args) => {
        const script = `${basename(args.path).replace(/\.[cm]?[jt]sx?$/, "")}.js`;
        const other = [...workers].find(([path, name]) => name === script && path !== args.path);
        if (other) return {errors: [{text: `two workers would be named ${script}: ${other[0]} and ${args.path}`}]};
        workers.set(args.path, script);
        return {
          contents: [
            `export default new URL(${JSON.stringify("./" + script)}, import.meta.url).href;`,
            // Never called: it makes esbuild bundle the worker module as a chunk of this build.
            `export const bundleWorker = () => import(${JSON.stringify(args.path)});`
          ].join("\n"),
          loader: "js",
          resolveDir: workingDir
        };
      });
      build.onEnd((result) => {
        if (!result.metafile || result.errors.length) return;
        const outputs = Object.entries(result.metafile.outputs);
        for (const [path, script] of workers) {
          const chunk = outputs.find(
            ([file, meta]) => file.endsWith(".js") && meta.entryPoint && resolve(workingDir, meta.entryPoint) === path
          );
          if (!chunk) throw new Error(`esbuild made no chunk for the worker ${path}`);
          mkdirSync(outDir, {recursive: true});
          writeFileSync(join(outDir, script), `import ${JSON.stringify("./" + basename(chunk[0]))};\n`);
        }
      });
    }
  };
}
