import {describe, expect, it} from "vitest";
import {cpuTimes, quietMachine} from "./quiet-machine.js";

/** A /proc/stat whose aggregate line has the given busy and idle ticks. */
const stat = (busy: number, idle: number) =>
  `cpu  ${busy} 0 0 ${idle} 0 0 0 0 0 0\ncpu0 ${busy} 0 0 ${idle} 0 0 0 0 0 0\nintr 1 2 3\n`;

describe("cpuTimes", () => {
  it("reads idle (idle + iowait) and total from the aggregate line", () => {
    expect(cpuTimes("cpu  10 1 5 80 4 0 0 0 0 0\ncpu0 1 1 1 1 1 1 1 1\n")).toEqual({idle: 84, total: 100});
  });
  it("rejects a stat without an aggregate line", () => {
    expect(() => cpuTimes("cpu0 1 2 3 4\n")).toThrow(/aggregate/);
  });
});

describe("quietMachine", () => {
  it("waits through busy windows and returns at the first quiet one", async () => {
    // Each window: busy, busy, then mostly idle.
    const samples = [stat(0, 0), stat(90, 10), stat(180, 20), stat(190, 110)];
    const slept: number[] = [];
    const result = await quietMachine({
      windowMs: 100,
      readStat: () => samples.shift()!,
      sleep: async (ms) => void slept.push(ms)
    });
    expect(result).toEqual({quiet: true, waitedMs: 300});
    expect(slept).toEqual([100, 100, 100]);
  });

  it("gives up after the timeout on a machine that stays busy", async () => {
    let busy = 0;
    const result = await quietMachine({
      windowMs: 100,
      timeoutMs: 500,
      readStat: () => stat((busy += 100), 0),
      sleep: async () => {}
    });
    expect(result).toEqual({quiet: false, waitedMs: 500});
  });

  it("waits a fixed time where there is no /proc/stat", async () => {
    const slept: number[] = [];
    const result = await quietMachine({
      fallbackMs: 2000,
      readStat: () => {
        throw new Error("ENOENT");
      },
      sleep: async (ms) => void slept.push(ms)
    });
    expect(result).toEqual({quiet: false, waitedMs: 2000});
    expect(slept).toEqual([2000]);
  });
});
