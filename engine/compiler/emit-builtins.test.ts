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
    const page = fence("ts", "const n = d3.sum([1, 2]) + width;") + fence("tex", "x^${n}") + fence("ts", "display(n)");
    expect(loaders(page)).toEqual({d3: "d3.ts", tex: "tex.ts", width: "width.ts()"});
  });

  it("loads nothing for a page that names no builtin, nor for one a cell declares", () => {
    expect(loaders(fence("ts", "const a = 1;"))).toEqual({});
    expect(loaders(fence("ts", "const Plot = {x: 1};") + fence("ts", "Plot.x + now"))).toEqual({
      now: "generators/index.ts()"
    });
  });
});
