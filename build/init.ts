/** `courant init`: a starter page an author can open at once and edit. Never overwrites a file. */
import {existsSync, mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";

const STARTER_PAGE = `---
title: My first essay
lang: en
---
# My first essay

Each fenced \`ts\` block is a cell. Move the slider: only the cells that read \`n\` run again.

\`\`\`ts
const n = view(Inputs.range([1, 20], {step: 1, value: 5, label: "n"}));
\`\`\`

\`\`\`ts
const squares = Array.from({length: n}, (_, i) => ({i, square: i * i}));
\`\`\`

The square of \${n} is \${n * n}.

\`\`\`ts
Plot.barY(squares, {x: "i", y: "square"}).plot({width})
\`\`\`
`;

/** Writes `pages/index.md` under `dir`; returns the files written. */
export function initProject(dir: string): string[] {
  const page = join(dir, "pages", "index.md");
  if (existsSync(page)) throw new Error(`${page} already exists; nothing was written`);
  mkdirSync(join(dir, "pages"), {recursive: true});
  writeFileSync(page, STARTER_PAGE);
  return [page];
}
