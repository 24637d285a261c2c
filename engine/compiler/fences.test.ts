import {describe, expect, it} from "vitest";
import {compilePage} from "./compile-page.js";
import {parseFenceInfo} from "./fence-info.js";
import {templateSource} from "./fenced-template.js";

const fence = (info: string, code: string) => "```" + info + "\n" + code + "\n```\n";

/** Runs a template fence's JavaScript with a tag that returns what a tag function receives. */
function evaluate(lang: string, content: string, scope: Record<string, unknown> = {}) {
  const seen = (strings: TemplateStringsArray, ...values: unknown[]) => ({
    raw: strings.raw,
    cooked: [...strings],
    values
  });
  const tags = {tex: {block: seen}, html: {fragment: seen}, svg: {fragment: seen}, dot: seen, mermaid: seen};
  const source = templateSource(lang, content).replace(/^await /, "");
  return new Function(...Object.keys(tags), ...Object.keys(scope), `return ${source};`)(
    ...Object.values(tags),
    ...Object.values(scope)
  );
}

describe("fence info", () => {
  it("reads the tag and Observable's attributes", () => {
    expect(parseFenceInfo("js echo run=false")).toEqual({tag: "js", attributes: {echo: "", run: "false"}});
    expect(parseFenceInfo(" TS  echo=\"false\" id='a b'")).toEqual({tag: "ts", attributes: {echo: "false", id: "a b"}});
    expect(parseFenceInfo("")).toEqual({tag: "", attributes: {}});
  });
});

describe("fenced blocks", () => {
  const cellsOf = (page: string) =>
    compilePage(page).cells.map((c) => ({line: c.line, outputs: c.outputs, inputs: c.inputs}));

  it("run=false shows the code and runs nothing, so two examples may declare the same name", () => {
    const page =
      fence("js run=false", "const x = 1;") + fence("js run=false", "const x = 2;") + fence("js", "const y = 3;");
    const compiled = compilePage(page);
    expect(cellsOf(page)).toEqual([{line: 8, outputs: ["y"], inputs: []}]);
    expect(compiled.html.match(/<code class="language-js">const x = \d;/g)).toHaveLength(2);
  });

  it("echo shows a cell's source; echo=false hides a block that does not run", () => {
    const html = compilePage(
      fence("ts echo", "const a = 1;") + fence("ts", "const b = 2;") + fence("python echo=false", "x")
    ).html;
    expect(html.match(/courant-source/g)).toHaveLength(1);
    expect(html).toContain("const a = 1;");
    expect(html).not.toContain("python");
  });

  it("makes tex, dot, mermaid, html and svg blocks cells whose ${…} are inputs", () => {
    const page =
      fence("js", "const n = 3;") +
      fence("tex", "x^{${n}}") +
      fence("dot echo", "digraph { a -> b }") +
      fence("mermaid", "graph TD; A-->B") +
      fence("html", "<b>${n}</b>") +
      fence("svg", "<svg></svg>");
    expect(cellsOf(page).map((c) => c.inputs)).toEqual([
      [],
      ["tex", "n"],
      ["dot"],
      ["mermaid"],
      ["html", "n"],
      ["svg"]
    ]);
    expect(compilePage(page).cells.map((c) => c.expression)).toEqual([false, true, true, true, true, true]);
    expect(compilePage(page).html).toContain("digraph { a -&gt; b }");
  });

  it("keeps TeX backslashes raw and dot's text cooked, backticks and escaped placeholders included", () => {
    // What String.raw (as tex and html use it) makes of the template: the content, with the placeholder's value.
    const tex = evaluate("tex", "\\frac{a}{b} `x` \\${no} ${1 + 1}\\");
    expect(String.raw({raw: tex.raw}, ...tex.values)).toBe("\\frac{a}{b} `x` \\${no} 2\\");
    expect(evaluate("dot", 'a [label="\\n`"] ${v}\\${w}', {v: "V"})).toEqual({
      raw: expect.anything(),
      cooked: ['a [label="\\n`"] ', "${w}"],
      values: ["V"]
    });
  });

  it("keeps the block's lines, so errors point into the page", () => {
    const page = "# T\n\n" + fence("tex", "a\n${missing}");
    expect(compilePage(page).cells[0].errors.map((e) => e.line)).toEqual([5]);
  });
});
