import {describe, expect, it} from "vitest";
import {compilePage} from "../engine/compiler/compile-page.js";
import {pageHtml} from "./page-html.js";

const page = compilePage("# Title\n\n```ts\nconst a = 1;\n```\n");
const assets = {script: "_courant/page.js", style: "_courant/style.css", home: "index.html"};

describe("a page's HTML head", () => {
  it("preloads the modules its script imports at once, and the files it will fetch as it starts", () => {
    const html = pageHtml(page, {...assets, preload: ["_courant/chunk.js"], fetches: ["_courant/wasm/b.wasm"]});
    expect(html).toContain('<link rel="modulepreload" href="_courant/chunk.js">');
    // As fetch() asks for it (cors, same-origin credentials), so that the request finds the preloaded response.
    expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="_courant/wasm/b.wasm">');
  });

  it("preloads nothing it was not given", () => {
    expect(pageHtml(page, assets)).not.toContain("preload");
  });
});
