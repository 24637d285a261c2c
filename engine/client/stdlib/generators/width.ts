import {observeWidth} from "../../observe.js";

/** Observable's `Generators.width(element)`: the element's content width, now and whenever it changes. */
export function width(target: Element, options?: ResizeObserverOptions) {
  return observeWidth(target, {whole: false, options});
}
