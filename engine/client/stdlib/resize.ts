type Rendered = Node | string | null;

/**
 * Observable's `resize(render, invalidation?)`: a block that calls `render(width)` (or `render(width, height)`) with
 * its own size, again whenever the size changes; a stale render that finishes late is dropped.
 */
export function resize(
  render: (width: number, height: number) => Rendered | Promise<Rendered>,
  invalidation?: Promise<unknown>
): HTMLDivElement {
  const div = document.createElement("div");
  div.style.position = "relative";
  if (render.length !== 1) div.style.height = "100%";
  let requested = 0;
  let shown = 0;
  let lastWidth: number | undefined;
  const observer = new ResizeObserver(async ([entry]) => {
    const {width, height} = entry.contentRect;
    if (render.length === 1 && width === lastWidth) return; // a height change only
    lastWidth = width;
    const id = ++requested;
    const child = width > 0 ? await render(width, height) : null; // nothing while detached
    if (shown > id) return;
    shown = id;
    div.replaceChildren();
    if (child == null) return;
    if (render.length !== 1 && child instanceof HTMLElement) child.style.position = "absolute"; // no feedback loop
    div.append(child);
  });
  observer.observe(div);
  invalidation?.then(() => observer.disconnect());
  return div;
}
