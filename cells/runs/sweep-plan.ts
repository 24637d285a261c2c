import {RandomState} from "../random/mt19937.js";
import {offsetSeed} from "../random/seeds.js";
import {checkConfigValue, CONFIG_LABELS, type ConfigKey, type RunConfig} from "./run-config.js";

/** A sweep varies any parameter but the seed (replicates vary the seed). */
export type SweepKey = Exclude<ConfigKey, "seed">;

export interface SweepAxis {
  key: SweepKey;
  values: number[];
}

export interface SweepPlanOptions {
  base: RunConfig;
  /** One axis, or two (every combination). */
  axes: SweepAxis[];
  /** Runs per combination, with seeds base.seed, base.seed + 1, … (wrapping in [0, 2³² − 1]). */
  replicates: number;
  /** Seeds the order's shuffle (default: the base seed), so a plan is reproducible. */
  orderSeed?: number;
}

/** Values a reader might sweep first. */
export const DEFAULT_SWEEP_VALUES: Record<SweepKey, number[]> = {
  hiddenSize: [16, 32, 48, 64, 96, 128, 192, 256],
  maxLength: [5, 10, 15, 20, 30, 40, 50],
  embeddingDim: [8, 16, 32, 64, 100, 200],
  epochs: [1, 2, 3, 5, 10, 20],
  learningRate: [0.0001, 0.0003, 0.001, 0.003, 0.01],
  dropoutRate: [0, 0.1, 0.2, 0.3, 0.5, 0.8],
  batchSize: [8, 16, 32, 64, 128]
};

/**
 * Every combination of the axes' values × the replicate seeds, in a seeded shuffled order: partial results then
 * cover the whole range evenly, and a drift of the machine's speed does not line up with the parameter.
 */
export function planSweep({base, axes, replicates, orderSeed = base.seed}: SweepPlanOptions): RunConfig[] {
  if (axes.length < 1 || axes.length > 2) throw new RangeError(`a sweep has one or two axes, got ${axes.length}`);
  if (axes.length === 2 && axes[0].key === axes[1].key) throw new RangeError(`the two axes are both ${axes[0].key}`);
  if (!Number.isInteger(replicates) || replicates < 1)
    throw new RangeError(`replicates must be an integer ≥ 1, got ${replicates}`);
  for (const {key, values} of axes) {
    if (!values.length) throw new RangeError(`no value for ${key}`);
    for (const v of values) {
      const problem = checkConfigValue(key, v);
      if (problem) throw new RangeError(problem);
    }
  }
  let configs: RunConfig[] = [{...base}];
  for (const {key, values} of axes)
    configs = configs.flatMap((c) => [...new Set(values)].map((v) => ({...c, [key]: v})));
  const runs = configs.flatMap((c) =>
    Array.from({length: replicates}, (_, i) => ({...c, seed: offsetSeed(base.seed, i)}))
  );
  new RandomState(orderSeed).shuffle(runs);
  return runs;
}

export type ParsedValues = {ok: true; values: number[]} | {ok: false; error: string};

/** « 16, 32; 64 » → [16, 32, 64], each checked against the control's domain; the reason otherwise, as data. */
export function parseSweepValues(key: SweepKey, text: string): ParsedValues {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (!parts.length) return {ok: false, error: `aucune valeur pour ${CONFIG_LABELS[key]}`};
  const values: number[] = [];
  for (const part of parts) {
    const value = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(part) ? Number(part) : NaN;
    const problem = Number.isNaN(value)
      ? `${CONFIG_LABELS[key]} : « ${part} » n'est pas un nombre`
      : checkConfigValue(key, value);
    if (problem) return {ok: false, error: problem};
    if (!values.includes(value)) values.push(value);
  }
  return {ok: true, values};
}
