import {isCancellation} from "./async-errors.js";
import type {Messages} from "./messages.js";

/**
 * Every runtime error of a cell also goes to the console, as the error itself: the browser shows its stack, source
 * mapped in dev, so an exception thrown deep in a `cells/` module can be followed. Cancellations are not errors.
 */
export function logCellError(t: Messages, line: number, error: unknown) {
  if (!isCancellation(error)) console.error(`Courant: ${t.cellAt(line)}:`, error);
}
