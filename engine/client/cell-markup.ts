/**
 * A cell's place in the page's HTML, as the compiler writes it and the page's CellView takes it over (the only place
 * they are made): the cell's root, pending, holding its status and its output. Written whole in the HTML, the
 * browser's first layout is already the page's (an empty cell takes no room, see style.css): the page script no
 * longer changes every cell at once, which cost a style and layout pass of the whole page before its first controls.
 */
export const STATUS_CLASS = "courant-status";
export const OUTPUT_CLASS = "courant-output";

export function cellMarkup(id: string, inline: boolean): string {
  const tag = inline ? "span" : "div";
  const kind = inline ? "courant-cell courant-inline" : "courant-cell";
  return (
    `<${tag} class="${kind}" id="cell-${id}" data-state="pending">` +
    `<${tag} class="${STATUS_CLASS}"></${tag}><${tag} class="${OUTPUT_CLASS}"></${tag}></${tag}>`
  );
}
