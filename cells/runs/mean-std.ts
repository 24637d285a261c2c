/** Mean and standard deviation of replicates. */
export interface MeanStd {
  mean: number;
  /** The sample standard deviation (n − 1 in the denominator, as numpy's `std(ddof=1)`); 0 for a single value. */
  std: number;
  n: number;
}

export function meanStd(values: readonly number[]): MeanStd {
  const n = values.length;
  if (!n) return {mean: NaN, std: NaN, n: 0};
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return {mean, std: 0, n};
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return {mean, std: Math.sqrt(squares / (n - 1)), n};
}

/**
 * Per-index mean and std of several series (curves of replicates); a series shorter than another counts only
 * where it has values.
 */
export function seriesMeanStd(series: readonly (readonly number[])[]): MeanStd[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  return Array.from({length}, (_, i) => meanStd(series.filter((s) => i < s.length).map((s) => s[i])));
}

/** « 0.912 ± 0.034 » (just the mean for a single value). */
export function formatMeanStd({mean, std, n}: MeanStd, digits = 3): string {
  if (!n) return "—";
  return n > 1 ? `${mean.toFixed(digits)} ± ${std.toFixed(digits)}` : mean.toFixed(digits);
}
