import {observeWidth} from "../observe.js";

/** `width`: the content width of the page's main column, now and whenever it changes. */
export const width = () => observeWidth(document.querySelector("main") ?? document.body);
