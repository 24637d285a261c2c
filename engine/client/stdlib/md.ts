import MarkdownIt from "markdown-it";
import {templateRenderer} from "./template.js";

const markdown = new MarkdownIt({html: true, linkify: true});

/** Observable's `md` template tag: Markdown (the same dialect as pages) to DOM; interpolated nodes stay live. */
export const md = templateRenderer((source) => markdown.render(source));
