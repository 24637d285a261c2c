import {offsetSeed} from "../random/seeds.js";
import {defaultConcurrency, mapConcurrent} from "./map-concurrent.js";
import type {RunConfig} from "./run-config.js";
import type {RunRecord} from "./run-record.js";
import {trainRun, type RunServices} from "./train-run.js";

/** The seeds of `count` replicates of a run: its own seed, then the next ones (wrapping in [0, 2³² − 1]). */
export function replicateSeeds(seed: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be an integer ≥ 1, got ${count}`);
  return Array.from({length: count}, (_, i) => offsetSeed(seed, i));
}

export interface ReplicateProgress {
  /** The extra seeds (the run's own seed is trained elsewhere). */
  seeds: number[];
  records: RunRecord[];
  failures: {seed: number; error: string}[];
  done: boolean;
}

/**
 * The `count − 1` replicates of `config` with the seeds after its own, trained in parallel across the worker
 * pool (or taken from the cache) and recorded in the ledger; yields as each finishes. The run with `config.seed`
 * itself is the page's main training, not repeated here.
 */
export async function* trainReplicates(
  config: RunConfig,
  count: number,
  services: RunServices,
  signal?: AbortSignal,
  concurrency = defaultConcurrency()
): AsyncGenerator<ReplicateProgress> {
  const seeds = replicateSeeds(config.seed, count).slice(1);
  let progress: ReplicateProgress = {seeds, records: [], failures: [], done: !seeds.length};
  yield progress;
  if (!seeds.length) return;
  const runs = seeds.map((seed) => ({...config, seed}));
  try {
    for await (const outcome of mapConcurrent(
      runs,
      concurrency,
      (run, s) => trainRun(run, services, s).then((r) => r.record),
      signal
    )) {
      progress = outcome.ok
        ? {...progress, records: [...progress.records, outcome.value]}
        : {...progress, failures: [...progress.failures, {seed: outcome.item.seed, error: outcome.error}]};
      progress.done = progress.records.length + progress.failures.length === seeds.length;
      yield progress;
    }
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") return; // the cell is stale: nothing more to show
    throw error;
  }
}
