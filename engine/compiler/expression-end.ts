import {parseExpressionAt} from "acorn";

/** Offset of the `}` closing an inline expression that starts at `start` (just after `${`), or -1. */
export function findExpressionEnd(src: string, start: number): number {
  try {
    const node = parseExpressionAt(src, start, {ecmaVersion: "latest"});
    const close = src.slice(node.end).search(/\S/);
    if (close >= 0 && src[node.end + close] === "}") return node.end + close;
  } catch {
    // TypeScript syntax or a syntax error: fall back to brace matching, and let the compiler report it.
  }
  let depth = 0;
  for (let i = start; i < src.length; ++i) {
    const c = src[i];
    if (c === '"' || c === "'" || c === "`") {
      for (++i; i < src.length && src[i] !== c; ++i) if (src[i] === "\\") ++i;
    } else if (c === "{") ++depth;
    else if (c === "}" && depth-- === 0) return i;
  }
  return -1;
}
