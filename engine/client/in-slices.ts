import {nextTask} from "./next-task.js";

export interface SliceOptions {
  /** How long one slice may hold the thread; Infinity runs every step at once. */
  sliceMs: number;
  /** Test seams: the clock, and what ends a slice (a new task). */
  now?: () => number;
  yieldTask?: () => Promise<void>;
}

/**
 * Runs `steps` in order, as many per slice as fit in `sliceMs` (at least one), each slice in a task of its own:
 * work of many small steps (defining a page's cells) then never holds the main thread in one long piece.
 */
export async function runInSlices(
  steps: readonly (() => void)[],
  {sliceMs, now = () => performance.now(), yieldTask = nextTask}: SliceOptions
): Promise<void> {
  let next = 0;
  while (next < steps.length) {
    if (next > 0) await yieldTask();
    const until = now() + sliceMs;
    do steps[next++]();
    while (next < steps.length && now() < until);
  }
}
