import {describe, expect, it} from "vitest";
import {createCellTurns} from "./cell-turns.js";

/** A scheduler the test drives: each `task()` runs one scheduled callback, then its microtasks. */
function manualSchedule() {
  const queue: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => void queue.push(callback),
    async task() {
      queue.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    get pending() {
      return queue.length;
    }
  };
}

describe("cell turns", () => {
  it("gives cells ready at once their turns in document order, one per task", async () => {
    const tasks = manualSchedule();
    const turns = createCellTurns(tasks.schedule);
    const order: number[] = [];
    for (const line of [300, 26, 184, 30]) void turns.turn(line).then(() => order.push(line));
    expect(tasks.pending).toBe(4);
    await tasks.task();
    expect(order).toEqual([26]);
    await tasks.task();
    await tasks.task();
    await tasks.task();
    expect(order).toEqual([26, 30, 184, 300]);
  });

  it("lets a cell that becomes ready later go before waiting cells further down", async () => {
    const tasks = manualSchedule();
    const turns = createCellTurns(tasks.schedule);
    const order: number[] = [];
    for (const line of [500, 400]) void turns.turn(line).then(() => order.push(line));
    await tasks.task();
    void turns.turn(100).then(() => order.push(100));
    while (tasks.pending) await tasks.task();
    expect(order).toEqual([400, 100, 500]);
  });

  it("keeps cells of the same line in the order they asked", async () => {
    const tasks = manualSchedule();
    const turns = createCellTurns(tasks.schedule);
    const order: string[] = [];
    void turns.turn(10).then(() => order.push("first"));
    void turns.turn(10).then(() => order.push("second"));
    while (tasks.pending) await tasks.task();
    expect(order).toEqual(["first", "second"]);
  });
});
