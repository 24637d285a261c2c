import {abortError} from "../util/abort-error.js";

/** One item's outcome: its value, or its error as data (one failing run does not stop the others). */
export type Outcome<T, R> = {index: number; item: T} & ({ok: true; value: R} | {ok: false; error: string});

/** How many trainings to run at once: one per core (each trains in its own pooled worker), 1 to 8. */
export function defaultConcurrency(): number {
  const cores = typeof navigator === "undefined" ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(8, cores));
}

/**
 * Runs `run` on the items in their order, at most `concurrency` at a time, and yields each outcome as it
 * completes. Aborting `signal` aborts the runs in flight (through the signal each gets), starts no more, and
 * throws an AbortError.
 */
export async function* mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  run: (item: T, signal: AbortSignal) => Promise<R>,
  signal?: AbortSignal
): AsyncGenerator<Outcome<T, R>> {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be an integer ≥ 1, got ${concurrency}`);
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal?.addEventListener("abort", abort);
  const inFlight = new Map<number, Promise<Outcome<T, R>>>();
  let next = 0;
  const launch = (index: number) => {
    const item = items[index];
    inFlight.set(
      index,
      run(item, controller.signal).then(
        (value): Outcome<T, R> => ({index, item, ok: true, value}),
        (error): Outcome<T, R> => ({
          index,
          item,
          ok: false,
          error: error instanceof Error ? error.message : String(error)
        })
      )
    );
  };
  const aborted = new Promise<null>((resolve) => controller.signal.addEventListener("abort", () => resolve(null)));
  try {
    for (;;) {
      if (signal?.aborted) throw abortError(signal);
      while (inFlight.size < concurrency && next < items.length) launch(next++);
      if (!inFlight.size) return;
      const outcome = await Promise.race([aborted, ...inFlight.values()]);
      if (outcome === null) throw abortError(signal);
      inFlight.delete(outcome.index);
      yield outcome;
    }
  } finally {
    // Stopped early (abort, or the consumer returned): the runs still in flight are told to stop.
    if (inFlight.size) controller.abort();
    signal?.removeEventListener("abort", abort);
  }
}
