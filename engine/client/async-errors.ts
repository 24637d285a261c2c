import {STALE} from "./restart.js";
import {ownerOfStack, type CodeProbes} from "./stack-frames.js";

/**
 * Errors nobody caught: thrown in a timer or an event handler, or rejections no one handled. Each goes to the
 * cell whose code its stack passes through, or else to the page (its error banner); never only to the console.
 * An error without a stack (a rejected string, a failed fetch), or whose stack passes through no cell's code (a
 * module's function handed straight to setTimeout), cannot be traced to a cell and goes to the page. Browsers keep
 * no "current cell" across tasks, and guessing one would blame the wrong cell, so there is no other attribution.
 * Cancellations (AbortError, the STALE marker of a superseded run) are the normal end of a stale run: dropped.
 */
export interface AsyncErrorHandlers<T> {
  cells: Array<{owner: T; probes: CodeProbes}>;
  onCellError(owner: T, error: unknown): void;
  onPageError(error: unknown): void;
}

export function watchAsyncErrors<T>({cells, onCellError, onPageError}: AsyncErrorHandlers<T>): () => void {
  const handle = (error: unknown, event: Event) => {
    // We report it (with its stack, on the console too): the browser's own "Uncaught" line would say it twice.
    event.preventDefault();
    if (isCancellation(error)) return;
    const stack = (error as {stack?: unknown})?.stack;
    const owner = typeof stack === "string" ? ownerOfStack(stack, cells) : null;
    if (owner !== null) onCellError(owner, error);
    else onPageError(error);
  };
  const onError = (event: ErrorEvent) => {
    // The browser's note that a ResizeObserver callback resized what it observes: a frame later, not an error.
    if (!event.error && /^ResizeObserver loop/.test(event.message)) return void event.preventDefault();
    handle(event.error ?? new Error(event.message), event);
  };
  const onRejection = (event: PromiseRejectionEvent) => handle(event.reason, event);
  window.addEventListener("error", onError);
  window.addEventListener("unhandledrejection", onRejection);
  return () => {
    window.removeEventListener("error", onError);
    window.removeEventListener("unhandledrejection", onRejection);
  };
}

/** The end of a stale run, not an error: the runtime's STALE marker, or an AbortError (the run's signal aborted). */
export function isCancellation(error: unknown): boolean {
  if (error === STALE) return true;
  return typeof error === "object" && error !== null && (error as {name?: unknown}).name === "AbortError";
}
