/**
 * Which cell's code an error's stack passes through. The page module brackets each cell's function with two
 * probes, `() => new Error()`: the positions of their frames in the page's script delimit the cell's code,
 * closures included (timer callbacks, event handlers, async helpers the cell defines).
 */
export interface Frame {
  url: string;
  line: number;
  column: number;
}

export interface CodeProbes {
  codeStart?: () => Error;
  codeEnd?: () => Error;
}

/** The `url:line:column` of each frame (V8's `at f (url:1:2)` and `at url:1:2`, Firefox's and Safari's `f@url:1:2`). */
export function stackFrames(stack: string): Frame[] {
  const frames: Frame[] = [];
  for (const line of stack.split("\n")) {
    const match = /([^\s()@]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (match) frames.push({url: match[1], line: Number(match[2]), column: Number(match[3])});
  }
  return frames;
}

const before = (a: Frame, b: Frame) => a.line < b.line || (a.line === b.line && a.column <= b.column);

/** The owner whose code holds the innermost frame of `stack` that lies in any owner's code, or null. */
export function ownerOfStack<T>(stack: string, owners: Array<{owner: T; probes: CodeProbes}>): T | null {
  const ranges = owners.flatMap(({owner, probes}) => {
    const start = probes.codeStart && stackFrames(probes.codeStart().stack ?? "")[0];
    const end = probes.codeEnd && stackFrames(probes.codeEnd().stack ?? "")[0];
    return start && end && start.url === end.url ? [{owner, start, end}] : [];
  });
  for (const frame of stackFrames(stack)) {
    const range = ranges.find(({start, end}) => frame.url === start.url && before(start, frame) && before(frame, end));
    if (range) return range.owner;
  }
  return null;
}
