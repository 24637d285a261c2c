/**
 * Freeing what a cell run produced: tfjs tensors, LayersModels and any object with a `dispose()` method,
 * found in the run's value and inside its arrays, plain objects, Maps and Sets.
 */

export interface DisposableLike {
  dispose(): void;
}

const MAX_DEPTH = 8;

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && (value as any)[Symbol.toStringTag] !== "Module";
}

/** The disposable objects reachable from `value` (not looking inside the disposables themselves). */
export function collectDisposables(value: unknown, found = new Set<DisposableLike>(), depth = 0): Set<DisposableLike> {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return found;
  if (ArrayBuffer.isView(value)) return found;
  const object = value as Record<string, unknown>;
  if (typeof object.dispose === "function" && (object as any)[Symbol.toStringTag] !== "Module") {
    found.add(object as unknown as DisposableLike);
    return found;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectDisposables(item, found, depth + 1);
  } else if (value instanceof Map || value instanceof Set) {
    for (const item of value.values()) collectDisposables(item, found, depth + 1);
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(object)) collectDisposables(object[key], found, depth + 1);
  }
  return found;
}

/** Disposes each object of `disposables` that `keep` does not hold; errors (already disposed…) are ignored. */
export function disposeAll(
  disposables: Iterable<DisposableLike>,
  keep: ReadonlySet<DisposableLike> = new Set()
): number {
  let count = 0;
  for (const item of disposables) {
    if (keep.has(item)) continue;
    if ((item as {isDisposed?: boolean}).isDisposed === true) continue;
    try {
      item.dispose();
      ++count;
    } catch {
      // A LayersModel throws when disposed twice; nothing is left to free then.
    }
  }
  return count;
}

/** Disposes what `value` holds, except what is also reachable from `keep` (e.g. the run's inputs). */
export function disposeValue(value: unknown, keep: ReadonlySet<DisposableLike> = new Set()): number {
  return disposeAll(collectDisposables(value), keep);
}
