import {CONFIG_KEYS} from "./run-config.js";
import type {RunRecord} from "./run-record.js";

/** The ledger's export format: a tagged, versioned list of run records. */
export const LEDGER_FORMAT = "courant-run-ledger";
export const LEDGER_VERSION = 1;

export function ledgerToJSON(runs: readonly RunRecord[]): string {
  return JSON.stringify({format: LEDGER_FORMAT, version: LEDGER_VERSION, runs}, null, 1);
}

export type ParsedLedger = {ok: true; runs: RunRecord[]} | {ok: false; error: string};

/** Reads an export back; anything that is not one is refused with the reason, as data. */
export function parseLedgerJSON(text: string): ParsedLedger {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {ok: false, error: `JSON illisible : ${e instanceof Error ? e.message : String(e)}`};
  }
  if (!isObject(data) || data.format !== LEDGER_FORMAT) {
    return {ok: false, error: `ce n'est pas un export du journal (format ≠ « ${LEDGER_FORMAT} »)`};
  }
  if (data.version !== LEDGER_VERSION)
    return {ok: false, error: `version ${String(data.version)} inconnue (attendue : ${LEDGER_VERSION})`};
  if (!Array.isArray(data.runs)) return {ok: false, error: "« runs » doit être une liste"};
  const runs: RunRecord[] = [];
  for (const [i, run] of data.runs.entries()) {
    const problem = recordProblem(run);
    if (problem) return {ok: false, error: `exécution ${i} : ${problem}`};
    runs.push(run as RunRecord);
  }
  return {ok: true, runs};
}

function recordProblem(run: unknown): string | null {
  if (!isObject(run)) return "pas un objet";
  if (typeof run.id !== "string" || !run.id) return "« id » manquant";
  if (!isObject(run.config)) return "« config » manquante";
  for (const key of CONFIG_KEYS) if (!isNumber(run.config[key])) return `config.${key} n'est pas un nombre`;
  if (typeof run.backend !== "string") return "« backend » manquant";
  if (!["fused", "tfjs", null].includes(run.trainer as string | null)) return "« trainer » inconnu";
  if (!isObject(run.history)) return "« history » manquant";
  for (const key of ["loss", "accuracy", "val_loss", "val_accuracy"]) {
    const values = run.history[key];
    if (!Array.isArray(values) || !values.every(isNumber)) return `history.${key} doit être une liste de nombres`;
  }
  if (!isObject(run.test) || !isNumber(run.test.loss) || !isNumber(run.test.accuracy)) return "« test » incomplet";
  if (
    !Array.isArray(run.predictions) ||
    !run.predictions.every((p) => isObject(p) && typeof p.text === "string" && isNumber(p.score))
  ) {
    return "« predictions » doit être une liste de {text, score}";
  }
  if (!isNumber(run.durationMs) || !isNumber(run.time)) return "« durationMs » ou « time » manquant";
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
