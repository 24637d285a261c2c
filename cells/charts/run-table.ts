import {formatMeanStd, meanStd, type MeanStd} from "../runs/mean-std.js";
import {CONFIG_KEYS, CONFIG_LABELS, differingKeys, type ConfigKey, type RunConfig} from "../runs/run-config.js";
import {groupRuns} from "../runs/run-groups.js";
import {metricValue, type MetricMode, type RunRecord} from "../runs/run-record.js";
import {ensureCompareStyles} from "./compare-style.js";

export interface TableSort {
  column: string;
  descending: boolean;
}

export interface RunTableOptions {
  /** Only the configuration columns whose values differ between the rows. */
  diffOnly: boolean;
  metricMode: MetricMode;
  /** One row per configuration-without-seed (replicates together, mean ± std), instead of one per run. */
  grouped: boolean;
  selectedId: string | null;
  /** Runs whose curves are overlaid, and their colours. */
  compared: ReadonlyMap<string, string>;
  /** The table's sort; header clicks change it in place (keep the object to keep the sort across redraws). */
  sort: TableSort;
  onSelect: (id: string) => void;
  onCompare: (id: string, on: boolean) => void;
  onRestore: (config: RunConfig) => void;
  onRemove: (id: string) => void;
}

interface Row {
  id: string;
  config: RunConfig;
  runs: RunRecord[];
  index: number;
}

interface Column {
  key: string;
  label: string;
  value: (row: Row) => MeanStd | number | string;
  text: (row: Row) => string;
}

const MODE = {last: "dernière", best: "meilleure"};

/**
 * The run ledger as a sortable table: one row per run (or per configuration-without-seed), each with
 * `data-run-id` and `data-config` (its configuration as JSON). Clicking a row selects it; « Restaurer » sets the
 * page's controls to its configuration.
 */
export function runTable(runs: readonly RunRecord[], options: RunTableOptions): HTMLElement {
  ensureCompareStyles();
  const scroller = document.createElement("div");
  scroller.className = "courant-run-table-scroll";
  scroller.append(tableOf(runs, options));
  return scroller;
}

function tableOf(runs: readonly RunRecord[], options: RunTableOptions): HTMLTableElement {
  const rows: Row[] = options.grouped
    ? groupRuns(runs).map((g, i) => ({id: g.runs[0].id, config: g.config, runs: g.runs, index: i + 1}))
    : runs.map((r, i) => ({id: r.id, config: r.config, runs: [r], index: i + 1}));
  const shown = options.diffOnly ? differingKeys(rows.map((r) => r.config)) : CONFIG_KEYS;
  const configKeys = options.grouped ? shown.filter((k) => k !== "seed") : shown;
  const columns = [...configColumns(configKeys, options.grouped), ...metricColumns(options.metricMode)];
  const table = document.createElement("table");
  table.className = "courant-table courant-run-table";
  table.dataset.diffOnly = String(options.diffOnly);
  const head = table.createTHead().insertRow();
  head.append(cell("th", options.grouped ? "" : "comparer"), cell("th", "#"));
  for (const column of columns) {
    const th = cell("th", column.label);
    th.dataset.column = column.key;
    if (options.sort.column === column.key)
      th.setAttribute("aria-sort", options.sort.descending ? "descending" : "ascending");
    th.title = "Trier";
    th.onclick = () => {
      options.sort.descending = options.sort.column === column.key ? !options.sort.descending : false;
      options.sort.column = column.key;
      table.replaceWith(tableOf(runs, options));
    };
    head.append(th);
  }
  head.append(cell("th", ""));
  const body = table.createTBody();
  for (const row of sorted(rows, columns, options.sort)) body.append(tableRow(row, columns, options));
  if (!rows.length) {
    const empty = body.insertRow().insertCell();
    empty.colSpan = columns.length + 3;
    empty.textContent = "Aucun entraînement enregistré pour l'instant.";
  }
  return table;
}

