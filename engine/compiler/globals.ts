import globalsByEnvironment from "globals";
import {builtinNames} from "../client/stdlib/builtins.js";

/** Names a cell may use without any cell defining them. */

/** Provided by the engine to every cell (the table in engine/client/stdlib/builtins.ts). */
export const builtins = builtinNames;

/** The language's own globals and the browser's, from the maintained `globals` package. */
const browserGlobals = new Set([
  ...Object.keys(globalsByEnvironment.builtin),
  ...Object.keys(globalsByEnvironment.browser)
]);

export function isKnownGlobal(name: string): boolean {
  return browserGlobals.has(name);
}
