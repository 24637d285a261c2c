import {instance} from "@viz-js/viz";

/** Graphviz knows no `currentColor`: draw in an almost transparent black, then swap it for the text colour. */
const INK = "#00000101";

/**
 * Observable's `dot` template tag: a Graphviz graph rendered to SVG (Graphviz compiled to WebAssembly), drawn in
 * the page's text colour.
 */
export const dot = instance().then((viz) => (strings: TemplateStringsArray, ...values: unknown[]): SVGSVGElement => {
  let source = strings[0];
  values.forEach((value, i) => (source += String(value) + strings[i + 1]));
  const ink = {color: INK, fontcolor: INK, fontname: "sans-serif", fontsize: "12"};
  const svg = viz.renderSVGElement(source, {
    graphAttributes: {bgcolor: "none", ...ink},
    nodeAttributes: ink,
    edgeAttributes: {color: INK, fontcolor: INK}
  });
  for (const attribute of ["stroke", "fill"]) {
    for (const e of svg.querySelectorAll(`[${attribute}='#000001'][${attribute}-opacity='0.003922']`)) {
      e.setAttribute(attribute, "currentColor");
      e.removeAttribute(`${attribute}-opacity`);
    }
  }
  svg.style.maxWidth = "100%";
  svg.style.height = "auto";
  return svg;
});
