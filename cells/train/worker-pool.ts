import {abortError} from "../util/abort-error.js";
import {
  deserializeError,
  JOB_PRIORITY,
  type FromWorker,
  type JobItem,
  type JobKind,
  type JobReport,
  type JobRequest,
  type JobResult,
  type ToWorker
} from "./worker-protocol.js";

/*
 * Workers that live as long as the page. The pool makes its workers once (sized to the cores, at least 2) and
 * keeps them: a job waits in line for a free worker (trainings before experiments, `JOB_PRIORITY`), runs there,
 * and gives the worker back when its final message arrives. An aborted job is told to stop (it does, within one
 * batch) and its worker is reused once it acknowledges; a worker that does not acknowledge within `abortGraceMs`
 * is terminated and replaced in the background. Every job kind goes through `run`: one way to start, stream,
 * abort (an AbortError) and fail (the worker's error, same class and message).
 */

/** What the pool needs of a Worker (a test passes a fake). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: "error", listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface PoolOptions {
  createWorker: () => WorkerLike;
  /** Default: the cores, at least 2 and at most 4. */
  size?: number;
  /**
   * When to make the workers beyond the first (`spawnRest` makes them): default at once. Each worker's start costs
   * the machine a module graph and a WebAssembly compile, which during a page's load compete with the page.
   */
  deferRest?: (spawnRest: () => void) => void;
  /**
   * Jobs of the lowest priority (the experiments) start only while fewer than this many jobs run. Default: the size.
   * A page passes fewer than its cores, so that what a reader watches (a training) and the page itself keep a core.
   */
  lowPriorityLimit?: number;
  /** How long an aborted job's worker has to acknowledge before it is terminated and replaced. */
  abortGraceMs?: number;
}

export interface PoolStats {
  created: number;
  terminated: number;
  /** Why each terminated worker was: the kind of job that did not acknowledge its abort, or "error". */
  replaced: string[];
  /** One report per acknowledged abort, with the milliseconds from the abort to its acknowledgement. */
  aborted: (JobReport & {kind: string; ackMs: number})[];
  /** One report per finished job (result or error). */
  finished: JobReport[];
}

type Event = {type: "item"; value: unknown} | {type: "end"; message: FromWorker} | {type: "failed"; error: Error};

/** One job's life on the page side. */
class Job {
  readonly events: Event[] = [];
  wake: (() => void) | null = null;
  slot: Slot | null = null;
  ended = false;

  constructor(
    readonly id: number,
    readonly request: JobRequest,
    readonly transfer: Transferable[]
  ) {}

  push(event: Event) {
    this.events.push(event);
    this.wake?.();
  }
}

interface Slot {
  worker: WorkerLike;
  /** It has posted a message: its script loaded. */
  alive: boolean;
  job: Job | null;
  /** The job that was aborted here and has not acknowledged yet (the slot is busy until it does). */
  aborting: {id: number; kind: string; since: number; timer: ReturnType<typeof setTimeout>} | null;
}

/**
 * A job's synchronous setup (seeded initialisers with a cold JIT, on a busy machine) can hold its worker a few
 * hundred milliseconds before it sees an abort: only a worker silent for longer than this is taken for hung.
 */
export const DEFAULT_ABORT_GRACE_MS = 1000;
/** A grace timer this late was held up by this thread, not by the worker. */
const LATE_TIMER_MS = 50;
const now = () => (typeof performance === "undefined" ? Date.now() : performance.now());
/** Workers that fail before their first message, in a row, after which the pool stops making more. */
const MAX_FAILED_STARTS = 3;

const LOWEST_PRIORITY = Math.min(...Object.values(JOB_PRIORITY));

export function defaultPoolSize(): number {
  const cores = typeof navigator === "undefined" ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(2, Math.min(4, cores));
}

export class WorkerPool {
  readonly stats: PoolStats = {created: 0, terminated: 0, replaced: [], aborted: [], finished: []};
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private readonly abortGraceMs: number;
  private readonly lowPriorityLimit: number;
  private failedStarts = 0;
  /** Why no worker can run jobs here (their script does not load, say). */
  private broken: Error | null = null;

