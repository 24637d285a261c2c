import {describe, expect, it} from "vitest";
import {ownerOfStack, stackFrames} from "./stack-frames.js";

// Two "cells" laid out as the page module lays them out: a probe, the function, a probe.
const first = {
  codeStart: () => new Error(),
  body() {
    const helper = () => {
      throw new Error("from a closure of the first cell");
    };
    return helper;
  },
  codeEnd: () => new Error()
};
const second = {
  codeStart: () => new Error(),
  body(callback: () => void) {
    callback();
  },
  codeEnd: () => new Error()
};
const owners = [
  {owner: "first", probes: first},
  {owner: "second", probes: second}
];

function stackOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).stack ?? "";
  }
  throw new Error("did not throw");
}

function outsideAnyCell() {
  throw new Error("library code");
}

describe("ownerOfStack", () => {
  it("finds the cell whose closure threw, from a real V8 stack", () => {
    expect(ownerOfStack(stackOf(first.body()), owners)).toBe("first");
  });

  it("takes the innermost cell frame: library code called by the second cell belongs to it", () => {
    expect(
      ownerOfStack(
        stackOf(() => second.body(outsideAnyCell)),
        owners
      )
    ).toBe("second");
    expect(
      ownerOfStack(
        stackOf(() => second.body(first.body())),
        owners
      )
    ).toBe("first");
  });

  it("gives null when no frame lies in a cell's code, or without probes", () => {
    expect(ownerOfStack(stackOf(outsideAnyCell), owners)).toBeNull();
    expect(ownerOfStack(stackOf(first.body()), [{owner: "x", probes: {}}])).toBeNull();
    expect(ownerOfStack("Error: no frames", owners)).toBeNull();
  });
});

describe("stackFrames", () => {
  it("reads V8 and Firefox frames, URLs with ports included", () => {
    const v8 =
      "Error: x\n    at helper (http://127.0.0.1:3000/_courant/page-a.js:12:7)\n    at http://127.0.0.1:3000/_courant/page-a.js:30:1";
    const firefox =
      "helper@http://127.0.0.1:3000/_courant/page-a.js:12:7\n@http://127.0.0.1:3000/_courant/page-a.js:30:1\n";
    const expected = [
      {url: "http://127.0.0.1:3000/_courant/page-a.js", line: 12, column: 7},
      {url: "http://127.0.0.1:3000/_courant/page-a.js", line: 30, column: 1}
    ];
    expect(stackFrames(v8)).toEqual(expected);
    expect(stackFrames(firefox)).toEqual(expected);
  });
});
