import type {SweepState} from "../runs/sweep-runner.js";
import {ensureCompareStyles} from "./compare-style.js";

const STATUS = {
  idle: "Aucun balayage lancé.",
  running: "Balayage en cours",
  done: "Balayage terminé",
  aborted: "Balayage interrompu"
};

/**
 * A sweep's progress: a bar, runs done out of planned, time spent and estimated time left, how many came from the
 * cache, failures. The element carries `data-status`, `data-done`, `data-total`, `data-elapsed-ms`, `data-workers`.
 */
export function sweepProgress(state: SweepState, onAbort: () => void): HTMLElement {
  ensureCompareStyles();
  const root = document.createElement("div");
  root.className = "courant-sweep-progress";
  Object.assign(root.dataset, {
    status: state.status,
    done: String(state.done),
    total: String(state.plan.length),
    elapsedMs: String(Math.round(state.elapsedMs)),
    workers: String(state.concurrency)
  });
  const text = document.createElement("span");
  if (state.status === "idle") {
    text.textContent = STATUS.idle;
    root.append(text);
    return root;
  }
  const bar = document.createElement("progress");
  bar.max = Math.max(1, state.plan.length);
  bar.value = state.done;
  const left =
    state.status === "running" && state.remainingMs !== null ? `, encore ~${seconds(state.remainingMs)}` : "";
  const cached = state.fromCache ? `, ${state.fromCache} depuis le cache` : "";
  text.textContent =
    `${STATUS[state.status]} : ${state.done} / ${state.plan.length} entraînements en ${seconds(state.elapsedMs)}${left}` +
    ` (${state.concurrency} workers${cached})`;
  root.append(bar, text);
  if (state.status === "running") {
    const stop = document.createElement("button");
    stop.type = "button";
    stop.textContent = "Arrêter";
    stop.onclick = onAbort;
    root.append(stop);
  }
  for (const failure of state.failures.slice(0, 3)) {
    const note = document.createElement("p");
    note.className = "courant-note";
    note.textContent = `Échec : ${failure.error}`;
    root.append(note);
  }
  return root;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
}
