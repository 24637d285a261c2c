import {observe as stream, type ValueStream} from "../../observe.js";

export type Initializer<T> = (change: (value: T) => T) => (() => void) | void | null | undefined;

/**
 * Observable's `Generators.observe(initialize)`: a stream of the values passed to `change` (the runtime waits for the
 * first); the function that `initialize` returns is called when the stream ends. Built on the engine's idle streams,
 * so a cell holding one is waiting for events, not running.
 */
export function observe<T>(initialize: Initializer<T>): ValueStream<T> {
  return stream<T>((notify) => {
    const dispose = initialize((value) => (notify(value), value));
    if (dispose != null && typeof dispose !== "function") {
      throw new Error(
        typeof (dispose as {then?: unknown}).then === "function"
          ? "async initializers are not supported"
          : "initializer returned something, but not a dispose function"
      );
    }
    return () => dispose?.();
  });
}
