import MarkdownIt from "markdown-it";
import {createHash} from "node:crypto";
import {findExpressionEnd} from "./expression-end.js";
import {isFalse, parseFenceInfo} from "./fence-info.js";
import {isTemplateFence, templateSource} from "./fenced-template.js";
import {splitFrontMatter, type FrontMatter} from "./front-matter.js";
import {cellMarkup} from "../client/cell-markup.js";

/** A cell as written in the page, before compilation. */
export interface SourceCell {
  id: string;
  source: string;
  lang: "ts" | "js";
  /** Inline `${…}` cells live in prose; block cells are fenced code. */
  inline: boolean;
  /** Page line (1-based) of the cell's first source line. */
  line: number;
  /** Page column (0-based) where the source starts on that line: after `${` for an inline cell, 0 for a block. */
  column: number;
  /** Show the source above the output (` ```ts echo `). */
  echo: boolean;
}

export interface ParsedPage {
  data: FrontMatter;
  /** Prose HTML, with one placeholder element per cell. */
  html: string;
  cells: SourceCell[];
}

const CELL_LANGS = new Set(["ts", "js", "typescript", "javascript"]);

export function parsePage(text: string): ParsedPage {
  const {data, content, lineOffset} = splitFrontMatter(text);
  const cells: SourceCell[] = [];
  const seen = new Map<string, number>();
  const addCell = (cell: Omit<SourceCell, "id">): string => {
    const hash = createHash("sha256").update(`${cell.lang}\n${cell.inline}\n${cell.source}`).digest("hex").slice(0, 8);
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    const id = n ? `${hash}-${n}` : hash;
    cells.push({id, ...cell});
    return id;
  };

  const md = new MarkdownIt({html: true, linkify: false, typographer: false});
  const defaultFence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const {tag, attributes} = parseFenceInfo(token.info);
    const template = isTemplateFence(tag);
    const live = (CELL_LANGS.has(tag) || template) && !isFalse(attributes.run);
    // As in Observable Framework: a cell shows its source with `echo`; a block that does not run shows it
    // unless `echo=false`.
    const echo = attributes.echo === undefined ? !live : !isFalse(attributes.echo);
    if (!live) return echo ? defaultFence(tokens, index, options, env, self) : "";
    const id = addCell({
      source: template ? templateSource(tag, token.content) : token.content,
      lang: template ? "js" : tag.startsWith("t") ? "ts" : "js",
      inline: false,
      line: lineOffset + token.map![0] + 2,
      column: 0,
      echo
    });
    const code = echo ? `<pre class="courant-source"><code>${md.utils.escapeHtml(token.content)}</code></pre>\n` : "";
    return `${code}${cellMarkup(id, false)}\n`;
  };

  // Track the page line of each inline token so inline cells can report where they are.
  md.core.ruler.at("inline", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "inline") continue;
      state.env.courantLine = lineOffset + (token.map ? token.map[0] + 1 : 1);
      state.md.inline.parse(token.content, state.md, state.env, token.children!);
    }
  });
  md.inline.ruler.before("text", "courant_inline", (state, silent) => {
    const {src, pos} = state;
    if (src.charCodeAt(pos) !== 0x24 /* $ */ || src.charCodeAt(pos + 1) !== 0x7b /* { */) return false;
    const end = findExpressionEnd(src, pos + 2);
    if (end < 0) return false;
    if (!silent) {
      const token = state.push("courant_inline", "", 0);
      token.content = src.slice(pos + 2, end);
      token.meta = {
        line: (state.env.courantLine as number) + (src.slice(0, pos).match(/\n/g)?.length ?? 0),
        column: columnAfter(src, pos)
      };
    }
    state.pos = end + 1;
    return true;
  });
  md.renderer.rules.courant_inline = (tokens, index) => {
    const token = tokens[index];
    const id = addCell({
      source: token.content,
      lang: "ts",
      inline: true,
      line: (token.meta as {line: number}).line,
      column: (token.meta as {column: number}).column,
      echo: false
    });
    return cellMarkup(id, true);
  };

  // `${…}` inside a raw HTML block (which markdown-it leaves unparsed) is an inline cell too.
  const defaultHtmlBlock = md.renderer.rules.html_block!;
  md.renderer.rules.html_block = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const html = defaultHtmlBlock(tokens, index, options, env, self);
    let out = "";
    let cursor = 0;
    for (let start = html.indexOf("${"); start >= 0; start = html.indexOf("${", cursor)) {
      const end = findExpressionEnd(html, start + 2);
      if (end < 0) break;
      const line = lineOffset + (token.map ? token.map[0] + 1 : 1) + (html.slice(0, start).match(/\n/g)?.length ?? 0);
      const column = columnAfter(html, start);
      const id = addCell({source: html.slice(start + 2, end), lang: "ts", inline: true, line, column, echo: false});
      out += html.slice(cursor, start) + cellMarkup(id, true);
      cursor = end + 1;
    }
    return out + html.slice(cursor);
  };

  const html = md.render(content, {});
  return {data, html, cells};
}

/** The column just after the `${` that starts at `start` (markdown-it keeps a paragraph's lines as written). */
function columnAfter(text: string, start: number): number {
  return start - (text.lastIndexOf("\n", start - 1) + 1) + 2;
}
