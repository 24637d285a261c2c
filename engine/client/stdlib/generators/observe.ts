import {observe as stream, type ValueStream} from "../../observe.js";

export type Initializer<T> = (change: (value: T) => T) => (() => void) | void | null | undefined;

/**
 * Observable's `Generators.observe(initialize)`: a stream of the values passed to `change`; the function that
 * `initialize` returns is called when the stream ends. Built on the engine's idle streams, so a cell holding one
 * is waiting for events, not running.
 */
export function observe<T>(initialize: Initializer<T>): ValueStream<T> {
  let first = null as {value: T} | null; // set by `change`, which TypeScript cannot see run
  let resolveFirst: ((value: T) => void) | null = null;
  let forward: ((value: T) => void) | null = null;
  const change = (value: T) => {
    if (resolveFirst) (resolveFirst(value), (resolveFirst = null));
    else if (forward) forward(value);
    else first = {value};
    return value;
  };
  const dispose = initialize(change);
  if (dispose != null && typeof dispose !== "function") {
    throw new Error(
      typeof (dispose as {then?: unknown}).then === "function"
        ? "async initializers are not supported"
        : "initializer returned something, but not a dispose function"
    );
  }
  // Until the first change, the stream yields a promise of it (the runtime waits for it).
  const initial = first ? first.value : new Promise<T>((resolve) => (resolveFirst = resolve));
  return stream<T>((notify) => {
    forward = notify;
    return () => dispose?.();
  }, initial as T);
}
