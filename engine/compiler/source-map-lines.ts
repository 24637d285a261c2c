/**
 * The original line of a generated position, read from a source map's `mappings` (base64 VLQ, one source):
 * enough to name the page line of a construct in esbuild's output.
 */
export function originalLines(mappings: string): (line: number, column: number) => number | null {
  const table: Array<Array<[column: number, sourceLine: number]>> = [];
  let sourceLine = 0;
  for (const line of mappings.split(";")) {
    const segments: Array<[number, number]> = [];
    let column = 0;
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      column += fields[0];
      if (fields.length >= 4) {
        sourceLine += fields[2];
        segments.push([column, sourceLine]);
      }
    }
    table.push(segments);
  }
  /** 0-based line and column in the generated code → 0-based original line (the segment at or before it). */
  return (line, column) => {
    const segments = table[line] ?? [];
    let found: number | null = null;
    for (const [start, original] of segments) if (start <= column) found = original;
    return found ?? segments[0]?.[1] ?? null;
  };
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}
