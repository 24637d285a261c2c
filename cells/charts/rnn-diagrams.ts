/**
 * The §2 diagrams, drawn as SVG (the seed drew them with matplotlib): the folded RNN cell with its loop,
 * and the RNN unrolled over time. Returned as markup strings so that they can be tested in Node.
 */
const COLORS = {input: "#2e7d32", output: "#c62828", state: "#6a1b9a", cell: "#bbdefb", cellStroke: "#0d47a1"};

const arrowDefs = `<defs>${Object.entries({input: COLORS.input, output: COLORS.output, state: COLORS.state})
  .map(
    ([name, color]) =>
      `<marker id="arrow-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`
  )
  .join("")}</defs>`;

const sub = (base: string, index: string) => `${base}<tspan baseline-shift="sub" font-size="75%">${index}</tspan>`;

/** "RNN Replié": one cell, x_t in, h_t out, h_{t-1} fed back. */
export function foldedRnnSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 260 240" width="260" height="240" role="img" aria-label="RNN replié" font-family="system-ui, sans-serif">
${arrowDefs}
<text x="130" y="18" text-anchor="middle" font-weight="bold" font-size="15">RNN Replié</text>
<text x="130" y="42" text-anchor="middle" fill="${COLORS.input}" font-size="14">${sub("x", "t")}</text>
<line x1="130" y1="48" x2="130" y2="82" stroke="${COLORS.input}" stroke-width="2" marker-end="url(#arrow-input)"/>
<circle cx="130" cy="125" r="40" fill="${COLORS.cell}" stroke="${COLORS.cellStroke}" stroke-width="2"/>
<text x="130" y="130" text-anchor="middle" font-weight="bold" font-size="15">RNN</text>
<line x1="130" y1="167" x2="130" y2="203" stroke="${COLORS.output}" stroke-width="2" marker-end="url(#arrow-output)"/>
<text x="130" y="222" text-anchor="middle" fill="${COLORS.output}" font-size="14">${sub("h", "t")}</text>
<path d="M168,140 C230,160 230,90 168,110" fill="none" stroke="${COLORS.state}" stroke-width="2" marker-end="url(#arrow-state)"/>
<text x="222" y="130" fill="${COLORS.state}" font-size="13">${sub("h", "t−1")}</text>
</svg>`;
}

/** "RNN Déroulé dans le Temps": `steps` copies of the cell (capped for legibility), state passed right. */
export function unrolledRnnSvg(steps: number, maxShown = 8): string {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be an integer ≥ 1, got ${steps}`);
  const shown = Math.min(steps, maxShown);
  const elided = steps > shown;
  const gap = 96;
  const width = 60 + gap * (shown + (elided ? 1 : 0));
  const label = (i: number) => (elided && i === shown - 1 ? String(steps) : String(i + 1));
  const cells: string[] = [];
  for (let i = 0; i < shown; ++i) {
    const slot = elided && i === shown - 1 ? i + 1 : i;
    const cx = 60 + gap * slot;
    cells.push(`<g>
<text x="${cx}" y="40" text-anchor="middle" fill="${COLORS.input}" font-size="13">${sub("x", label(i))}</text>
<line x1="${cx}" y1="46" x2="${cx}" y2="78" stroke="${COLORS.input}" stroke-width="2" marker-end="url(#arrow-input)"/>
<circle cx="${cx}" cy="110" r="28" fill="${COLORS.cell}" stroke="${COLORS.cellStroke}" stroke-width="2"/>
<text x="${cx}" y="115" text-anchor="middle" font-weight="bold" font-size="12">RNN</text>
<line x1="${cx}" y1="140" x2="${cx}" y2="172" stroke="${COLORS.output}" stroke-width="2" marker-end="url(#arrow-output)"/>
<text x="${cx}" y="192" text-anchor="middle" fill="${COLORS.output}" font-size="13">${sub("h", label(i))}</text>
</g>`);
    const nextSlot = elided && i === shown - 2 ? slot + 2 : slot + 1;
    if (i < shown - 1) {
      const x2 = 60 + gap * nextSlot - 30;
      cells.push(
        `<line x1="${cx + 30}" y1="110" x2="${x2}" y2="110" stroke="${COLORS.state}" stroke-width="2" marker-end="url(#arrow-state)"${nextSlot - slot > 1 ? ' stroke-dasharray="5 4"' : ""}/>`
      );
    }
    if (elided && i === shown - 2)
      cells.push(`<text x="${60 + gap * (slot + 1)}" y="115" text-anchor="middle" font-size="18" fill="#555">…</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 205" width="${width}" height="205" role="img" aria-label="RNN déroulé sur ${steps} pas de temps" font-family="system-ui, sans-serif">
${arrowDefs}
<text x="${width / 2}" y="16" text-anchor="middle" font-weight="bold" font-size="15">RNN Déroulé dans le Temps (${steps} pas)</text>
${cells.join("\n")}
</svg>`;
}
