import katex, {type KatexOptions} from "katex";

/**
 * Observable's `tex` template tag (KaTeX): inline math, `tex.block` for display math, `tex.options({...})` for a
 * tag with other KaTeX options. Rendered as MathML, which the browser typesets: no stylesheet or fonts to load.
 */
function renderer(options: KatexOptions = {}) {
  return (strings: TemplateStringsArray, ...values: unknown[]): Element => {
    const root = document.createElement("div");
    katex.render(String.raw(strings, ...values), root, {...options, output: "mathml"});
    return root.firstElementChild!;
  };
}

export const tex = Object.assign(renderer(), {options: renderer, block: renderer({displayMode: true})});
