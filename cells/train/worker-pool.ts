import * as tf from "@tensorflow/tfjs";
import workerUrl from "./training-worker.ts?worker";
import {FINAL_MESSAGES, type FromWorker, type JobRequest} from "./worker-protocol.js";

/** Workers wait here between jobs: a worker keeps its loaded tfjs and backend, so the next job starts at once. */
const idle: Worker[] = [];
let nextId = 1;

type Request<T extends JobRequest> = T extends unknown ? Omit<T, "id" | "backend" | "wasmPath"> : never;

/**
 * One job on a pooled worker: send the request, read its messages in order (`next` can be cut short by an
 * abort signal), and give the worker back when the job's final message arrives — also after `abandon`.
 */
export class WorkerJob {
  readonly id = nextId++;
  private readonly worker = idle.pop() ?? new Worker(workerUrl, {type: "module"});
  private readonly items: FromWorker[] = [];
  private wake: (() => void) | null = null;
  private finished = false;
  private abandoned = false;

  constructor(request: Request<JobRequest>, transfer: Transferable[] = []) {
    this.worker.addEventListener("message", this.onMessage);
    this.worker.addEventListener("error", this.onError);
    this.worker.postMessage({...request, id: this.id, backend: tf.getBackend(), wasmPath: new URL("./wasm/", import.meta.url).href}, transfer);
  }

  private readonly onMessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.id !== this.id) return;
    if (FINAL_MESSAGES.has(message.type)) this.release();
    if (this.abandoned) this.onAbandonedMessage?.(message);
    else this.push(message);
  };

  private readonly onError = (event: ErrorEvent) => {
    // A worker that fails to load is not put back in the pool.
    this.finished = true;
    this.worker.removeEventListener("message", this.onMessage);
    this.worker.removeEventListener("error", this.onError);
    this.push({type: "error", id: this.id, message: event.message || "the worker failed to start"});
  };

  /** Called with the messages that still arrive after `abandon` (for statistics). */
  onAbandonedMessage: ((message: FromWorker) => void) | null = null;

  private push(message: FromWorker) {
    this.items.push(message);
    this.wake?.();
  }

  private release() {
    if (this.finished) return;
    this.finished = true;
    this.worker.removeEventListener("message", this.onMessage);
    this.worker.removeEventListener("error", this.onError);
    idle.push(this.worker);
  }

  async next(signal?: AbortSignal): Promise<FromWorker | null> {
    while (!this.items.length) {
      if (signal?.aborted || this.abandoned) return null;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        signal?.addEventListener("abort", () => resolve(), {once: true});
      });
      this.wake = null;
    }
    return this.items.shift()!;
  }

  /** Stop caring about this job: tell the worker to abort it; the worker returns to the pool when it answers. */
  abandon() {
    if (this.abandoned) return;
    this.abandoned = true;
    this.wake?.();
    if (!this.finished) this.worker.postMessage({type: "abort", id: this.id});
  }
}
