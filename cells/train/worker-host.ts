import {abortError} from "../util/abort-error.js";
import {
  serializeError,
  type FromWorker,
  type JobItem,
  type JobKind,
  type JobReport,
  type JobRequest,
  type JobResult,
  type ToWorker
} from "./worker-protocol.js";

/*
 * The worker's side of the contract (worker-protocol.ts): runs each job's handler with an AbortSignal that an
 * `abort` message aborts, posts its items, and ends every job with one final message — `result`, `error` (class
 * name and message), or `aborted` once the handler has stopped.
 */

export interface JobContext<K extends JobKind> {
  signal: AbortSignal;
  /** Posts one item to the page (the buffers in `transfer` move there). */
  emit(value: JobItem<K>, transfer?: Transferable[]): void;
  /** Marks the end of one step (a batch, a length): steps taken after an abort are reported. */
  step(): void;
}

export interface Outcome<K extends JobKind> {
  value: JobResult<K>;
  transfer?: Transferable[];
}

export type JobHandlers = {[K in JobKind]: (request: JobRequest<K>, context: JobContext<K>) => Promise<Outcome<K>>};

export interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<ToWorker>) => void): void;
}

/** Serves jobs on `scope`; `numTensors` reports the worker's tfjs tensors (null while tfjs is not loaded). */
export function serveJobs(scope: WorkerScope, handlers: JobHandlers, numTensors: () => number | null) {
  const running = new Map<number, {controller: AbortController; stepsAfterAbort: number}>();
  scope.addEventListener("message", (event) => {
    const message = event.data;
    if (message.type === "abort") running.get(message.id)?.controller.abort(abortError());
    else void run(message.id, message.job);
  });

  async function run(id: number, request: JobRequest) {
    const state = {controller: new AbortController(), stepsAfterAbort: 0};
    running.set(id, state);
    const signal = state.controller.signal;
    const report = (): JobReport => ({stepsAfterAbort: state.stepsAfterAbort, numTensors: numTensors()});
    const context: JobContext<JobKind> = {
      signal,
      emit: (value, transfer = []) => {
        if (!signal.aborted) scope.postMessage({type: "item", id, value}, transfer);
      },
      step: () => {
        if (signal.aborted) state.stepsAfterAbort += 1;
      }
    };
    try {
      const handler = handlers[request.kind] as (
        request: JobRequest,
        context: JobContext<JobKind>
      ) => Promise<Outcome<JobKind>>;
      const {value, transfer = []} = await handler(request, context);
      if (signal.aborted) scope.postMessage({type: "aborted", id, report: report()});
      else scope.postMessage({type: "result", id, value, report: report()}, transfer);
    } catch (error) {
      if (signal.aborted) scope.postMessage({type: "aborted", id, report: report()});
      else scope.postMessage({type: "error", id, error: serializeError(error), report: report()});
    } finally {
      running.delete(id);
    }
  }
}
