import {describe, expect, it} from "vitest";
import {mapConcurrent, type Outcome} from "./map-concurrent.js";

/** A task that waits until released, so the test decides the order of completion. */
function gate() {
  const pending = new Map<number, {resolve: (v: number) => void; reject: (e: Error) => void; signal: AbortSignal}>();
  const run = (item: number, signal: AbortSignal) =>
    new Promise<number>((resolve, reject) => pending.set(item, {resolve, reject, signal}));
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {pending, run, settle};
}

describe("mapConcurrent", () => {
  it("runs at most `concurrency` at once and yields outcomes as they complete, errors as data", async () => {
    const {pending, run, settle} = gate();
    const outcomes: Outcome<number, number>[] = [];
    const consuming = (async () => {
      for await (const o of mapConcurrent([0, 1, 2, 3], 2, run)) outcomes.push(o);
    })();
    await settle();
    expect([...pending.keys()]).toEqual([0, 1]);
    pending.get(1)!.resolve(10);
    await settle();
    expect([...pending.keys()]).toEqual([0, 1, 2]);
    pending.get(2)!.reject(new Error("boom"));
    pending.get(0)!.resolve(0);
    await settle();
    pending.get(3)!.resolve(30);
    await consuming;
    expect(outcomes.map((o) => (o.ok ? [o.index, o.value] : [o.index, o.error]))).toEqual([
      [1, 10],
      [2, "boom"],
      [0, 0],
      [3, 30]
    ]);
  });

  it("on abort, aborts the runs in flight, starts no more and throws an AbortError", async () => {
    const {pending, run, settle} = gate();
    const controller = new AbortController();
    const consuming = (async () => {
      for await (const _ of mapConcurrent([0, 1, 2, 3], 2, run, controller.signal)) void _;
    })();
    await settle();
    controller.abort();
    await expect(consuming).rejects.toMatchObject({name: "AbortError"});
    expect([...pending.keys()]).toEqual([0, 1]);
    expect([...pending.values()].map((p) => p.signal.aborted)).toEqual([true, true]);
  });
});
