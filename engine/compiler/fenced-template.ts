import {findExpressionEnd} from "./expression-end.js";

/**
 * Fenced blocks in other languages that are cells, as in Observable Framework: each becomes a tagged template of
 * its content, rendered by the builtin named by the tag; `${…}` in the content are live expressions. A raw tag
 * sees backslashes as written (TeX's `\frac`); the others get a template whose cooked text is the content.
 */
const TEMPLATE_TAGS: Record<string, {tag: string; raw: boolean}> = {
  tex: {tag: "tex.block", raw: true},
  html: {tag: "html.fragment", raw: true},
  svg: {tag: "svg.fragment", raw: true},
  dot: {tag: "dot", raw: false},
  mermaid: {tag: "await mermaid", raw: false}
};

export function isTemplateFence(lang: string): boolean {
  return Object.hasOwn(TEMPLATE_TAGS, lang);
}

/**
 * The JavaScript of a template fence. Lines are kept (nothing adds or removes a newline), so a position in the
 * result is on the same line as in the block; on the first line, columns are shifted by the tag.
 */
export function templateSource(lang: string, content: string): string {
  const {tag, raw} = TEMPLATE_TAGS[lang];
  const text = content.replace(/\s+$/, "");
  let out = "";
  let cursor = 0;
  for (let start = nextPlaceholder(text, 0); start >= 0; start = nextPlaceholder(text, cursor)) {
    const end = findExpressionEnd(text, start + 2);
    if (end < 0) break;
    out += literal(text.slice(cursor, start), raw) + text.slice(start, end + 1);
    cursor = end + 1;
  }
  return `${tag}\`${out}${literal(text.slice(cursor), raw, true)}\``;
}

/** Offset of the next `${` that is not escaped by a backslash, or -1. */
function nextPlaceholder(text: string, from: number): number {
  for (let i = text.indexOf("${", from); i >= 0; i = text.indexOf("${", i + 1)) {
    if (countBackslashesBefore(text, i) % 2 === 0) return i;
  }
  return -1;
}

function literal(text: string, raw: boolean, last = false): string {
  let out = "";
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    const escaped = countBackslashesBefore(text, i) % 2 === 1;
    if (c === "$" && text[i + 1] === "{" && !escaped) {
      out += raw ? "${'${'}" : "\\${";
      ++i;
    } else if (c === "`") {
      out += !raw ? "\\`" : escaped ? "`" : "${'`'}";
    } else if (c === "\\" && !raw && !(text[i + 1] === "$" && text[i + 2] === "{")) {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  // A raw template cannot end with an odd backslash: it would escape the closing backtick.
  if (raw && last && countBackslashesBefore(text, text.length) % 2 === 1) out = out.slice(0, -1) + "${'\\\\'}";
  return out;
}

function countBackslashesBefore(text: string, i: number): number {
  let n = 0;
  while (text[i - 1 - n] === "\\") ++n;
  return n;
}
