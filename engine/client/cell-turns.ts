import {postTask} from "./next-task.js";

/**
 * Turns for cell runs. Each cell runs in a task of its own, so a page of many cells never holds the main thread
 * in one piece; when several cells are ready at once, the one highest on the page goes first: a reader sees the
 * top of the page (its controls, its first figures) before the cells further down have all run. A cell that one
 * higher up waits for takes that cell's place (`turnLines`).
 */
export interface CellTurns {
  /** Resolves at the start of a task of its own, before the turns of cells further down the page. */
  turn(line: number): Promise<void>;
}

/**
 * `schedule` runs a callback in a later task (a test passes its own). The first turn is taken in the task that asks
 * for it, once its microtasks are done: nothing has run before it that needs keeping short, and it is the top of the
 * page a reader waits for — given a task of its own, it came after tasks that were queued in between (tfjs's module
 * evaluation, 40–70 ms, ahead of the essay's first control).
 */
export function createCellTurns(schedule: (callback: () => void) => void = postTask): CellTurns {
  const waiting: {line: number; start: () => void}[] = [];
  const next = () => waiting.shift()?.start();
  let first = true;
  return {
    turn(line) {
      return new Promise<void>((start) => {
        let at = waiting.length;
        while (at > 0 && waiting[at - 1].line > line) at -= 1; // after the cells of the same line, in order
        waiting.splice(at, 0, {line, start});
        if (first) queueMicrotask(next);
        else schedule(next);
        first = false;
      });
    }
  };
}

/** What `turnLines` reads of a cell. */
export interface TurnCell {
  id: string;
  line: number;
  inputs: readonly string[];
  outputs: readonly string[];
}

/**
 * The line each cell takes its turn at: its own, or that of the highest cell on the page that waits for it, directly
 * or through others. A cell further down that one near the top needs (a cache that a training reads, say) then runs
 * as early as the cell needing it would, instead of after everything between them.
 */
export function turnLines(cells: readonly TurnCell[]): Map<string, number> {
  const definer = firstDefiners(cells);
  const lines = new Map(cells.map((cell) => [cell.id, cell.line]));
  // Lines only decrease, down to the smallest on the page: this ends, cycles included.
  for (let changed = true; changed;) {
    changed = false;
    for (const cell of cells)
      for (const input of cell.inputs) {
        const needed = definer.get(input);
        if (needed && lines.get(cell.id)! < lines.get(needed.id)!) {
          lines.set(needed.id, lines.get(cell.id)!);
          changed = true;
        }
      }
  }
  return lines;
}

/** The cell that defines each name: the first on the page that declares it. */
export function firstDefiners<C extends {outputs: readonly string[]}>(cells: readonly C[]): Map<string, C> {
  const definers = new Map<string, C>();
  for (const cell of cells) for (const name of cell.outputs) if (!definers.has(name)) definers.set(name, cell);
  return definers;
}
