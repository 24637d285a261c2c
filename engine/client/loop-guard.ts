/**
 * The run-time half of the dev loop guard (the compiler puts `guard(line)` at the top of every loop body of a
 * cell, see engine/compiler/loop-guard.ts).
 *
 * The rule: the clock starts at the first guarded iteration of a task and stops when the page gets back to its
 * event loop; once loops have kept one task busy for longer than `limitMs`, the next guarded iteration throws
 * a RangeError naming its loop's line. Microtasks belong to their task, so `while (true) await 0;` is stopped
 * too, while a loop that awaits a timer or a frame starts a fresh clock at each iteration. Only iterations are
 * timed: code that is not a loop of a cell (a library call, a recursion) is not interrupted.
 */
import {messagesFor} from "./messages.js";

export type LoopGuard = (line: number) => void;

/** The clock is read every few iterations only: a tight loop pays a counter increment, not a clock read. */
const STRIDE = 16;

/** `describe` words the error; by default in the page's language. */
export function createLoopGuard(limitMs: number, describe = pageLanguage().loopTooLong): LoopGuard {
  let started = -1;
  let iterations = 0;
  // A message arrives once the current task and its microtasks are over (and, unlike timers, is not throttled in
  // background tabs): the end of the task.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    started = -1;
  };
  (channel.port1 as {unref?: () => void}).unref?.(); // Node (unit tests): do not keep the process alive
  return (line) => {
    if (++iterations % STRIDE) return;
    const now = performance.now();
    if (started < 0) {
      started = now;
      channel.port2.postMessage(null);
    } else if (now - started > limitMs) {
      // The clock keeps running: an outer loop that catches this error stops at its own next check.
      throw new RangeError(describe(line, limitMs / 1000));
    }
  };
}

const pageLanguage = () => messagesFor(globalThis.document?.documentElement.lang);
