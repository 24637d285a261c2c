/**
 * First-use costs taken apart, each in a task of its own, so that none lands in the task of a cell.
 *
 * The browser loads its internationalisation data (ICU) on a page's first locale-aware call in one piece: 35–55 ms
 * measured alone on a 2-core machine. Observable Inputs' first range formats its value with the locale, so that call
 * came with the page's first control, in the task that also holds the runtime's first computation. Before any cell:
 * the locale's data (16–65 ms), number formats (19–36 ms), a first number (~1 ms), then Inputs' first controls
 * (their code compiled on first call, 4–6 ms). After the first cell, so as not to hold the controls back further:
 * collation (11–25 ms).
 */

type Step = () => unknown;

const locale = () => navigator.language || "en-US";

/** Steps to take before the page's first cell runs; Inputs' only on a page that uses them. */
export function warmUpsBeforeCells({Inputs}: {Inputs?: () => unknown}): Step[] {
  return [
    () => new Intl.Locale(locale()).maximize(),
    () => Intl.NumberFormat.supportedLocalesOf([locale(), "en-US"]),
    () => (0.5).toLocaleString(),
    ...(Inputs ? [() => warmUpInputs(Inputs() as typeof import("@observablehq/inputs"))] : [])
  ];
}

/** Steps to take between the first cell's turn and the next. */
export const warmUpsAfterFirstCell: readonly Step[] = [() => "a".localeCompare("b")];

function warmUpInputs(Inputs: typeof import("@observablehq/inputs")) {
  Inputs.range([0, 1], {label: "·", step: 0.5, value: 0.5});
  Inputs.text({label: "·"});
}

/** Runs a step; a warm-up that fails changes nothing (the cells make these calls themselves). */
export function attempt(step: Step) {
  try {
    step();
  } catch {
    // only a warm-up
  }
}
