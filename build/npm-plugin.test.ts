import * as esbuild from "esbuild";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {afterAll, describe, expect, it} from "vitest";
import {npmPlugin, parseNpmSpecifier} from "./npm-plugin.js";

describe("parseNpmSpecifier", () => {
  it("splits name, range and path, scopes included", () => {
    expect(parseNpmSpecifier("npm:d3")).toEqual({name: "d3", range: "", path: ""});
    expect(parseNpmSpecifier("npm:@observablehq/plot@0.6")).toEqual({
      name: "@observablehq/plot",
      range: "0.6",
      path: ""
    });
    expect(parseNpmSpecifier("npm:d3-array@3.2/src/index.js")).toEqual({
      name: "d3-array",
      range: "3.2",
      path: "/src/index.js"
    });
    expect(parseNpmSpecifier("npm:@scope/pkg/sub")).toEqual({name: "@scope/pkg", range: "", path: "/sub"});
    expect(parseNpmSpecifier("d3")).toBeNull();
    expect(parseNpmSpecifier("npm:")).toBeNull();
  });
});

describe("npmPlugin", () => {
  // A folder outside the project: packages resolve from Courant's own dependencies.
  const dir = mkdtempSync(join(tmpdir(), "courant-npm-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("bundles npm: imports from the installed packages, and a missing one fails where it is imported", async () => {
    writeFileSync(
      join(dir, "entry.js"),
      [
        `import {sum} from "npm:d3-array@3";`,
        `export const total = sum([1, 2, 3]);`,
        `export const plot = () => import("npm:@observablehq/plot@0.6").then((m) => typeof m.plot);`,
        `export const missing = () => import("npm:courant-no-such-package@2/x.js");`
      ].join("\n")
    );
    const result = await esbuild.build({
      entryPoints: [join(dir, "entry.js")],
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      outfile: join(dir, "out.mjs"),
      logLevel: "silent",
      plugins: [npmPlugin()]
    });
    writeFileSync(join(dir, "out.mjs"), result.outputFiles[0].text);
    const module = await import(pathToFileURL(join(dir, "out.mjs")).href);
    expect(module.total).toBe(6);
    expect(await module.plot()).toBe("function");
    await expect(module.missing()).rejects.toThrow(
      "npm:courant-no-such-package@2/x.js: the package courant-no-such-package is not installed; " +
        "run npm install courant-no-such-package@2"
    );
  });
});
