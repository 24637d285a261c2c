import {observe} from "./generators/observe.js";

/**
 * Observable's `Mutable(value)`: the defining cell reads and sets `.value`; every other cell sees the value itself,
 * and re-runs when it is set (through functions the defining cell declares, e.g. `const add = () => ++n.value`).
 */
export function Mutable<T>(value?: T) {
  let change: (value: T) => T = () => value as T;
  const stream = observe<T>((notify) => {
    change = notify;
    if (value !== undefined) notify(value);
  });
  return Object.defineProperty(stream, "value", {
    get: () => value,
    set: (next: T) => void change((value = next))
  }) as typeof stream & {value: T};
}
