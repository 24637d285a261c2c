import {describe, expect, it} from "vitest";
import {definitionOrder} from "./definition-order.js";

const cell = (id: string, inputs: string[], outputs: string[], line = 0) => ({id, line, inputs, outputs});
const ids = (cells: {id: string}[]) => cells.map((c) => c.id);

describe("the order of a page's definitions", () => {
  it("keeps the page's order where nothing reads a name defined further down", () => {
    const cells = [
      cell("a", ["view", "Inputs"], ["hiddenSize"]),
      cell("b", ["hiddenSize"], ["model"]),
      cell("c", ["model", "html"], [])
    ];
    expect(ids(definitionOrder(cells))).toEqual(["a", "b", "c"]);
  });

  it("puts a cell after the cells defining what it reads, and no later", () => {
    const cells = [
      cell("chart", ["history"], []),
      cell("slider", ["view"], ["epochs"]),
      cell("train", ["epochs", "data"], ["history"]),
      cell("data", [], ["data"]),
      cell("prose", ["html"], [])
    ];
    expect(ids(definitionOrder(cells))).toEqual(["slider", "data", "train", "chart", "prose"]);
  });

  it("reads a name from its first definer, as the runtime does", () => {
    const cells = [
      cell("x", ["a"], []),
      cell("a1", ["late"], ["a"]),
      cell("a2", [], ["a"]),
      cell("late", [], ["late"])
    ];
    expect(ids(definitionOrder(cells))).toEqual(["a2", "late", "a1", "x"]);
  });

  it("defines a cell reading an unknown name where it stands (the runtime reports it)", () => {
    const cells = [cell("typo", ["hiddenSise"], []), cell("slider", [], ["hiddenSize"])];
    expect(ids(definitionOrder(cells))).toEqual(["typo", "slider"]);
  });

  it("puts cells in a cycle, and those waiting on one, last in the page's order", () => {
    const cells = [
      cell("reader", ["p"], []),
      cell("p", ["q"], ["p"]),
      cell("free", [], ["free"]),
      cell("q", ["p"], ["q"])
    ];
    expect(ids(definitionOrder(cells))).toEqual(["free", "reader", "p", "q"]);
  });
});
