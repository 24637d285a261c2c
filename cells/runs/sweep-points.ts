import type {MeanStd} from "./mean-std.js";
import {groupMetric, groupRuns} from "./run-groups.js";
import type {RunConfig} from "./run-config.js";
import {metricValue, type MetricMode, type MetricName, type RunRecord} from "./run-record.js";
import type {SweepAxis} from "./sweep-plan.js";

/** One configuration of a sweep: its metric over its replicates, placed on the sweep's axes. */
export interface SweepPoint {
  /** The configuration of its first run (« Restaurer » goes there; its seed is the sweep's base seed). */
  config: RunConfig;
  /** The first run's id. */
  id: string;
  x: number;
  /** The second axis's value, or null with one axis. */
  series: number | null;
  stat: MeanStd;
  runs: {id: string; value: number}[];
}

/** The sweep's finished runs as points: one per configuration-without-seed, by series then x. */
export function sweepPoints(
  records: readonly RunRecord[],
  axes: readonly SweepAxis[],
  metric: MetricName,
  mode: MetricMode = "last"
): SweepPoint[] {
  const [first, second] = axes;
  if (!first) return [];
  return groupRuns(records)
    .map((g) => {
      const runs = g.runs.slice().sort((a, b) => a.config.seed - b.config.seed);
      return {
        config: runs[0].config,
        id: runs[0].id,
        x: g.config[first.key],
        series: second ? g.config[second.key] : null,
        stat: groupMetric(g, metric, mode),
        runs: runs.map((r) => ({id: r.id, value: metricValue(r.history, metric, mode)}))
      };
    })
    .sort((a, b) => (a.series ?? 0) - (b.series ?? 0) || a.x - b.x);
}
