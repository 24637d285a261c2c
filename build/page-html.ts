import type {CompiledPage} from "../engine/compiler/compile-page.js";

export interface PageAssets {
  /** Paths relative to the page. */
  script: string;
  /** Modules the script imports at once, fetched in parallel with it (`modulepreload`). */
  preload?: string[];
  /** Files the page will fetch as it starts (TensorFlow.js's wasm binary), downloaded while the scripts load. */
  fetches?: string[];
  style: string;
  home: string;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The HTML document of a compiled page. */
export function pageHtml(page: CompiledPage, assets: PageAssets, extraHead = ""): string {
  const title = String(page.data.title ?? firstHeading(page.html) ?? "Courant");
  const lang = String(page.data.lang ?? "en");
  return `<!doctype html>
<html lang="${escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets.style}">
<script type="module" src="${assets.script}"></script>${(assets.fetches ?? []).map((href) => `\n<link rel="preload" as="fetch" crossorigin href="${href}">`).join("")}${(assets.preload ?? []).map((href) => `\n<link rel="modulepreload" href="${href}">`).join("")}${extraHead}
</head>
<body>
<header class="courant-header"><a href="${assets.home}">Courant</a><span><span id="courant-backend"></span> <small id="courant-backend-why"></small></span></header>
<main>
${page.html}</main>
</body>
</html>
`;
}

function firstHeading(html: string): string | undefined {
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  return match?.[1].replace(/<[^>]+>/g, "").trim() || undefined;
}
