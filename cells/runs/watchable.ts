/**
 * A value that cells can share and follow: `set` changes it, `watch()` is an async generator of its values (the
 * current one first, then each change; intermediate values may be skipped when several come between two pulls).
 * A page cell `const x = store.watch()` streams it to the cells that use `x`.
 */
export class Watchable<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private current: T) {}

  get value(): T {
    return this.current;
  }

  set(value: T): void {
    this.current = value;
    for (const listener of [...this.listeners]) listener(value);
  }

  update(change: (value: T) => T): void {
    this.set(change(this.current));
  }

  /** Calls `listener` on each change; returns the function that stops it. */
  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async *watch(signal?: AbortSignal): AsyncGenerator<T> {
    let changed = true;
    let wake: (() => void) | null = null;
    const stop = this.subscribe(() => {
      changed = true;
      wake?.();
    });
    const onAbort = () => wake?.();
    signal?.addEventListener("abort", onAbort);
    try {
      while (!signal?.aborted) {
        if (changed) {
          changed = false;
          yield this.current;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    } finally {
      stop();
      signal?.removeEventListener("abort", onAbort);
    }
  }
}
