import type {PageProblem} from "./page-problem.js";

/** Front matter: a leading `---` block of `key: value` lines (a YAML subset: strings, numbers, booleans). */
export interface FrontMatter {
  title?: string;
  lang?: string;
  [key: string]: string | number | boolean | undefined;
}

export interface SplitPage {
  data: FrontMatter;
  /** The page text after the front matter. */
  content: string;
  /** How many lines the front matter took, so that cell lines stay page lines. */
  lineOffset: number;
  /** Lines that are not `key: value`, unterminated quotes, an unclosed block: each at its page line. */
  errors: PageProblem[];
}

const FENCE = /^---[ \t]*\r?$/;
const PAIR = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?)|[ \t]*)\r?$/;
/** A language tag as `<html lang>` takes it (BCP 47, loosely): en, fr, pt-BR, zh-Hant-TW. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Splits the front matter from the page. A malformed line is reported and skipped, so one typo neither garbles
 * the page (`lang: "fr` used to become `<html lang="&#34;fr">`) nor hides the rest of it.
 */
export function splitFrontMatter(text: string): SplitPage {
  const lines = text.split("\n");
  if (!FENCE.test(lines[0])) return {data: {}, content: text, lineOffset: 0, errors: []};
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) {
    const message = "the front matter opened by --- on line 1 is never closed: end it with a line holding only ---";
    return {data: {}, content: text, lineOffset: 0, errors: [problem(message, 1, 0)]};
  }
  const data: FrontMatter = {};
  const errors: PageProblem[] = [];
  for (let i = 1; i < close; ++i) {
    const line = lines[i].replace(/\r$/, "");
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const pair = PAIR.exec(line);
    if (!pair) {
      errors.push(problem(`expected "key: value" in the front matter, got "${clip(line)}"`, i + 1, 0));
      continue;
    }
    const [, key, raw = ""] = pair;
    const valueColumn = line.length - raw.length;
    const value = parseScalar(raw.trimEnd());
    if (typeof value === "object") {
      errors.push(problem(`${key}: ${value.error}`, i + 1, valueColumn));
    } else if (key in data) {
      errors.push(problem(`${key} is set twice in the front matter`, i + 1, 0));
    } else if (key === "lang" && !(typeof value === "string" && LANGUAGE_TAG.test(value))) {
      errors.push(problem(`lang must be a language tag such as en, fr or pt-BR, got ${clip(raw)}`, i + 1, valueColumn));
    } else {
      data[key] = value;
    }
  }
  const content = lines.slice(close + 1).join("\n");
  return {data, content, lineOffset: close + 1, errors};
}

function problem(message: string, line: number, column: number): PageProblem {
  return {kind: "front-matter", message, line, column};
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

function parseScalar(raw: string): string | number | boolean | {error: string} {
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    // YAML: "…" takes backslash escapes (JSON's are a subset), '…' doubles its quote.
    const quoted = quote === '"' ? /^"(?:[^"\\]|\\.)*"$/ : /^'(?:[^']|'')*'$/;
    if (!quoted.test(raw)) {
      return {error: `the string starting with ${quote} is not closed by a matching ${quote} on its line`};
    }
    if (quote === "'") return raw.slice(1, -1).replace(/''/g, "'");
    try {
      return JSON.parse(raw) as string;
    } catch {
      return {error: `the string ${clip(raw)} has an escape JSON does not know`};
    }
  }
  if (raw === "true" || raw === "false") return raw === "true";
  if (raw !== "" && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}
