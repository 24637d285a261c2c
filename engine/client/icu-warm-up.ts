/**
 * The browser loads its internationalisation data (ICU) on a page's first locale-aware call — Inputs' labels, tables'
 * numbers, Plot's ticks — in one piece: 35–55 ms measured on a 2-core machine, whichever cell made that call. These
 * steps take the same cost in parts, each meant for a task of its own (measured: collation 11–25 ms, the locale's
 * data 16–38 ms, number formats 3–5 ms, then the first formatted number ~1 ms).
 */
export const icuWarmUpSteps: readonly (() => unknown)[] = [
  () => "a".localeCompare("b"),
  () => new Intl.Locale(navigator.language || "en-US").maximize(),
  () => Intl.NumberFormat.supportedLocalesOf([navigator.language || "en-US", "en-US"]),
  () => (0.5).toLocaleString()
];
