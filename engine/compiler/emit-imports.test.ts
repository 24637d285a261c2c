import {describe, expect, it} from "vitest";
import {compilePage} from "./compile-page.js";
import {cellImportsModule, emitPageModule} from "./emit-module.js";

const fence = (code: string) => "```ts\n" + code + "\n```\n";
const emit = (page: string) => emitPageModule(compilePage(page), "/courant/engine/client/page.ts");

describe("a cell's imports in the page module", () => {
  it("are loaded together, in one dynamic import of the cell's module, then bound to the cell's names", () => {
    const page = compilePage(
      fence(
        'import {a, b as c} from "./one.ts";\nimport * as two from "./two.ts";\nimport three, {d} from "./three.ts";'
      )
    );
    const module = emitPageModule(page, "/courant/engine/client/page.ts");
    expect(module.match(/await /g)).toHaveLength(1);
    expect(module).toContain(
      `const __courantModules = (await import("courant-cell-imports:${page.cells[0].id}")).default;`
    );
    expect(module).toContain('const {a, "b": c} = __courantModules[0];');
    expect(module).toContain("const two = __courantModules[1];");
    expect(module).toContain('const {"default": three, d} = __courantModules[2];');
  });

  it("gather a cell's modules, in order, as namespaces in one module", () => {
    const [cell] = compilePage(fence('import {a} from "./one.ts";\nimport * as two from "two";')).cells;
    expect(cellImportsModule(cell.imports).split("\n")).toEqual([
      'import * as m0 from "./one.ts";',
      'import * as m1 from "two";',
      "export default [m0, m1];",
      ""
    ]);
  });

  it("mark a cell that only imports, and not one that runs code of its own", () => {
    const module = emit(fence('import {a} from "./one.ts";') + fence('import {b} from "./two.ts";\nconst c = b(1);'));
    expect(module.match(/"importsOnly":(true|false)/g)).toEqual(['"importsOnly":true', '"importsOnly":false']);
  });

  it("give a cell that also runs code of its own a loader of its modules, the same import as its body's", () => {
    const page = compilePage(
      fence('import {a} from "./one.ts";') + fence('import {b} from "./two.ts";\nconst c = b(1);')
    );
    const module = emitPageModule(page, "/courant/engine/client/page.ts");
    const [only, mixed] = page.cells.map((cell) => `courant-cell-imports:${cell.id}`);
    expect(module).toContain(`loadImports: () => import("${mixed}")`);
    expect(module).toContain(`(await import("${mixed}")).default`);
    expect(module).not.toContain(`loadImports: () => import("${only}")`);
  });

  it("leave a cell without imports unmarked and without a Promise.all", () => {
    const module = emit(fence("const a = 1;"));
    expect(module).toContain('"importsOnly":false');
    expect(module).not.toContain("courant-cell-imports");
    expect(module).not.toContain("loadImports");
  });
});
