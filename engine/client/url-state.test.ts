import {describe, expect, it} from "vitest";
import {fitNumber, formatUrlValue, nearestOption, parseDecimal, readUrlValue} from "./url-state.js";
import type {Domain, UrlNoteReason} from "./url-state.js";

// The essay's controls, as the engine reads them from Observable Inputs.
const hidden: Domain = {kind: "number", min: 8, max: 256, step: 8};
const seed: Domain = {kind: "number", min: 0, max: 4294967295, step: 1};
const dropout: Domain = {kind: "number", min: 0, max: 0.8, step: 0.05};
const free: Domain = {kind: "number", min: -Infinity, max: Infinity, step: null};
const lr: Domain = {kind: "options", values: [0.0001, 0.0003, 0.001, 0.003, 0.01]};
const batch: Domain = {kind: "options", values: [8, 16, 32, 64, 128]};
const colour: Domain = {kind: "options", values: ["red", "green"]};

describe("parseDecimal reads decimal notation only", () => {
  const cases: [string, number | null][] = [
    ["7", 7],
    ["-1", -1],
    ["+3", 3],
    ["1.5", 1.5],
    [".5", 0.5],
    ["5.", 5],
    ["1e300", 1e300],
    ["2.5E-3", 0.0025],
    ["9007199254740992", 2 ** 53],
    ["1e400", Infinity],
    ["", null],
    [" 7", null],
    ["7 ", null],
    ["0x10", null],
    ["0o7", null],
    ["0b1", null],
    ["Infinity", null],
    ["-Infinity", null],
    ["NaN", null],
    ["1_000", null],
    ["1,5", null],
    ["2^53", null],
    ["e5", null],
    [".", null],
    ["١٢", null]
  ];
  it.each(cases)("%j → %s", (raw, expected) => expect(parseDecimal(raw)).toBe(expected));
});

