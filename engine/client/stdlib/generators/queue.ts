import type {Initializer} from "./observe.js";

/** Observable's `Generators.queue(initialize)`: like `observe`, but every value passed to `change` is yielded. */
export async function* queue<T>(initialize: Initializer<T>): AsyncGenerator<T, void, unknown> {
  let resolve: ((value: T) => void) | null = null;
  const values: T[] = [];
  const dispose = initialize((value) => {
    if (resolve) (resolve(value), (resolve = null));
    else values.push(value);
    return value;
  });
  if (dispose != null && typeof dispose !== "function") {
    throw new Error("initializer returned something, but not a dispose function");
  }
  try {
    while (true) yield values.length ? values.shift()! : await new Promise<T>((r) => (resolve = r));
  } finally {
    dispose?.();
  }
}
