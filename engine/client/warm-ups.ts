/**
 * First-use costs taken apart, each in a task of its own, so that none lands in the task of a cell.
 *
 * After the first cell's turn: the browser's internationalisation data (ICU), which its first locale-aware call
 * loads in one piece (35–55 ms alone on a 2-core machine), in parts — collation (11–25 ms), the locale (16–65 ms),
 * number formats (19–36 ms), a first number (~1 ms). Before the first cell, these held the controls back by
 * ~90 ms (interleaved readers: 482 → 575 ms). Loading ICU in a worker started from the page's head, whose cost
 * the page's own calls then no longer pay (ICU's caches are shared by the renderer's threads: ~0.1 ms each after),
 * held them back too (+70–100 ms; not traced further). So did Observable Inputs' first controls made off the page
 * before the first cell (their code compiled on first call, 4–6 ms traced; interleaved readers: controls +14 ms,
 * first epoch +29 ms), which the first cells now pay themselves.
 */

type Step = () => unknown;

const locale = () => navigator.language || "en-US";

/** Steps to take between the first cell's turn and the next. */
export const warmUpsAfterFirstCell: readonly Step[] = [
  () => "a".localeCompare("b"),
  () => new Intl.Locale(locale()).maximize(),
  () => Intl.NumberFormat.supportedLocalesOf([locale(), "en-US"]),
  () => (0.5).toLocaleString()
];

/** Runs a step; a warm-up that fails changes nothing (the cells make these calls themselves). */
export function attempt(step: Step) {
  try {
    step();
  } catch {
    // only a warm-up
  }
}
