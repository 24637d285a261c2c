/**
 * Restart, not queue. The Observable runtime starts a variable's new computation only after the previous
 * one settled; these wrappers settle a stale run the moment it is invalidated, so the new run starts at
 * once, and free whatever the abandoned run still produces later.
 */

/** Marker rejection of a run that became stale; the runtime ignores rejections of old versions. */
export const STALE = Symbol("stale run");

/** `promise`, or a rejection with STALE as soon as `invalidation` resolves; a late value goes to `onLate`. */
export function untilInvalidated<T>(
  promise: Promise<T>,
  invalidation: Promise<unknown>,
  onLate: (value: T) => void
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let stale = false;
    invalidation.then(() => {
      stale = true;
      reject(STALE);
    });
    promise.then(
      (value) => (stale ? onLate(value) : resolve(value)),
      (error) => {
        if (!stale) reject(error);
      }
    );
  });
}

export interface StreamHooks {
  /** Each value the stream yields, before the runtime sees it. */
  onValue(value: unknown, previous: unknown): void;
  /** The stream finished, failed or was abandoned. */
  onEnd(): void;
  /** A value that nobody will see (yielded after invalidation). */
  onLate(value: unknown): void;
}

type Iter = Iterator<unknown> | AsyncIterator<unknown>;

export function isIterator(value: unknown): value is Iter {
  return !!value && typeof (value as Iter).next === "function" && typeof (value as Iter).return === "function";
}

/**
 * Wraps a (sync or async) generator so that a pending `next()` ends as soon as the run is invalidated,
 * instead of holding the variable until the generator's current await completes.
 */
export function restartableStream(
  source: Iter,
  invalidation: Promise<unknown>,
  hooks: StreamHooks
): AsyncIterator<unknown> & {return(): Promise<IteratorResult<unknown>>} {
  let stale = false;
  let ended = false;
  let previous: unknown = undefined;
  const end = () => {
    if (!ended) hooks.onEnd();
    ended = true;
  };
  const abandon = () => {
    if (stale) return;
    stale = true;
    end();
    try {
      // An async generator runs its finally blocks after its pending step; the cell's signal cuts that short.
      Promise.resolve(source.return?.(undefined)).catch(() => {});
    } catch {
      // A generator that is still running throws on return(); it ends by itself.
    }
  };
  invalidation.then(abandon);
  return {
    next() {
      if (stale) return Promise.resolve({done: true, value: undefined});
      return new Promise((resolve, reject) => {
        invalidation.then(() => resolve({done: true, value: undefined}));
        let step: Promise<IteratorResult<unknown>>;
        try {
          step = Promise.resolve(source.next());
        } catch (error) {
          end();
          return reject(error);
        }
        step.then(
          (result) => {
            if (stale) {
              if (!result.done) hooks.onLate(result.value);
              return;
            }
            if (result.done) {
              end();
              return resolve({done: true, value: undefined});
            }
            hooks.onValue(result.value, previous);
            previous = result.value;
            resolve(result);
          },
          (error) => {
            end();
            if (!stale) reject(error);
          }
        );
      });
    },
    return() {
      abandon();
      return Promise.resolve({done: true, value: undefined});
    }
  };
}
