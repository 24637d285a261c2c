import {canonicalJSON} from "./content-hash.js";

/** The essay's parameters, under the names the essay gives them: one run's configuration. */
export interface RunConfig {
  hiddenSize: number;
  maxLength: number;
  embeddingDim: number;
  epochs: number;
  learningRate: number;
  dropoutRate: number;
  batchSize: number;
  seed: number;
}

export type ConfigKey = keyof RunConfig;

/** In the essay's order. */
export const CONFIG_KEYS: readonly ConfigKey[] = [
  "hiddenSize",
  "maxLength",
  "embeddingDim",
  "epochs",
  "learningRate",
  "dropoutRate",
  "batchSize",
  "seed"
];

/** Short French names for tables and legends. */
export const CONFIG_LABELS: Record<ConfigKey, string> = {
  hiddenSize: "état caché",
  maxLength: "max_length",
  embeddingDim: "embedding",
  epochs: "époques",
  learningRate: "lr",
  dropoutRate: "dropout",
  batchSize: "batch",
  seed: "graine"
};

/** The values each control can take (what a sweep may ask for and « Restaurer » may set). */
export type ConfigDomain = {min: number; max: number; step: number} | {options: readonly number[]};

export const CONFIG_DOMAINS: Record<ConfigKey, ConfigDomain> = {
  hiddenSize: {min: 8, max: 256, step: 8},
  maxLength: {min: 5, max: 50, step: 1},
  embeddingDim: {min: 8, max: 200, step: 4},
  epochs: {min: 1, max: 30, step: 1},
  learningRate: {options: [0.0001, 0.0003, 0.001, 0.003, 0.01]},
  dropoutRate: {min: 0, max: 0.8, step: 0.05},
  batchSize: {options: [8, 16, 32, 64, 128]},
  seed: {min: 0, max: 4294967295, step: 1}
};

/** Null if `value` is one the control of `key` takes, else why not (in French, for the page). */
export function checkConfigValue(key: ConfigKey, value: number): string | null {
  const domain = CONFIG_DOMAINS[key];
  if (!Number.isFinite(value)) return `${CONFIG_LABELS[key]} : « ${value} » n'est pas un nombre`;
  if ("options" in domain) {
    return domain.options.includes(value)
      ? null
      : `${CONFIG_LABELS[key]} : ${value} n'est pas parmi ${domain.options.join(", ")}`;
  }
  if (value < domain.min || value > domain.max)
    return `${CONFIG_LABELS[key]} : ${value} hors de [${domain.min}, ${domain.max}]`;
  const steps = (value - domain.min) / domain.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    return `${CONFIG_LABELS[key]} : ${value} n'est pas un multiple de ${domain.step} depuis ${domain.min}`;
  }
  return null;
}

/** The configuration without its seed: what replicates share. */
export function withoutSeed(config: RunConfig): Omit<RunConfig, "seed"> {
  const {seed: _seed, ...rest} = config;
  return rest;
}

/** A text equal for two configurations exactly when they differ at most by their seed. */
export function groupKey(config: RunConfig): string {
  return canonicalJSON(withoutSeed(config));
}

/** The keys whose values are not the same in every configuration (in the essay's order). */
export function differingKeys(configs: readonly RunConfig[]): ConfigKey[] {
  return CONFIG_KEYS.filter((key) => configs.some((c) => c[key] !== configs[0][key]));
}

/** « état caché 64, graine 7 »: the named keys of a configuration. */
export function describeConfig(config: RunConfig, keys: readonly ConfigKey[]): string {
  return keys.map((key) => `${CONFIG_LABELS[key]} ${config[key]}`).join(", ");
}
