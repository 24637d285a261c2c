import {postTask} from "./next-task.js";

/**
 * Turns for cell runs. Each cell runs in a task of its own, so a page of many cells never holds the main thread
 * in one piece; when several cells are ready at once, the one highest on the page goes first: a reader sees the
 * top of the page (its controls, its first figures) before the cells further down have all run.
 */
export interface CellTurns {
  /** Resolves at the start of a task of its own, before the turns of cells further down the page. */
  turn(line: number): Promise<void>;
}

/** `schedule` runs a callback in a later task (a test passes its own). */
export function createCellTurns(schedule: (callback: () => void) => void = postTask): CellTurns {
  const waiting: {line: number; start: () => void}[] = [];
  const next = () => waiting.shift()?.start();
  return {
    turn(line) {
      return new Promise<void>((start) => {
        let at = waiting.length;
        while (at > 0 && waiting[at - 1].line > line) at -= 1; // after the cells of the same line, in order
        waiting.splice(at, 0, {line, start});
        schedule(next);
      });
    }
  };
}
