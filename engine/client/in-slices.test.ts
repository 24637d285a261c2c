import {describe, expect, it} from "vitest";
import {runInSlices} from "./in-slices.js";

/** Steps that each take `costMs` on a fake clock, and a record of what ran in which slice. */
function fixture(count: number, costMs: number) {
  let clock = 0;
  let slice = 0;
  const ran: [step: number, slice: number][] = [];
  const steps = Array.from({length: count}, (_, i) => () => {
    ran.push([i, slice]);
    clock += costMs;
  });
  const options = {now: () => clock, yieldTask: async () => void (slice += 1)};
  return {steps, ran, options};
}

describe("runInSlices", () => {
  it("runs every step in order, as many per slice as fit in its time", async () => {
    const {steps, ran, options} = fixture(7, 2);
    await runInSlices(steps, {sliceMs: 5, ...options});
    expect(ran).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 1],
      [5, 1],
      [6, 2]
    ]);
  });

  it("runs a step longer than a slice alone in its slice", async () => {
    const {steps, ran, options} = fixture(3, 10);
    await runInSlices(steps, {sliceMs: 5, ...options});
    expect(ran.map(([, slice]) => slice)).toEqual([0, 1, 2]);
  });

  it("runs everything at once for Infinity, and nothing for no steps", async () => {
    const {steps, ran, options} = fixture(5, 100);
    await runInSlices(steps, {sliceMs: Infinity, ...options});
    expect(ran.map(([, slice]) => slice)).toEqual([0, 0, 0, 0, 0]);
    await expect(runInSlices([], {sliceMs: 1, ...options})).resolves.toBeUndefined();
  });
});
