/** Hypertext literal: `html` and `svg` template tags (with `.fragment`), and the `htl` module. */
export {html, svg} from "htl";
export * as htl from "htl";
