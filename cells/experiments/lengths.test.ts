import {describe, expect, it} from "vitest";
import {lengthsErrorFr, parseLengths, type LengthsError} from "./lengths.js";

describe("parseLengths", () => {
  const accepted: [string, number[]][] = [
    ["10, 20, 50, 100", [10, 20, 50, 100]],
    ["10 20;50,,100", [10, 20, 50, 100]],
    ["  7\n", [7]],
    ["010", [10]],
    ["1, 500", [1, 500]],
    [Array(20).fill("5").join(","), Array(20).fill(5)]
  ];
  it.each(accepted)("%j → %j", (text, lengths) => expect(parseLengths(text)).toEqual({lengths, error: null}));

  const refused: [string, LengthsError][] = [
    ["", {reason: "empty"}],
    [" ,; ", {reason: "empty"}],
    ["0x10", {reason: "not-an-integer", token: "0x10"}],
    ["10, 1e2", {reason: "not-an-integer", token: "1e2"}],
    ["12.5", {reason: "not-an-integer", token: "12.5"}],
    ["-5", {reason: "not-an-integer", token: "-5"}],
    ["+5", {reason: "not-an-integer", token: "+5"}],
    ["Infinity", {reason: "not-an-integer", token: "Infinity"}],
    ["0", {reason: "out-of-range", token: "0"}],
    ["10, 501", {reason: "out-of-range", token: "501"}],
    ["99999999999999999999999", {reason: "out-of-range", token: "99999999999999999999999"}],
    [Array(21).fill("5").join(" "), {reason: "too-many", count: 21}],
    [Array(500).fill("500").join(","), {reason: "too-many", count: 500}]
  ];
  it.each(refused)("%j is refused", (text, error) => expect(parseLengths(text)).toEqual({lengths: null, error}));
});

describe("lengthsErrorFr", () => {
  it("names the offending entry and the rule, in French", () => {
    expect(lengthsErrorFr({reason: "not-an-integer", token: "0x10"})).toMatch(
      /^« 0x10 » n'est pas un entier décimal .*entre 1 et 500/
    );
    expect(lengthsErrorFr({reason: "too-many", count: 500})).toMatch(/^500 longueurs.* 20 au plus/);
    expect(lengthsErrorFr({reason: "out-of-range", token: "x".repeat(100)})).toContain(`« ${"x".repeat(24)}… »`);
    expect(lengthsErrorFr({reason: "empty"})).toMatch(/^Aucune longueur/);
  });
});