function tableRow(row: Row, columns: Column[], options: RunTableOptions): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.dataset.runId = row.id;
  tr.dataset.config = JSON.stringify(row.config);
  if (options.grouped) tr.dataset.runs = row.runs.map((r) => r.id).join(" ");
  if (row.runs.some((r) => r.id === options.selectedId)) tr.classList.add("courant-selected");
  tr.onclick = () => options.onSelect(row.id);
  const first = cell("td", "");
  if (!options.grouped) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = options.compared.has(row.id);
    box.setAttribute("aria-label", `comparer l'exécution ${row.index}`);
    box.onclick = (event) => event.stopPropagation();
    box.onchange = () => options.onCompare(row.id, box.checked);
    const color = options.compared.get(row.id);
    const swatch = document.createElement("span");
    swatch.className = "courant-swatch";
    swatch.style.background = color ?? "transparent";
    first.append(swatch, box);
  }
  tr.append(first, cell("td", String(row.index), "courant-num"));
  for (const column of columns) {
    const td = cell("td", column.text(row), typeof column.value(row) === "string" ? undefined : "courant-num");
    td.dataset.column = column.key;
    tr.append(td);
  }
  const actions = cell("td", "", "courant-run-actions");
  const restore = button("Restaurer", () => options.onRestore(row.config));
  restore.title = "Remettre les contrôles de l'essai sur cette configuration";
  actions.append(restore);
  if (!options.grouped) {
    const remove = button("✕", () => options.onRemove(row.id));
    remove.title = "Retirer du journal";
    remove.setAttribute("aria-label", "Retirer du journal");
    actions.append(" ", remove);
  }
  tr.append(actions);
  return tr;
}

function configColumns(keys: readonly ConfigKey[], grouped: boolean): Column[] {
  const columns: Column[] = keys.map((key) => ({
    key,
    label: CONFIG_LABELS[key],
    value: (row) => row.config[key],
    text: (row) => String(row.config[key])
  }));
  if (grouped) {
    columns.push({
      key: "seeds",
      label: "graines",
      value: (row) => row.runs.length,
      text: (row) =>
        `${row.runs.length} (${row.runs
          .map((r) => r.config.seed)
          .sort((x, y) => x - y)
          .join(", ")})`
    });
  }
  return columns;
}

function metricColumns(mode: MetricMode): Column[] {
  const stat = (values: (r: RunRecord) => number) => (row: Row) =>
    meanStd(row.runs.map(values).filter(Number.isFinite));
  const column = (key: string, label: string, values: (r: RunRecord) => number, digits = 4): Column => ({
    key,
    label,
    value: stat(values),
    text: (row) => formatMeanStd(stat(values)(row), digits)
  });
  return [
    column("val_accuracy", `val_accuracy (${MODE[mode]})`, (r) => metricValue(r.history, "val_accuracy", mode)),
    column("val_loss", `val_loss (${MODE[mode]})`, (r) => metricValue(r.history, "val_loss", mode)),
    column("test_accuracy", "test accuracy", (r) => r.test.accuracy),
    column("test_loss", "test loss", (r) => r.test.loss),
    column("duration", "durée (s)", (r) => r.durationMs / 1000, 2),
    {
      key: "trainer",
      label: "noyaux",
      value: (row) => trainerName(row.runs[0]),
      text: (row) => trainerName(row.runs[0])
    },
    {
      key: "time",
      label: "fin",
      value: (row) => Math.max(...row.runs.map((r) => r.time)),
      text: (row) => new Date(Math.max(...row.runs.map((r) => r.time))).toLocaleTimeString("fr-FR")
    }
  ];
}

function trainerName(run: RunRecord): string {
  return run.trainer === "fused" ? "fusionnés" : `tfjs ${run.backend}`;
}

function sorted(rows: Row[], columns: Column[], sort: TableSort): Row[] {
  const column = columns.find((c) => c.key === sort.column);
  if (!column) return rows;
  const key = (row: Row) => {
    const v = column.value(row);
    return typeof v === "object" ? v.mean : v;
  };
  const sign = sort.descending ? -1 : 1;
  return rows.slice().sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (typeof x === "string" || typeof y === "string") return sign * String(x).localeCompare(String(y));
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
    return sign * (x - y);
  });
}

function cell(tag: "td" | "th", text: string, className?: string): HTMLTableCellElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const node = document.createElement("button");
  node.type = "button";
  node.textContent = label;
  node.onclick = (event) => {
    event.stopPropagation();
    onClick();
  };
  return node;
}
