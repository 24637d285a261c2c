import {abortError} from "../util/abort-error.js";
import {trainCached} from "./cached-training.js";
import type {ResultCache} from "./result-cache.js";
import type {RunConfig} from "./run-config.js";
import type {RunLedger} from "./run-ledger.js";
import {makeRunRecord, type RunRecord} from "./run-record.js";
import {sentimentSetup} from "./sentiment-setup.js";

export interface RunServices {
  cache: ResultCache;
  ledger: RunLedger;
}

export interface FinishedRun {
  record: RunRecord;
  source: "cache" | "trained";
}

/**
 * Trains one configuration of the essay's model (or takes it from the cache), records it in the ledger, and returns
 * its record. Replicates and sweeps are made of these; each runs in a pooled worker. Aborting throws an AbortError.
 */
export async function trainRun(
  config: RunConfig,
  {cache, ledger}: RunServices,
  signal?: AbortSignal
): Promise<FinishedRun> {
  const setup = sentimentSetup(config);
  let last = null;
  // The generator frees the networks it replaces, and the last one unless it finished: then it is ours.
  for await (const update of trainCached(setup.spec, setup.train, {...setup.options, signal}, cache)) last = update;
  if (!last?.done || !last.key) throw abortError(signal);
  try {
    return {record: await recordTraining(last.key, config, last, setup, ledger), source: last.source};
  } finally {
    last.network.dispose();
  }
}

/**
 * The ledger's record of a finished training: the known one if this result was recorded before, else a new one
 * (evaluated on the test split and the test phrases), added to the ledger.
 */
export async function recordTraining(
  key: string,
  config: RunConfig,
  training: Pick<Parameters<typeof makeRunRecord>[0], "network" | "history" | "backend" | "trainer" | "elapsed">,
  setup: Pick<Parameters<typeof makeRunRecord>[0], "test" | "tokenizer" | "maxLength">,
  ledger: RunLedger
): Promise<RunRecord> {
  const known = ledger.get(key);
  if (known) return known;
  const record = makeRunRecord({id: key, config, ...training, ...setup});
  await ledger.add(record);
  return record;
}
