import {formatMeanStd, type MeanStd} from "../runs/mean-std.js";
import type {RunGroup} from "../runs/run-groups.js";
import {ensureCompareStyles} from "./compare-style.js";
import {replicateCurves} from "./replicate-curves.js";

export interface ReplicateSummaryOptions {
  /** Seeds asked for (the run's own first). */
  seeds: number[];
  epochs: number;
  width: number;
}

/**
 * Replicates of one configuration: how many have finished, their curves (mean ± 1 std, each seed faint), and a
 * table of test accuracy, test loss and each phrase's score as mean ± std with every seed's value. The element
 * carries `data-runs`; each row `data-metric`, `data-mean` and `data-std`.
 */
export function replicateSummary(group: RunGroup | null, {seeds, epochs, width}: ReplicateSummaryOptions): HTMLElement {
  ensureCompareStyles();
  const root = document.createElement("div");
  root.className = "courant-replicates";
  const runs = group?.runs ?? [];
  root.dataset.runs = String(runs.length);
  root.dataset.seeds = String(seeds.length);
  const status = document.createElement("p");
  status.className = "courant-replicates-status";
  const plural = (n: number) => (n > 1 ? "s" : "");
  status.textContent =
    `${seeds.length} graines (${seeds.join(", ")}) : ${runs.length} / ${seeds.length}` +
    ` entraînement${plural(seeds.length)} terminé${plural(runs.length)}`;
  root.append(status);
  if (!group || !runs.length) return root;
  const bySeed = seeds.map((seed) => runs.find((r) => r.config.seed === seed) ?? null);
  root.append(
    replicateCurves(
      runs.map((r) => r.history),
      {epochs, width}
    )
  );
  const table = document.createElement("table");
  table.className = "courant-table courant-replicate-table";
  const head = table.createTHead().insertRow();
  for (const text of ["Mesure", "moyenne ± écart-type", ...seeds.map((s) => `graine ${s}`)]) head.append(th(text));
  const body = table.createTBody();
  const row = (metric: string, label: string, stat: MeanStd, value: (i: number) => number | null) => {
    const tr = body.insertRow();
    tr.dataset.metric = metric;
    tr.dataset.mean = String(stat.mean);
    tr.dataset.std = String(stat.std);
    tr.dataset.n = String(stat.n);
    tr.insertCell().textContent = label;
    const cell = tr.insertCell();
    cell.textContent = formatMeanStd(stat, 3);
    cell.className = "courant-num";
    bySeed.forEach((_, i) => {
      const v = value(i);
      const td = tr.insertCell();
      td.textContent = v === null ? "…" : v.toFixed(3);
      td.className = "courant-num";
    });
  };
  row("test_accuracy", "Test accuracy", group.test.accuracy, (i) => bySeed[i]?.test.accuracy ?? null);
  row("test_loss", "Test loss", group.test.loss, (i) => bySeed[i]?.test.loss ?? null);
  group.predictions.forEach((p, k) =>
    row(
      `phrase-${k}`,
      `« ${p.text} »`,
      p.score,
      (i) => bySeed[i]?.predictions.find((q) => q.text === p.text)?.score ?? null
    )
  );
  const caption = table.createCaption();
  caption.textContent = "Test et scores des phrases nouvelles, sur les graines";
  root.append(table);
  return root;
}

function th(text: string): HTMLTableCellElement {
  const cell = document.createElement("th");
  cell.textContent = text;
  return cell;
}
