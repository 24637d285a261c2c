import {TEST_PHRASES} from "../data/sentiment.js";
import {predictSentiments} from "../inspect/sentiment.js";
import type {Network} from "../models/network.js";
import type {Tokenizer} from "../text/tokenizer.js";
import type {Dataset} from "../train/data.js";
import {evaluate, type History} from "../train/fit.js";
import type {RunConfig} from "./run-config.js";

/** One completed training, as the ledger keeps it. */
export interface RunRecord {
  /** The training's cache key: one record per distinct result. */
  id: string;
  config: RunConfig;
  /** The tfjs backend of the training process, and the kernels that trained. */
  backend: string;
  trainer: "fused" | "tfjs" | null;
  history: History;
  /** Keras's `evaluate` on the test split. */
  test: {loss: number; accuracy: number};
  /** The score (probability of « positif ») of each of the essay's five test phrases. */
  predictions: {text: string; score: number}[];
  /** Milliseconds of training. */
  durationMs: number;
  /** When it finished (ms since 1970). */
  time: number;
}

export interface RecordInputs {
  id: string;
  config: RunConfig;
  network: Network;
  history: History;
  backend: string;
  trainer: RunRecord["trainer"];
  elapsed: number;
  test: Dataset;
  tokenizer: Tokenizer;
  maxLength: number;
  time?: number;
}

/** Evaluates a trained network on the test split and the test phrases, and makes its record. */
export function makeRunRecord(inputs: RecordInputs): RunRecord {
  const {id, config, network, history, backend, trainer, elapsed, test, tokenizer, maxLength} = inputs;
  const {loss, accuracy} = evaluate(network, test, {batchSize: test.x.length});
  const predictions = predictSentiments([...TEST_PHRASES], {network, tokenizer, maxLength}).map((p) => ({
    text: p.text,
    score: p.score
  }));
  return {
    id,
    config: {...config},
    backend: backend.replace(" (worker)", ""),
    trainer,
    history,
    test: {loss, accuracy},
    predictions,
    durationMs: elapsed,
    time: inputs.time ?? Date.now()
  };
}

export type MetricName = keyof History;
export type MetricMode = "last" | "best";

/** A run's metric: at its last epoch, or its best (highest accuracy, lowest loss). NaN without values. */
export function metricValue(history: History, metric: MetricName, mode: MetricMode): number {
  const values = history[metric];
  if (!values.length) return NaN;
  if (mode === "last") return values[values.length - 1];
  return metric.endsWith("loss") ? Math.min(...values) : Math.max(...values);
}
