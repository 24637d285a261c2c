/**
 * A template tag that renders text to HTML, as Observable's `md` does: interpolated DOM nodes are put in place,
 * other values are inserted as text of the source.
 */
export function templateRenderer(render: (source: string) => string) {
  return (strings: TemplateStringsArray | readonly string[], ...values: unknown[]): Element => {
    const nodes: Node[] = [];
    let source = strings[0];
    values.forEach((value, i) => {
      if (value instanceof Node) source += `<span data-courant-node="${nodes.push(value) - 1}"></span>`;
      else
        source += Array.isArray(value) && value.every((v) => v instanceof Node) ? placeholders(value) : String(value);
      source += strings[i + 1];
    });
    function placeholders(list: Node[]) {
      return list.map((node) => `<span data-courant-node="${nodes.push(node) - 1}"></span>`).join("");
    }
    const root = document.createElement("div");
    root.innerHTML = render(source);
    for (const slot of root.querySelectorAll<HTMLElement>("span[data-courant-node]")) {
      slot.replaceWith(nodes[Number(slot.dataset.courantNode)]);
    }
    // One element stays itself; several are wrapped in a <div>.
    return root.childElementCount === 1 && root.childNodes.length === 1 ? root.firstElementChild! : root;
  };
}
