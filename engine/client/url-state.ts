/**
 * Inputs bound to a URL key (`view(input, {url: "key"})`): what a query value means for a control's domain.
 * Pure functions, no DOM: the raw text of `?key=…` in, the value to use and, when it differs from what was
 * written, a note saying why. Numbers are read strictly (decimal notation only), then clamped and stepped the
 * way the control itself would; options are matched exactly, else the nearest numeric option, else the default.
 */

/** What values a control can hold. `min`/`max` may be infinite; `step` null means any value. */
export type Domain =
  | {kind: "number"; min: number; max: number; step: number | null}
  | {kind: "options"; values: readonly unknown[]}
  | {kind: "boolean"}
  | {kind: "text"};

/** Why the value used is not the one written in the address. */
export type UrlNoteReason =
  | "clamped" // a number outside [min, max]: the nearest bound
  | "rounded" // a number between two steps: the nearest step
  | "nearest-option" // a number that is no option: the nearest numeric option
  | "not-a-number" // not a decimal number (`0x10`, `Infinity`, ``): the default
  | "not-an-option" // no option matches and none is numeric: the default
  | "not-a-boolean"; // neither `true` nor `false`: the default

export interface UrlNote {
  key: string;
  raw: string;
  value: unknown;
  reason: UrlNoteReason;
}

export interface UrlReading {
  value: unknown;
  note: UrlNote | null;
}

// Optional sign, digits with an optional fraction (or a bare fraction), optional exponent. Nothing else:
// no hex/octal/binary prefixes, no `Infinity`, no surrounding spaces, no empty string.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number as written, or null. Overflow (`1e400`) gives ±Infinity: a number, just out of range. */
export function parseDecimal(raw: string): number | null {
  return DECIMAL.test(raw) ? Number(raw) : null;
}

/** The value a `?key=raw` gives a control of this domain (`raw` null: the key is absent, keep the default). */
export function readUrlValue(key: string, raw: string | null, domain: Domain, fallback: unknown): UrlReading {
  if (raw === null) return {value: fallback, note: null};
  const noted = (value: unknown, reason: UrlNoteReason | null): UrlReading => ({
    value,
    note: reason ? {key, raw, value, reason} : null
  });
  switch (domain.kind) {
    case "text":
      return noted(raw, null);
    case "boolean":
      return raw === "true" || raw === "false" ? noted(raw === "true", null) : noted(fallback, "not-a-boolean");
    case "number": {
      const n = parseDecimal(raw);
      if (n === null) return noted(fallback, "not-a-number");
      const fitted = fitNumber(n, domain);
      return fitted === null ? noted(fallback, "not-a-number") : noted(fitted.value, fitted.reason);
    }
    case "options": {
      const exact = domain.values.find((value) => formatUrlValue(value) === raw);
      if (exact !== undefined) return noted(exact, null);
      const n = parseDecimal(raw);
      const nearest = n === null ? null : nearestOption(n, domain.values);
      if (nearest === null) return noted(fallback, "not-an-option");
      return noted(nearest, nearest === n ? null : "nearest-option");
    }
  }
}

/**
 * A number fitted to [min, max] and to the step grid (based at `min`, as HTML does): the nearest valid value,
 * and which rule moved it. Null when there is none (an infinite value and no finite bound on its side).
 */
export function fitNumber(
  n: number,
  {min, max, step}: {min: number; max: number; step: number | null}
): {value: number; reason: "clamped" | "rounded" | null} | null {
  const bounded = Math.min(max, Math.max(min, n));
  if (!Number.isFinite(bounded)) return null;
  const value = step ? onStep(bounded, Number.isFinite(min) ? min : 0, step, max) : bounded;
  const reason = bounded !== n ? "clamped" : value !== n ? "rounded" : null;
  return {value, reason};
}

/** The grid point nearest `value` (ties upwards), never above `max`; decimals as the step and base have. */
function onStep(value: number, base: number, step: number, max: number): number {
  const places = Math.min(100, Math.max(decimalPlaces(step), decimalPlaces(base)));
  const at = (k: number) => Number((base + k * step).toFixed(places));
  const k = Math.round((value - base) / step);
  return at(k) > max ? at(k - 1) : at(k);
}

/** Digits after the point in the shortest form of `x` (`0.05` → 2, `1e-7` → 7, `300` → 0). */
function decimalPlaces(x: number): number {
  const [mantissa, exponent = "0"] = String(x).split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** The numeric option nearest `n` (ties: the earlier option), or null when no option is a number. */
export function nearestOption(n: number, values: readonly unknown[]): number | null {
  const numbers = values.filter((value): value is number => typeof value === "number" && !Number.isNaN(value));
  if (!numbers.length) return null;
  // Beyond the options' span the nearest is the end on that side (differences with 1e300 would all tie).
  const [low, high] = [Math.min(...numbers), Math.max(...numbers)];
  if (n <= low) return low;
  if (n >= high) return high;
  return numbers.reduce((best, value) => (Math.abs(value - n) < Math.abs(best - n) ? value : best));
}

/** How a value is written in the address; null for no value (the key is removed). */
export function formatUrlValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}
