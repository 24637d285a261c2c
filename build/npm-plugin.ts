import * as esbuild from "esbuild";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";

/** Courant's own folder: packages it ships (d3, Plot, Inputs…) resolve from there when the pages' folder lacks them. */
const courantRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface NpmSpecifier {
  /** The package name, scope included. */
  name: string;
  /** The version range written after `@`, or "" (informative: the installed version is used). */
  range: string;
  /** What follows the name and range, with its leading slash, or "". */
  path: string;
}

/** `npm:@observablehq/plot@0.6/dist/plot.js` → name, range and path; null if it is not an `npm:` specifier. */
export function parseNpmSpecifier(specifier: string): NpmSpecifier | null {
  const match = /^npm:((?:@[^/@]+\/)?[^/@]+)(?:@([^/]*))?(\/.*)?$/.exec(specifier);
  return match ? {name: match[1], range: match[2] ?? "", path: match[3] ?? ""} : null;
}

/**
 * `import … from "npm:d3"`, as Observable writes it: resolved to the installed package (from the importing file's
 * folder, then from Courant's own dependencies). A package that is not installed fails the cells importing it with
 * a message naming what to install; bare specifiers are untouched.
 */
export function npmPlugin(): esbuild.Plugin {
  return {
    name: "courant-npm",
    setup(build) {
      build.onResolve({filter: /^npm:/}, async (args) => {
        const specifier = parseNpmSpecifier(args.path);
        if (!specifier) return {path: args.path, namespace: "courant-npm-missing"};
        for (const resolveDir of [args.resolveDir, courantRoot]) {
          const found = await build.resolve(specifier.name + specifier.path, {kind: args.kind, resolveDir});
          if (!found.errors.length)
            return {path: found.path, namespace: found.namespace, sideEffects: found.sideEffects};
        }
        return {path: args.path, namespace: "courant-npm-missing"};
      });
      // The path alone says what is missing (a plugin that re-resolves this import may drop pluginData).
      build.onLoad({filter: /.*/, namespace: "courant-npm-missing"}, (args) => ({
        contents: `throw new Error(${JSON.stringify(missingMessage(args.path, parseNpmSpecifier(args.path)))});`,
        loader: "js"
      }));
    }
  };
}

export function missingMessage(written: string, specifier: NpmSpecifier | null): string {
  if (!specifier) return `${written}: not a package name (write npm:name, npm:name@range or npm:name/path)`;
  const install = specifier.name + (specifier.range ? `@${specifier.range}` : "");
  return `${written}: the package ${specifier.name} is not installed; run npm install ${install}`;
}
