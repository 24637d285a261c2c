import {describe, expect, it} from "vitest";
import {createCellTurns, firstDefiners, turnLines} from "./cell-turns.js";

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

/** Turns whose first turn (taken at once) is already past, so that every turn below comes in a task of its own. */
async function turnsAfterTheFirst(schedule: (callback: () => void) => void) {
  const turns = createCellTurns(schedule);
  await turns.turn(0);
  return turns;
}

describe("cell turns", () => {
  it("gives the page's first turn in the task that asks for it, to the highest cell asking in that task", async () => {
    const tasks = manualSchedule();
    const turns = createCellTurns(tasks.schedule);
    const order: number[] = [];
    for (const line of [300, 26, 184]) void turns.turn(line).then(() => order.push(line));
    for (let i = 0; i < 3; i++) await Promise.resolve(); // microtasks only: no task has run
    expect(order).toEqual([26]);
    expect(tasks.pending).toBe(2);
    while (tasks.pending) await tasks.task();
    expect(order).toEqual([26, 184, 300]);
  });

  it("gives cells ready at once their turns in document order, one per task", async () => {
    const tasks = manualSchedule();
    const turns = await turnsAfterTheFirst(tasks.schedule);
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
    const turns = await turnsAfterTheFirst(tasks.schedule);
    const order: number[] = [];
    for (const line of [500, 400]) void turns.turn(line).then(() => order.push(line));
    await tasks.task();
    void turns.turn(100).then(() => order.push(100));
    while (tasks.pending) await tasks.task();
    expect(order).toEqual([400, 100, 500]);
  });

  it("keeps cells of the same line in the order they asked", async () => {
    const tasks = manualSchedule();
    const turns = await turnsAfterTheFirst(tasks.schedule);
    const order: string[] = [];
    void turns.turn(10).then(() => order.push("first"));
    void turns.turn(10).then(() => order.push("second"));
    while (tasks.pending) await tasks.task();
    expect(order).toEqual(["first", "second"]);
  });
});

describe("turn lines", () => {
  const cell = (id: string, line: number, inputs: string[], outputs: string[]) => ({id, line, inputs, outputs});

  it("gives a cell the line of the highest cell that waits for it, through other cells too", () => {
    const lines = turnLines([
      cell("controls", 10, ["Inputs"], ["size"]),
      cell("training", 200, ["size", "data", "cache"], ["training"]),
      cell("status", 210, ["training"], []),
      cell("data", 150, ["raw"], ["data"]),
      cell("raw", 400, [], ["raw"]),
      cell("cache", 370, [], ["cache"]),
      cell("unrelated", 380, [], ["other"])
    ]);
    expect(Object.fromEntries(lines)).toEqual({
      controls: 10,
      training: 200,
      status: 210,
      data: 150,
      raw: 150,
      cache: 200,
      unrelated: 380
    });
  });

  it("ends on a cycle, each cell of it at the cycle's highest line", () => {
    const lines = turnLines([cell("a", 30, ["b"], ["a"]), cell("b", 20, ["a"], ["b"]), cell("c", 5, ["a"], [])]);
    expect(Object.fromEntries(lines)).toEqual({a: 5, b: 5, c: 5});
  });
});

describe("first definers", () => {
  it("names, for each declared name, the first cell on the page that declares it", () => {
    const cells = [
      {id: "a", outputs: ["x", "y"]},
      {id: "b", outputs: ["y", "z"]},
      {id: "c", outputs: []}
    ];
    const definers = firstDefiners(cells);
    expect(Object.fromEntries([...definers].map(([name, cell]) => [name, cell.id]))).toEqual({x: "a", y: "a", z: "b"});
  });
});