describe("readUrlValue fits a query value to its control", () => {
  const cases: {
    what: string;
    raw: string | null;
    domain: Domain;
    fallback: unknown;
    value: unknown;
    reason: UrlNoteReason | null;
  }[] = [
    {what: "absent key keeps the default", raw: null, domain: hidden, fallback: 128, value: 128, reason: null},
    {what: "a valid value", raw: "64", domain: hidden, fallback: 128, value: 64, reason: null},
    {what: "above max", raw: "1e9", domain: hidden, fallback: 128, value: 256, reason: "clamped"},
    {what: "below min", raw: "0", domain: hidden, fallback: 128, value: 8, reason: "clamped"},
    {what: "between steps", raw: "100", domain: hidden, fallback: 128, value: 104, reason: "rounded"},
    {what: "hex refused", raw: "0x10", domain: hidden, fallback: 128, value: 128, reason: "not-a-number"},
    {what: "empty refused", raw: "", domain: hidden, fallback: 128, value: 128, reason: "not-a-number"},
    {what: "Infinity refused", raw: "Infinity", domain: hidden, fallback: 128, value: 128, reason: "not-a-number"},
    {what: "seed -1", raw: "-1", domain: seed, fallback: 42, value: 0, reason: "clamped"},
    {what: "seed 1.5 rounds half up", raw: "1.5", domain: seed, fallback: 42, value: 2, reason: "rounded"},
    {
      what: "seed 2^53 written out",
      raw: "9007199254740992",
      domain: seed,
      fallback: 42,
      value: 4294967295,
      reason: "clamped"
    },
    {what: "seed 1e300", raw: "1e300", domain: seed, fallback: 42, value: 4294967295, reason: "clamped"},
    {
      what: "seed overflowing to Infinity",
      raw: "1e400",
      domain: seed,
      fallback: 42,
      value: 4294967295,
      reason: "clamped"
    },
    {what: "seed 2^53 as an expression", raw: "2^53", domain: seed, fallback: 42, value: 42, reason: "not-a-number"},
    {what: "seed max", raw: "4294967295", domain: seed, fallback: 42, value: 4294967295, reason: null},
    {what: "decimal steps stay exact", raw: "0.3", domain: dropout, fallback: 0.3, value: 0.3, reason: null},
    {what: "between decimal steps", raw: "0.33", domain: dropout, fallback: 0.3, value: 0.35, reason: "rounded"},
    {what: "top decimal step", raw: "0.81", domain: dropout, fallback: 0.3, value: 0.8, reason: "clamped"},
    {what: "unbounded number as is", raw: "-12.25", domain: free, fallback: 0, value: -12.25, reason: null},
    {
      what: "unbounded number, overflow refused",
      raw: "1e400",
      domain: free,
      fallback: 0,
      value: 0,
      reason: "not-a-number"
    },
    {what: "an option as written", raw: "0.003", domain: lr, fallback: 0.001, value: 0.003, reason: null},
    {what: "an option in another notation", raw: "1e-3", domain: lr, fallback: 0.001, value: 0.001, reason: null},
    {what: "lr -1 → nearest option", raw: "-1", domain: lr, fallback: 0.001, value: 0.0001, reason: "nearest-option"},
    {
      what: "lr 0.002 → tie, the earlier option",
      raw: "0.002",
      domain: lr,
      fallback: 0.001,
      value: 0.001,
      reason: "nearest-option"
    },
    {what: "lr 1e300 → the largest", raw: "1e300", domain: lr, fallback: 0.001, value: 0.01, reason: "nearest-option"},
    {what: "batch 7 → 8", raw: "7", domain: batch, fallback: 32, value: 8, reason: "nearest-option"},
    {what: "batch 50 → 64", raw: "50", domain: batch, fallback: 32, value: 64, reason: "nearest-option"},
    {what: "batch abc → default", raw: "abc", domain: batch, fallback: 32, value: 32, reason: "not-an-option"},
    {what: "batch 0x10 → default", raw: "0x10", domain: batch, fallback: 32, value: 32, reason: "not-an-option"},
    {what: "a string option", raw: "green", domain: colour, fallback: "red", value: "green", reason: null},
    {
      what: "no such string option",
      raw: "blue",
      domain: colour,
      fallback: "red",
      value: "red",
      reason: "not-an-option"
    },
    {what: "text as is", raw: "0x10, 20", domain: {kind: "text"}, fallback: "", value: "0x10, 20", reason: null},
    {what: "boolean true", raw: "true", domain: {kind: "boolean"}, fallback: false, value: true, reason: null},
    {
      what: "boolean 1 refused",
      raw: "1",
      domain: {kind: "boolean"},
      fallback: false,
      value: false,
      reason: "not-a-boolean"
    }
  ];
  it.each(cases)("$what: $raw", ({raw, domain, fallback, value, reason}) => {
    const reading = readUrlValue("k", raw, domain, fallback);
    expect(reading.value).toBe(value);
    expect(reading.note).toEqual(reason === null ? null : {key: "k", raw, value, reason});
  });
});

describe("helpers", () => {
  it("fitNumber gives no value for an infinity with no finite bound on its side", () => {
    expect(fitNumber(-Infinity, {min: -Infinity, max: 10, step: null})).toBeNull();
    expect(fitNumber(-Infinity, {min: 0, max: Infinity, step: 1})).toEqual({value: 0, reason: "clamped"});
  });

  it("nearestOption ignores options that are not numbers", () => {
    expect(nearestOption(3, ["a", 10, null, 2])).toBe(2);
    expect(nearestOption(3, ["a", "b"])).toBeNull();
  });

  it("formatUrlValue writes numbers so that readUrlValue reads them back unchanged", () => {
    for (const value of [0.0001, 1e-7, 4294967295, 0.35, -2]) {
      const written = formatUrlValue(value)!;
      expect(readUrlValue("k", written, free, 0).value).toBe(value);
    }
    expect(formatUrlValue(null)).toBeNull();
    expect(formatUrlValue(false)).toBe("false");
  });
});
