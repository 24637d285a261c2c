/** The comparison views' few styles, added to the page once (the engine's stylesheet knows nothing of runs). */
const CSS = `
.courant-run-table-scroll { overflow-x: auto; max-width: 100%; }
.courant-run-table { font-size: 13px; }
.courant-run-table .courant-run-actions { white-space: nowrap; }
.courant-run-table th[data-column] { cursor: pointer; user-select: none; white-space: nowrap; }
.courant-run-table th[aria-sort="ascending"]::after { content: " ▲"; font-size: 10px; }
.courant-run-table th[aria-sort="descending"]::after { content: " ▼"; font-size: 10px; }
.courant-run-table td, .courant-run-table th { padding: 2px 8px; }
.courant-run-table tbody tr { cursor: pointer; }
.courant-run-table tbody tr:hover { background: #f3f5fb; }
.courant-run-table tbody tr.courant-selected { background: #fff3c4; outline: 2px solid #efb118; }
.courant-run-table button { font-size: 13px; }
.courant-run-table .courant-changed { font-weight: 600; }
.courant-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
.courant-sweep-progress { display: flex; gap: 0.8rem; align-items: center; flex-wrap: wrap; }
.courant-sweep-progress progress { width: 240px; }
.courant-sweep-point, [data-run-id] path { cursor: pointer; }
.courant-compare-figure { margin: 0.5rem 0; }
.courant-compare-title { font-weight: 600; font-size: 15px; margin-bottom: 0.2rem; }
`;

export function ensureCompareStyles(): void {
  if (typeof document === "undefined" || document.getElementById("courant-compare-style")) return;
  const style = document.createElement("style");
  style.id = "courant-compare-style";
  style.textContent = CSS;
  document.head.append(style);
}

/** The same colour for the same run in every view (Observable's categorical scheme, by position). */
export const RUN_COLORS = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0"
];

/**
 * A comparison chart under its title. Not a `figcaption`: the essay's tests count the section charts by
 * `figure > figcaption`, and the comparison views come and go with the ledger.
 */
export function compareFigure(title: string, ...content: (Element | string)[]): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "courant-compare-figure";
  figure.setAttribute("aria-label", title);
  const heading = document.createElement("div");
  heading.className = "courant-compare-title";
  heading.textContent = title;
  figure.append(heading, ...content);
  return figure;
}

/** Whole-epoch ticks for an epoch axis (Plot's automatic ticks put 1.5 under a "d" format as a second "2"). */
export function epochTicks(epochs: number): number[] {
  const step = Math.max(1, Math.ceil(epochs / 10));
  return Array.from({length: Math.floor((epochs - 1) / step) + 1}, (_, i) => 1 + i * step);
}
