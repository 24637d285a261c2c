import {describe, expect, it} from "vitest";
import {topLevelTypeDeclarations} from "./type-declarations.js";

const declarations = (code: string) => topLevelTypeDeclarations(code).map(({start, end}) => code.slice(start, end));

describe("a cell's top-level type declarations", () => {
  it("finds type aliases (to their `;` or their line's end) and interfaces (to their closing brace)", () => {
    const code = [
      "type Config = {a: number; b: string};",
      "interface Shape {",
      "  w: number;",
      "  nested: {h: number};",
      "}",
      "type Id = string",
      "const base: Config = {a: 1, b: `${2}`};"
    ].join("\n");
    expect(declarations(code)).toEqual([
      "type Config = {a: number; b: string};",
      "interface Shape {\n  w: number;\n  nested: {h: number};\n}",
      "type Id = string"
    ]);
  });

  it("follows an alias over line breaks that an operator carries over, generic brackets included", () => {
    const code = [
      "type Kind =",
      '  | "a"',
      '  | "b";',
      "type M = Record<",
      "  string,",
      "  number",
      ">",
      "let x = 1;"
    ].join("\n");
    expect(declarations(code)).toEqual(['type Kind =\n  | "a"\n  | "b";', "type M = Record<\n  string,\n  number\n>"]);
  });

  it("skips what is not a top-level declaration: nested ones, strings, templates, regular expressions, a variable named type", () => {
    const code = [
      "function f() { type Inner = number; return 1 as Inner; }",
      'const s = "type Fake = 1";',
      "const t = `${ {a: 1}.a } type Also = 2`;",
      "const r = /}{type R = 1/g;",
      "let type = 3;",
      "type = 4;",
      "type After = boolean;"
    ].join("\n");
    expect(declarations(code)).toEqual(["type After = boolean;"]);
  });
});
