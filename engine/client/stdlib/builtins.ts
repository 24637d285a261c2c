/**
 * Every builtin a cell may name, and where its value comes from: the one table that both the compiler
 * (which names are defined, which modules a page imports) and the client (how each is loaded) read.
 * Plain data: it is imported in Node by the compiler and by `courant check`.
 */
export type BuiltinSource =
  /** Bound to each run of a cell by the page runtime (engine/client/page.ts). */
  | {from: "cell"}
  /** Provided by @observablehq/runtime itself, per variable. */
  | {from: "runtime"}
  /**
   * Loaded lazily from `engine/client/stdlib/<module>.ts`, whose export named as the builtin is its value; with
   * `call`, that export is a function the runtime calls once (a generator: the builtin takes each value it yields).
   * With `withPage`, imported by the page's script instead (a few KB, and what a page's first cells — its controls
   * and markup — want at once: waiting for a chunk of their own put the controls behind tfjs's evaluation).
   */
  | {from: "module"; module: string; call?: boolean; withPage?: boolean};

export const BUILTINS = {
  // Courant's own, per run
  display: {from: "cell"},
  view: {from: "cell"},
  invalidation: {from: "cell"},
  signal: {from: "cell"},
  // Observable's reactive values
  visibility: {from: "runtime"},
  width: {from: "module", module: "width", call: true, withPage: true},
  now: {from: "module", module: "generators/index", call: true, withPage: true},
  dark: {from: "module", module: "generators/index", call: true, withPage: true},
  // Observable's standard library
  Generators: {from: "module", module: "generators/index", withPage: true},
  Mutable: {from: "module", module: "mutable"},
  resize: {from: "module", module: "resize"},
  FileAttachment: {from: "module", module: "file-attachment"},
  htl: {from: "module", module: "htl", withPage: true},
  html: {from: "module", module: "htl", withPage: true},
  svg: {from: "module", module: "htl", withPage: true},
  md: {from: "module", module: "md"},
  tex: {from: "module", module: "tex"},
  dot: {from: "module", module: "dot"},
  mermaid: {from: "module", module: "mermaid"},
  d3: {from: "module", module: "d3"},
  Plot: {from: "module", module: "plot"},
  Inputs: {from: "module", module: "inputs", withPage: true},
  // TensorFlow.js, its backend chosen by measurement
  tf: {from: "module", module: "tf", call: true}
} as const satisfies Record<string, BuiltinSource>;

export type BuiltinName = keyof typeof BUILTINS;

export const builtinNames: ReadonlySet<string> = new Set(Object.keys(BUILTINS));

export function isBuiltin(name: string): name is BuiltinName {
  return Object.hasOwn(BUILTINS, name);
}

/** Builtins that page.ts binds to each run of a cell rather than sharing through the runtime. */
export const cellBuiltins: ReadonlySet<string> = new Set(
  Object.entries(BUILTINS)
    .filter(([, source]) => source.from === "cell")
    .map(([name]) => name)
);
