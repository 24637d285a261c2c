import {join} from "node:path";
import {BUILTINS} from "../engine/client/stdlib/builtins.js";

/**
 * What a cell reads from another cell's output: the runtime awaits promises and takes each value a generator or a
 * stream yields (`view(...)` gives a number, not its input).
 */
export const CELL_VALUE = "__CourantValue";

/** Types of the builtins the page runtime binds per run (engine/client/page.ts) and the runtime's own. */
const HAND_TYPED: Record<string, string> = {
  display: "function display<T>(value: T): T;",
  // An input gives its value's type; another element (a <label> around a control) gives what its control holds.
  view:
    "function view<T>(input: Element & {value: T}, options?: VIEW_OPTIONS): T;\n" +
    "  function view(input: Element, options?: VIEW_OPTIONS): unknown;",
  invalidation: "const invalidation: Promise<void>;",
  signal: "const signal: AbortSignal;",
  visibility: "function visibility<T = void>(value?: T): Promise<T>;"
};

/**
 * Global declarations of every builtin, for a page's type-check program: the library's from the types of the stdlib
 * modules themselves (one table, engine/client/stdlib/builtins.ts), the per-run ones written here.
 */
export function builtinDeclarations(courantRoot: string): string {
  const stdlib = join(courantRoot, "engine/client/stdlib");
  const entries: Array<[string, {from: string; module?: string; call?: boolean}]> = Object.entries(BUILTINS);
  const lines = entries.map(([name, source]) => {
    if (source.from !== "module") {
      if (!HAND_TYPED[name]) throw new Error(`check: no type for the builtin ${name}`);
      const viewOptions = `import(${JSON.stringify(join(courantRoot, "engine/client/url-binding.ts"))}).ViewOptions`;
      return `  ${HAND_TYPED[name].replaceAll("VIEW_OPTIONS", viewOptions)}`;
    }
    const value = `typeof import(${JSON.stringify(join(stdlib, `${source.module}.ts`))})[${JSON.stringify(name)}]`;
    return `  const ${name}: ${CELL_VALUE}<${source.call ? `ReturnType<${value}>` : value}>;`;
  });
  return [
    "export {};",
    "declare global {",
    `  type ${CELL_VALUE}<T> = T extends AsyncIterator<infer U> | Iterator<infer U> ? Awaited<U> : Awaited<T>;`,
    ...lines,
    "}",
    ""
  ].join("\n");
}