  constructor(private readonly options: PoolOptions) {
    this.abortGraceMs = options.abortGraceMs ?? DEFAULT_ABORT_GRACE_MS;
    const size = options.size ?? defaultPoolSize();
    this.lowPriorityLimit = options.lowPriorityLimit ?? size;
    this.slots.push(this.spawn());
    const spawnRest = () => {
      while (!this.broken && this.slots.length < size) this.slots.push(this.spawn());
      this.dispatch();
    };
    if (options.deferRest) options.deferRest(spawnRest);
    else spawnRest();
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Runs a job on the next free worker: yields its items, returns its result. Throws an AbortError when `signal`
   * aborts, the worker's error when it fails. Leaving the loop early (return, break) aborts the job too.
   */
  async *run<K extends JobKind>(
    request: JobRequest<K>,
    {signal, transfer = []}: {signal?: AbortSignal; transfer?: Transferable[]} = {}
  ): AsyncGenerator<JobItem<K>, JobResult<K>> {
    if (signal?.aborted) throw abortError(signal);
    if (this.broken) throw this.broken;
    const job = new Job(this.nextId++, request as JobRequest, transfer);
    const onAbort = () => job.wake?.();
    signal?.addEventListener("abort", onAbort);
    this.enqueue(job);
    this.dispatch();
    try {
      for (;;) {
        while (!job.events.length) {
          if (signal?.aborted) throw abortError(signal);
          await new Promise<void>((resolve) => (job.wake = resolve));
          job.wake = null;
        }
        if (signal?.aborted) throw abortError(signal);
        const event = job.events.shift()!;
        if (event.type === "item") yield event.value as JobItem<K>;
        else if (event.type === "failed") throw event.error;
        else if (event.message.type === "result") return event.message.value as JobResult<K>;
        else if (event.message.type === "error") throw deserializeError(event.message.error);
        else throw abortError(signal);
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
      this.cancel(job);
    }
  }

  /** Ends every worker (the pool is unusable afterwards). */
  terminate() {
    this.broken ??= new Error("the worker pool was terminated");
    for (const slot of this.slots.splice(0)) {
      if (slot.aborting) clearTimeout(slot.aborting.timer);
      slot.worker.terminate();
      slot.job?.push({type: "failed", error: this.broken});
    }
    for (const job of this.queue.splice(0)) job.push({type: "failed", error: this.broken});
  }

  private spawn(): Slot {
    const slot: Slot = {worker: this.options.createWorker(), alive: false, job: null, aborting: null};
    this.stats.created += 1;
    slot.worker.addEventListener("message", (event) => this.onMessage(slot, event.data));
    slot.worker.addEventListener("error", (event) => this.onError(slot, event));
    return slot;
  }

  /** Into the line after every job of its priority or higher. */
  private enqueue(job: Job) {
    const priority = JOB_PRIORITY[job.request.kind];
    const before = this.queue.findIndex((waiting) => JOB_PRIORITY[waiting.request.kind] < priority);
    this.queue.splice(before < 0 ? this.queue.length : before, 0, job);
  }

  private dispatch() {
    let running = this.slots.filter((slot) => slot.job).length;
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.job || slot.aborting) continue;
      if (JOB_PRIORITY[this.queue[0].request.kind] === LOWEST_PRIORITY && running >= this.lowPriorityLimit) return;
      running += 1;
      const job = this.queue.shift()!;
      job.slot = slot;
      slot.job = job;
      slot.worker.postMessage({type: "start", id: job.id, job: job.request}, job.transfer);
    }
  }

  private onMessage(slot: Slot, message: FromWorker) {
    slot.alive = true;
    this.failedStarts = 0;
    const aborting = slot.aborting;
    if (aborting?.id === message.id) {
      if (message.type === "item") return;
      clearTimeout(aborting.timer);
      slot.aborting = null;
      if (message.type === "aborted")
        this.stats.aborted.push({...message.report, kind: aborting.kind, ackMs: now() - aborting.since});
      else this.stats.finished.push(message.report);
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    if (message.type === "item") {
      job.push({type: "item", value: message.value});
      return;
    }
    if (message.type === "aborted") this.stats.aborted.push({...message.report, kind: job.request.kind, ackMs: 0});
    else this.stats.finished.push(message.report);
    job.ended = true;
    slot.job = null;
    job.push({type: "end", message});
    this.dispatch();
  }

  /** A worker that fails outside any job (its script did not load, say): its job fails, and it is replaced. */
  private onError(slot: Slot, event: ErrorEvent) {
    const error = new Error(event.message || "the worker failed");
    const job = slot.job;
    if (job) {
      job.ended = true;
      job.push({type: "failed", error});
    }
    if (!slot.alive && ++this.failedStarts >= MAX_FAILED_STARTS) {
      this.broken = error;
      this.terminate();
      return;
    }
    this.replace(slot);
  }

  /** The job's consumer is gone (finished, aborted, or left the loop): free what it held. */
  private cancel(job: Job) {
    if (job.ended) return;
    job.ended = true;
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      return;
    }
    const slot = job.slot;
    if (!slot || slot.job !== job) return;
    slot.job = null;
    slot.aborting = {id: job.id, kind: job.request.kind, since: now(), timer: this.graceTimer(slot)};
    slot.worker.postMessage({type: "abort", id: job.id});
  }

  /**
   * Replaces the slot's worker unless it acknowledges its abort in time. A timer that fires late means that this
   * thread was busy, and the acknowledgement may be waiting in line behind it: the worker gets another period.
   */
  private graceTimer(slot: Slot): ReturnType<typeof setTimeout> {
    const armed = now();
    return setTimeout(() => {
      if (!slot.aborting) return;
      if (now() - armed > this.abortGraceMs + LATE_TIMER_MS) slot.aborting.timer = this.graceTimer(slot);
      else this.replace(slot);
    }, this.abortGraceMs);
  }

  /** Terminates a worker and puts a fresh one in its place. */
  private replace(slot: Slot) {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    if (slot.aborting) clearTimeout(slot.aborting.timer);
    slot.worker.terminate();
    this.stats.terminated += 1;
    this.stats.replaced.push(slot.aborting?.kind ?? "error");
    this.slots[index] = this.spawn();
    this.dispatch();
  }
}
