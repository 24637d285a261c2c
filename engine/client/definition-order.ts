import {firstDefiners, type TurnCell} from "./cell-turns.js";

/**
 * The order in which the page defines its cells: each after the cells that define the names it reads, else in the
 * order of the page. The runtime may then compute between two slices of definitions (the first controls appear
 * while the rest of the page is being defined) and no cell ever sees a name of the page undefined. Cells caught in a
 * cycle, and those that wait on one, come last, in the order of the page (the runtime reports the cycle).
 */
export function definitionOrder<C extends TurnCell>(cells: readonly C[]): C[] {
  const definer = firstDefiners(cells);
  const placed = new Set<C>();
  const isReady = (cell: C) =>
    cell.inputs.every((name) => {
      const needed = definer.get(name);
      return !needed || needed === cell || placed.has(needed);
    });
  const order: C[] = [];
  // The highest cell on the page that is ready goes next (a few dozen cells: a scan per placement is enough).
  for (let next = cells.find(isReady); next; next = cells.find((cell) => !placed.has(cell) && isReady(cell))) {
    placed.add(next);
    order.push(next);
  }
  return [...order, ...cells.filter((cell) => !placed.has(cell))];
}
