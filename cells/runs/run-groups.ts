import type {History} from "../train/fit.js";
import {meanStd, seriesMeanStd, type MeanStd} from "./mean-std.js";
import {groupKey, type RunConfig} from "./run-config.js";
import {metricValue, type MetricMode, type MetricName, type RunRecord} from "./run-record.js";

/** Runs of one configuration that differ only by their seed, and their statistics. */
export interface RunGroup {
  key: string;
  /** The first run's configuration (its seed is that run's). */
  config: RunConfig;
  runs: RunRecord[];
  seeds: number[];
  test: {loss: MeanStd; accuracy: MeanStd};
  /** Per test phrase, in the records' order. */
  predictions: {text: string; score: MeanStd}[];
  /** Per epoch, for each of the four curves. */
  curves: Record<keyof History, MeanStd[]>;
}

/** Groups runs by configuration-without-seed, in order of each group's first run. */
export function groupRuns(runs: readonly RunRecord[]): RunGroup[] {
  const groups = new Map<string, RunRecord[]>();
  for (const run of runs) {
    const key = groupKey(run.config);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups].map(([key, members]) => summarize(key, members));
}

export function summarize(key: string, runs: RunRecord[]): RunGroup {
  const curve = (name: keyof History) => seriesMeanStd(runs.map((r) => r.history[name]));
  const texts = runs[0]?.predictions.map((p) => p.text) ?? [];
  return {
    key,
    config: runs[0]?.config,
    runs,
    seeds: runs.map((r) => r.config.seed),
    test: {loss: meanStd(runs.map((r) => r.test.loss)), accuracy: meanStd(runs.map((r) => r.test.accuracy))},
    predictions: texts.map((text) => ({
      text,
      score: meanStd(runs.flatMap((r) => r.predictions.filter((p) => p.text === text).map((p) => p.score)))
    })),
    curves: {
      loss: curve("loss"),
      accuracy: curve("accuracy"),
      val_loss: curve("val_loss"),
      val_accuracy: curve("val_accuracy")
    }
  };
}

/** A group's metric over its runs (each run's last or best value). */
export function groupMetric(group: RunGroup, metric: MetricName, mode: MetricMode): MeanStd {
  return meanStd(group.runs.map((r) => metricValue(r.history, metric, mode)).filter(Number.isFinite));
}
