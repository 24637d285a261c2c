import {describe, expect, it} from "vitest";
import {restartableStream, STALE, untilInvalidated} from "./restart.js";

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return {promise, resolve};
}

describe("restart, not queue", () => {
  it("settles a stale run at invalidation and hands its late value to onLate", async () => {
    const work = deferred<string>();
    const invalidation = deferred();
    const late: string[] = [];
    const run = untilInvalidated(work.promise, invalidation.promise, (v) => late.push(v));
    invalidation.resolve();
    await expect(run).rejects.toBe(STALE);
    work.resolve("old result");
    await work.promise;
    await Promise.resolve();
    expect(late).toEqual(["old result"]);
  });

  it("passes a fresh run's value through", async () => {
    await expect(untilInvalidated(Promise.resolve(7), new Promise(() => {}), () => {})).resolves.toBe(7);
  });

  it("ends a pending next() at invalidation, returns the generator and frees values yielded late", async () => {
    const step = deferred();
    let finished = false;
    async function* source() {
      try {
        yield 1;
        await step.promise;
        yield 2;
      } finally {
        finished = true;
      }
    }
    const invalidation = deferred();
    const events: string[] = [];
    const stream = restartableStream(source(), invalidation.promise, {
      onValue: (v, previous) => events.push(`value ${v} after ${previous}`),
      onEnd: () => events.push("end"),
      onLate: (v) => events.push(`late ${v}`)
    });
    expect(await stream.next()).toEqual({done: false, value: 1});
    const pending = stream.next();
    invalidation.resolve();
    expect(await pending).toEqual({done: true, value: undefined});
    step.resolve();
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(["value 1 after undefined", "end", "late 2"]);
    expect(finished).toBe(true);
  });
});
