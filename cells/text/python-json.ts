/**
 * `json.dumps` as Python writes it by default (", " and ": " separators, non-ASCII escaped as \uXXXX), so
 * that a tokenizer saved here is byte-for-byte what Keras's `tokenizer.to_json()` writes.
 */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return pythonString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : pythonFloat(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(", ")}]`;
  if (value instanceof Map)
    return `{${[...value].map(([k, v]) => `${pythonString(String(k))}: ${pythonJsonDumps(v)}`).join(", ")}}`;
  return `{${Object.entries(value as object)
    .map(([k, v]) => `${pythonString(k)}: ${pythonJsonDumps(v)}`)
    .join(", ")}}`;
}

function pythonString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  return String(x);
}
