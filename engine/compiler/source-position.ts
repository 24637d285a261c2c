/**
 * Positions in esbuild's output mapped back to the source it transpiled, through the source map's `mappings`
 * (base64 VLQ, one source). esbuild maps every identifier it prints, so a name found in the syntax tree of the
 * output lands on the same name in the source.
 */
export interface Position {
  /** 1-based. */
  line: number;
  /** 0-based. */
  column: number;
}

type Segment = [generatedColumn: number, sourceLine: number, sourceColumn: number];

export function sourcePositions(mappings: string): (generated: Position) => Position {
  const table: Segment[][] = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const line of mappings.split(";")) {
    const segments: Segment[] = [];
    let column = 0;
    for (const text of line.split(",")) {
      if (!text) continue;
      const fields = decodeVlq(text);
      column += fields[0];
      if (fields.length < 4) continue;
      sourceLine += fields[2];
      sourceColumn += fields[3];
      segments.push([column, sourceLine, sourceColumn]);
    }
    table.push(segments);
  }
  return ({line, column}) => {
    // The segment at or before the position on its line, else the last one of an earlier line.
    let found: Segment | undefined;
    for (const segment of table[line - 1] ?? []) if (segment[0] <= column) found = segment;
    if (found) return {line: found[1] + 1, column: found[2] + (column - found[0])};
    for (let l = Math.min(line - 2, table.length - 1); l >= 0; --l) {
      const last = table[l].at(-1);
      if (last) return {line: last[1] + 1, column: last[2]};
    }
    return {line: 1, column: 0};
  };
}

/** 1-based line and 0-based column of an offset in a text. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split("\n");
  return {line: before.length, column: before[before.length - 1].length};
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
