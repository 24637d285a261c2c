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
}

export function splitFrontMatter(text: string): SplitPage {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!match) return {data: {}, content: text, lineOffset: 0};
  const data: FrontMatter = {};
  for (const line of match[1].split(/\r?\n/)) {
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (pair) data[pair[1]] = parseScalar(pair[2].trim());
  }
  const lineOffset = match[0].split("\n").length - (match[2] ? 1 : 0);
  return {data, content: text.slice(match[0].length), lineOffset};
}

function parseScalar(raw: string): string | number | boolean {
  if (/^(["']).*\1$/.test(raw)) return raw.slice(1, -1);
  if (raw === "true" || raw === "false") return raw === "true";
  if (raw !== "" && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}
