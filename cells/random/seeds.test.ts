import {describe, expect, it} from "vitest";
import {isSeed, MAX_SEED, offsetSeed} from "./seeds.js";
import {RandomState} from "./mt19937.js";

describe("seeds", () => {
  it("are integers in [0, 2³² − 1]", () => {
    const cases: [unknown, boolean][] = [
      [0, true],
      [42, true],
      [MAX_SEED, true],
      [-1, false],
      [1.5, false],
      [2 ** 32, false],
      [2 ** 53, false],
      [1e300, false],
      [NaN, false],
      [Infinity, false],
      ["7", false],
      [undefined, false]
    ];
    for (const [value, expected] of cases) expect(isSeed(value), String(value)).toBe(expected);
  });

  it("derive seed + i, wrapping past the largest seed to 0", () => {
    expect([0, 1, 2].map((i) => offsetSeed(7, i))).toEqual([7, 8, 9]);
    expect([0, 1, 2].map((i) => offsetSeed(MAX_SEED, i))).toEqual([MAX_SEED, 0, 1]);
    expect(offsetSeed(0, -1)).toBe(MAX_SEED);
    // Every derived seed is one the generator takes.
    for (const i of [0, 1, 19]) expect(() => new RandomState(offsetSeed(MAX_SEED, i))).not.toThrow();
  });

  it("refuse a base that is not a seed rather than wrap it silently", () => {
    for (const bad of [-1, 1.5, 2 ** 32, 1e300, NaN]) expect(() => offsetSeed(bad, 1)).toThrow(RangeError);
    expect(() => offsetSeed(1, 0.5)).toThrow(/offset/);
  });
});
