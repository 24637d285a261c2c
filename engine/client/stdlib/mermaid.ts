import mermaidLibrary from "mermaid";

let nextId = 0;
mermaidLibrary.initialize({startOnLoad: false, securityLevel: "strict", theme: "neutral"});

/** Observable's `mermaid` template tag: a Mermaid diagram rendered to SVG (`await mermaid\`graph TD; A-->B\``). */
export async function mermaid(strings: TemplateStringsArray, ...values: unknown[]): Promise<Element> {
  const root = document.createElement("div");
  let source = strings[0];
  values.forEach((value, i) => (source += String(value) + strings[i + 1]));
  root.innerHTML = (await mermaidLibrary.render(`courant-mermaid-${++nextId}`, source)).svg;
  return root.firstElementChild!;
}
