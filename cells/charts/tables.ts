import type {Summary} from "../models/summary.js";

/** Small DOM builders for the essay's tables. Text goes in as text, never as HTML. */

export function formatNumber(n: number): string {
  return n.toLocaleString("fr-FR");
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A table of plain objects: one column per key of the first row. */
export function dataTable(rows: Record<string, string | number>[], caption?: string): HTMLTableElement {
  const table = element("table", undefined, "courant-table");
  if (caption) table.append(element("caption", caption));
  const columns = Object.keys(rows[0] ?? {});
  const head = element("tr");
  for (const c of columns) head.append(element("th", c));
  table.append(element("thead"));
  table.tHead!.append(head);
  const body = element("tbody");
  for (const row of rows) {
    const tr = element("tr");
    for (const c of columns)
      tr.append(element("td", String(row[c]), typeof row[c] === "number" ? "courant-num" : undefined));
    body.append(tr);
  }
  table.append(body);
  return table;
}

/** `model.summary()` as a table, with Keras's totals. */
export function summaryTable(s: Summary, title = `Modèle : "${s.name}"`): HTMLElement {
  const table = dataTable(
    s.rows.map((r) => ({
      "Couche (type)": `${r.name} (${r.type})`,
      "Forme de sortie": r.outputShape,
      "Param. #": formatNumber(r.params)
    })),
    title
  );
  table.classList.add("courant-summary");
  const foot = element("tfoot");
  for (const [label, value] of [
    ["Total params", s.totalParams],
    ["Trainable params", s.trainableParams],
    ["Non-trainable params", s.nonTrainableParams]
  ] as const) {
    const tr = element("tr");
    const th = element("th", `${label} : ${formatNumber(value)}`);
    th.colSpan = 3;
    tr.append(th);
    foot.append(tr);
  }
  table.append(foot);
  return table;
}

/** An SVG element from markup made by this package (the diagrams). */
export function svgElement(markup: string): SVGSVGElement {
  const svg = new DOMParser().parseFromString(markup, "image/svg+xml").documentElement;
  return document.importNode(svg, true) as unknown as SVGSVGElement;
}
