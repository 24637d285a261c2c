import {describe, expect, it} from "vitest";
import {compilePage} from "./compile-page.js";
import {emitPageModule} from "./emit-module.js";

const fence = (info: string, code: string) => "```" + info + "\n" + code + "\n```\n";

/** The builtins a page module loads, and from which stdlib module. */
function loaders(page: string): Record<string, string> {
  const module = emitPageModule(compilePage(page), "/courant/engine/client/page.ts");
  const found: Record<string, string> = {};
  for (const [, name, path, call] of module.matchAll(
    /^ {4}(\w+): \(\) => import\("([^"]+)"\)\.then\(\(m\) => m\.\w+(\(\))?\)/gm
  )) {
    found[name] = path.replace("/courant/engine/client/stdlib/", "") + (call ?? "");
  }
  return found;
}

describe("builtin loaders in the page module", () => {
  it("loads only the builtins the cells read, each from its stdlib module", () => {
    const page = fence("ts", "const n = d3.sum([1, 2]) + Plot.version.length;") + fence("tex", "x^${n}");
    expect(loaders(page)).toEqual({d3: "d3.ts", tex: "tex.ts", Plot: "plot.ts"});
  });

  it("imports the small builtins a page's first cells want with the page's script, one import per module", () => {
    const page =
      fence("ts", "const x = view(Inputs.range([0, 1])); const e = html`<b>${x}</b>`;") + fence("ts", "svg`<g>`");
    const module = emitPageModule(compilePage(page), "/courant/engine/client/page.ts");
    expect(loaders(page)).toEqual({});
    expect(module.match(/^import \* as \w+ from "[^"]+";$/gm)).toEqual([
      'import * as __courantBuiltins0 from "/courant/engine/client/stdlib/inputs.ts";',
      'import * as __courantBuiltins1 from "/courant/engine/client/stdlib/htl.ts";'
    ]);
    expect(module).toContain("    Inputs: () => __courantBuiltins0.Inputs");
    expect(module).toContain("    html: () => __courantBuiltins1.html");
    expect(module).toContain("    svg: () => __courantBuiltins1.svg");
  });

  it("loads nothing for a page that names no builtin, nor for one a cell declares", () => {
    expect(loaders(fence("ts", "const a = 1;"))).toEqual({});
    expect(loaders(fence("ts", "const Plot = {x: 1};") + fence("ts", "Plot.x + tf.version"))).toEqual({
      tf: "tf.ts()"
    });
  });
});
