import {defaultConcurrency, mapConcurrent} from "./map-concurrent.js";
import type {RunConfig} from "./run-config.js";
import type {RunRecord} from "./run-record.js";
import {planSweep, type SweepPlanOptions, type SweepAxis} from "./sweep-plan.js";
import {trainRun, type RunServices} from "./train-run.js";
import {Watchable} from "./watchable.js";

export interface SweepState {
  status: "idle" | "running" | "done" | "aborted";
  axes: SweepAxis[];
  replicates: number;
  /** The runs in the order they go. */
  plan: RunConfig[];
  /** Finished runs, in the order they finished. */
  records: RunRecord[];
  /** How many of them came from the result cache. */
  fromCache: number;
  failures: {config: RunConfig; error: string}[];
  /** Runs finished (or failed) out of `plan.length`. */
  done: number;
  elapsedMs: number;
  /** Estimated from the pace so far; null before the first run ends. */
  remainingMs: number | null;
  /** Trainings at once (each in a pooled worker). */
  concurrency: number;
}

export const IDLE_SWEEP: SweepState = {
  status: "idle",
  axes: [],
  replicates: 1,
  plan: [],
  records: [],
  fromCache: 0,
  failures: [],
  done: 0,
  elapsedMs: 0,
  remainingMs: null,
  concurrency: 1
};

const now = () => (typeof performance === "undefined" ? Date.now() : performance.now());

/**
 * Runs sweeps through the worker pool, `concurrency` trainings at a time, and publishes their progress in `state`
 * (a page follows it with `state.watch()`). Starting a sweep aborts the one running; `abort()` stops it.
 */
export class SweepRunner {
  readonly state = new Watchable<SweepState>(IDLE_SWEEP);
  private controller: AbortController | null = null;
  private generation = 0;

  constructor(
    private readonly services: RunServices,
    readonly concurrency = defaultConcurrency()
  ) {}

  /** Plans and runs a sweep; resolves with its final state (status "done" or "aborted"). */
  async run(options: SweepPlanOptions): Promise<SweepState> {
    this.abort();
    const controller = (this.controller = new AbortController());
    const generation = ++this.generation;
    const plan = planSweep(options);
    const started = now();
    let state: SweepState = {
      ...IDLE_SWEEP,
      status: "running",
      axes: options.axes,
      replicates: options.replicates,
      plan,
      concurrency: this.concurrency
    };
    this.state.set(state);
    try {
      for await (const outcome of mapConcurrent(
        plan,
        this.concurrency,
        (config, signal) => trainRun(config, this.services, signal),
        controller.signal
      )) {
        const done = state.done + 1;
        const elapsedMs = now() - started;
        state = {
          ...state,
          done,
          elapsedMs,
          remainingMs: (elapsedMs / done) * (plan.length - done),
          records: outcome.ok ? [...state.records, outcome.value.record] : state.records,
          fromCache: state.fromCache + (outcome.ok && outcome.value.source === "cache" ? 1 : 0),
          failures: outcome.ok ? state.failures : [...state.failures, {config: outcome.item, error: outcome.error}]
        };
        if (generation === this.generation) this.state.set(state);
      }
      state = {...state, status: "done", remainingMs: 0, elapsedMs: now() - started};
    } catch (error) {
      if (!(error instanceof Error && error.name === "AbortError")) throw error;
      state = {...state, status: "aborted", remainingMs: null, elapsedMs: now() - started};
    } finally {
      if (this.controller === controller) this.controller = null;
    }
    // A newer sweep has taken over the state: leave it be.
    if (generation === this.generation) this.state.set(state);
    return state;
  }

  abort(): void {
    this.controller?.abort();
    this.controller = null;
  }

  /** The page's cell that made this runner is gone: stop. */
  dispose(): void {
    this.abort();
  }
}
