import {html as htlHtml, svg as htlSvg} from "htl";

/**
 * A template tag as cells use it: one element (htl gives a fragment for several nodes, text for none), of the type
 * named if need be (`html<HTMLInputElement>\`<input type=file>\``).
 */
type Tag<T extends Element> = (<E extends Element = T>(strings: TemplateStringsArray, ...values: unknown[]) => E) & {
  fragment(strings: TemplateStringsArray, ...values: unknown[]): DocumentFragment;
};

/**
 * Hypertext literal: the `html` and `svg` template tags (with `.fragment`), and the `htl` module. Typed as the
 * element a template of one element gives, so that a cell sets `button.onclick` without a cast.
 */
export const html = htlHtml as unknown as Tag<HTMLElement>;
export const svg = htlSvg as unknown as Tag<SVGSVGElement>;
export * as htl from "htl";
