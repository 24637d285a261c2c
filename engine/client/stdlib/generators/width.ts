import {observe} from "./observe.js";

/** Observable's `Generators.width(element)`: the element's content width, now and whenever it changes. */
export function width(target: Element, options?: ResizeObserverOptions) {
  return observe<number>((notify) => {
    let last: number | undefined;
    const observer = new ResizeObserver(([entry]) => {
      const w = entry.contentRect.width;
      if (w !== last) notify((last = w));
    });
    observer.observe(target, options);
    return () => observer.disconnect();
  });
}
