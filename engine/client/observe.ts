/**
 * A "generatorish" stream of values for the Observable runtime: `next()` resolves with the latest value,
 * waiting for a change when none is new. Used for inputs (`view`) and for `width`.
 */
export interface ValueStream<T> {
  next(): Promise<IteratorResult<T, undefined>>;
  return(): Promise<IteratorResult<T, undefined>>;
  [Symbol.asyncIterator](): ValueStream<T>;
}

/** Streams of inputs and of the page width: they never end, so a cell holding one is not "running". */
const idleStreams = new WeakSet<object>();

export function isIdleStream(value: unknown): boolean {
  return typeof value === "object" && value !== null && idleStreams.has(value);
}

/** A stream of the values `subscribe` passes to `change`; the first is the first passed, in `subscribe` or later. */
export function observe<T>(subscribe: (change: (value: T) => void) => () => void): ValueStream<T> {
  let latest!: T;
  let fresh = false;
  let waiting: ((result: IteratorResult<T, undefined>) => void) | null = null;
  let done = false;
  const unsubscribe = subscribe((value) => {
    latest = value;
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve({done: false, value});
    } else {
      fresh = true;
    }
  });
  const stream: ValueStream<T> = {
    next() {
      if (done) return Promise.resolve({done: true, value: undefined});
      if (fresh) {
        fresh = false;
        return Promise.resolve({done: false, value: latest});
      }
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      if (!done) unsubscribe();
      done = true;
      waiting?.({done: true, value: undefined});
      waiting = null;
      return Promise.resolve({done: true, value: undefined});
    },
    [Symbol.asyncIterator]: () => stream
  };
  idleStreams.add(stream);
  return stream;
}

/** The current value of an input element, as `view` yields it. */
export function inputValue(input: Element): unknown {
  // A wrapper such as <label>Text <input></label>: its control's value (input events bubble up to it).
  if (!("value" in input)) {
    const control = input.querySelector("input, select, textarea");
    if (control) return inputValue(control);
  }
  if (input instanceof HTMLInputElement) {
    if (input.type === "checkbox") return input.checked;
    if (input.type === "file") return Array.from(input.files ?? []);
    if (input.type === "range" || input.type === "number") return input.valueAsNumber;
  }
  return (input as {value?: unknown}).value;
}

/** `view(input)`'s stream: the input's value now and after each `input` event. */
export function observeInput(input: Element): ValueStream<unknown> {
  return observe((change) => {
    const listener = () => change(inputValue(input));
    input.addEventListener("input", listener);
    change(inputValue(input));
    return () => input.removeEventListener("input", listener);
  });
}

/**
 * The element's content width (whole pixels for the `width` builtin; as measured for `Generators.width`), from its
 * resize observations only. The first comes with the browser's next layout; reading the width when asked instead
 * forced a layout of the whole page in the middle of the first cells' run (14–16 ms of the page's first long task,
 * the controls just inserted).
 */
export function observeWidth(
  element: Element,
  {whole = true, options}: {whole?: boolean; options?: ResizeObserverOptions} = {}
): ValueStream<number> {
  return observe((change) => {
    let last: number | undefined;
    const observer = new ResizeObserver(([entry]) => {
      const width = whole ? Math.floor(entry.contentRect.width) : entry.contentRect.width;
      if (width !== last) change((last = width));
    });
    observer.observe(element, options);
    return () => observer.disconnect();
  });
}
