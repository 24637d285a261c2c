import {Runtime, type Variable} from "@observablehq/runtime";
import type {CellDefinition} from "../compiler/emit-module.js";
import type {PageProblem} from "../compiler/page-problem.js";
import {watchAsyncErrors} from "./async-errors.js";
import {CellView} from "./cell-view.js";
import {collectDisposables, disposeValue, type DisposableLike} from "./dispose.js";
import {messagesFor, type Messages} from "./messages.js";
import {ErrorBanner} from "./error-banner.js";
import {hotUpdate} from "./hot-update.js";
import {logCellError} from "./log-cell-error.js";
import {isIdleStream, observeInput} from "./observe.js";
import type {CodeProbes} from "./stack-frames.js";
import {createCellTurns, firstDefiners, turnLines} from "./cell-turns.js";
import {definitionOrder} from "./definition-order.js";
import {runInSlices} from "./in-slices.js";
import {nextTask} from "./next-task.js";
import {isIterator, restartableStream, untilInvalidated} from "./restart.js";
import {typedValueNote} from "./typed-value-note.js";
import {attempt, warmUpsAfterFirstCell} from "./warm-ups.js";
import {bindToUrl, type ViewOptions} from "./url-binding.js";
import {cellBuiltins} from "./stdlib/builtins.js";
import {tf as loadTf, tfBackendStarted, tfStarted} from "./stdlib/tf.js";

export {createLoopGuard} from "./loop-guard.js"; // for pages compiled with the dev loop guard

/** The probes bracket the body in the page's script: where its code lies, to trace late errors to it. */
export interface PageCell extends CellDefinition, CodeProbes {
  body: ((...args: any[]) => unknown) | null;
  /** For a cell that imports modules and runs code of its own: starts loading its modules (its body awaits them). */
  loadImports?: () => Promise<unknown>;
}

export interface PageSpec {
  cells: PageCell[];
  usesTf: boolean;
  /** Loaders of the builtins the page's cells read, and only those (emitted from engine/client/stdlib/builtins.ts). */
  builtins?: Record<string, () => unknown>;
  /** Errors of the page as a whole (front matter, encoding), shown in the page's error banner. */
  errors?: PageProblem[];
}

/** Builtins bound to each run of a cell rather than shared through the runtime. */
const LOCAL = cellBuiltins;

/** A per-run builtin, unless a cell of the page declares that name (a cell's own declaration wins). */
const isLocal = (name: string, declared: ReadonlySet<string>) => LOCAL.has(name) && !declared.has(name);

const cellVariableName = (cell: CellDefinition) => `cell ${cell.id}`;

/** Compiled page → Observable runtime variables, one per cell plus one per declared name. */
export async function startPage(spec: PageSpec) {
  // A hot update (engine/client/hot-update.ts) runs the page's new script: it patches the running page.
  const running = (window as {__courant?: {patch?: (spec: PageSpec) => void}}).__courant?.patch;
  if (running) return running(spec);
  const {cells, usesTf, builtins = {}, errors = []} = spec;
  const t = messagesFor(document.documentElement.lang);
  const main = document.querySelector("main") ?? document.body;
  const banner = new ErrorBanner(main, t);
  for (const error of errors) banner.add(error.message, t.line(error.line, error.column));
  const views = new Map<string, CellView>();
  // The cells whose code is live (a hot update changes it), to trace late errors to them.
  const live: {owner: PageCell; probes: PageCell}[] = [];
  watchAsyncErrors({
    cells: live,
    onCellError(cell, error) {
      logCellError(t, cell.line, error);
      views.get(cellVariableName(cell))?.lateError(errorMessage(error), t.afterRun(cell.line));
    },
    onPageError(error) {
      console.error("Courant:", error);
      banner.add(errorMessage(error), t.noCell);
    }
  });
  // TensorFlow.js starts now, without holding the page: only cells that import modules (which may use tfjs) wait
  // for its backend; cells that name `tf` wait through the builtin (until its kernels are warm). Controls, prose and
  // the rest run meanwhile. A cell that only imports loads its modules at once (their own setup, such as the
  // training workers, starts now) and hands them over once the backend is chosen, so no function of theirs runs
  // before.
  const tfReady = usesTf
    ? Promise.race([
        tfBackendStarted(),
        // Or the attempt ended without a backend: the cells then fail with tf's own error.
        loadTf().then(
          () => {},
          () => {}
        )
      ])
    : null;
  const mayUseTf = (cell: PageCell) => /\bimport\(/.test(String(cell.body));
  // Each cell runs in a task of its own, the highest on the page first (or at the place of one higher up that waits
  // for it: turnLines, made from the cells present).
  const turns = createCellTurns();
  let turnLine = new Map<string, number>();
  const turnAt = (cell: PageCell) => turnLine.get(cell.id) ?? cell.line;
  // First-use costs (warm-ups.ts) in tasks of their own, between the first cell's turn and the next (before all
  // cells, they held the controls back).
  let turnsTaken = 0;
  const turn = async (cell: PageCell) => {
    await turns.turn(turnAt(cell));
    if (++turnsTaken !== 2) return;
    for (const step of warmUpsAfterFirstCell) {
      attempt(step);
      await turns.turn(turnAt(cell));
    }
  };
  // A cell that only imports takes no turn: it only starts its modules' loading (and their own setup, such as the
  // training workers), which is best begun at once.
  const ready = (cell: PageCell) =>
    cell.importsOnly ? Promise.resolve() : tfReady && mayUseTf(cell) ? tfReady.then(() => turn(cell)) : turn(cell);
  const handOver = (cell: PageCell, value: unknown) =>
    tfReady && cell.importsOnly ? Promise.all([value, tfReady]).then(([modules]) => modules) : value;

  const runtime = new TaskRuntime(builtins);
  const module = runtime.module();
  const definers = new Map<string, CellView>();
  const blockerOf = (error: unknown): CellView | null => {
    const input = (error as {input?: string})?.input;
    const upstream = input ? (views.get(input) ?? definers.get(input)) : undefined;
    return upstream ? (upstream.blockedBy ?? upstream) : null;
  };

  /** Each cell's variable and its source (to tell a changed cell on hot update), by cell id. */
  const cellVariables = new Map<string, {cell: PageCell; variable: Variable; source: string}>();
  /** Each declared name's variable, and the id of the cell that defines it. */
  const nameVariables = new Map<string, {variable: Variable; cellId: string}>();
  /** Every name the page's cells declare. */
  const declared = new Set<string>();
  const sourceOf = (cell: PageCell) =>
    JSON.stringify([
      cell.inputs.filter((name) => isLocal(name, declared)),
      cell.outputs,
      cell.errors,
      String(cell.body)
    ]);

  const defineCell = (cell: PageCell) => {
    const view = views.get(cellVariableName(cell))!;
    const inputs = cell.errors.length ? [] : cell.inputs.filter((name) => !isLocal(name, declared));
    const variable = module.variable(cellObserver(cell, view, t, blockerOf));
    variable.define(
      cellVariableName(cell),
      ["invalidation", ...inputs],
      (invalidation: Promise<void>, ...values: unknown[]) => {
        // Its modules load while it waits for tf and its turn, as a cell that only imports loads them at once (a
        // failure is the body's to report, when its own import meets it).
        cell.loadImports?.().catch(() => {});
        return untilInvalidated(ready(cell), invalidation, () => {}).then(() =>
          handOver(cell, runCell(cell, view, invalidation, values, declared, t))
        );
      }
    );
    cellVariables.set(cell.id, {cell, variable, source: sourceOf(cell)});
  };
  const defineName = (name: string, cell: PageCell) => {
    const view = views.get(cellVariableName(cell))!;
    const entry = nameVariables.get(name);
    if (entry?.cellId === cell.id) return;
    const variable = entry?.variable ?? module.variable(outputObserver(view, t));
    variable.define(
      name,
      ["invalidation", cellVariableName(cell)],
      (invalidation: Promise<void>, value: Record<string, unknown>) =>
        isIterator(value[name]) && !isIdleStream(value[name])
          ? streamOf(value[name], view, invalidation, keepSets.get(value) ?? new Set())
          : value[name]
    );
    nameVariables.set(name, {variable, cellId: cell.id});
  };

  /**
   * Defines the cells of `next`: new ones are added, changed ones redefined, gone ones deleted; the rest run on.
   * Returns the definitions still to make, one step per runtime variable, in order (`runInSlices` makes them).
   */
  const apply = (next: PageCell[]): (() => void)[] => {
    const present = next.filter((cell) => document.getElementById(`cell-${cell.id}`));
    const ids = new Set(present.map((cell) => cell.id));
    turnLine = turnLines(present);
    declared.clear();
    for (const cell of present) for (const name of cell.outputs) declared.add(name);
    for (const [id, entry] of cellVariables) {
      if (ids.has(id)) continue;
      entry.variable.delete();
      cellVariables.delete(id);
      views.delete(cellVariableName(entry.cell));
    }
    for (const cell of present) {
      const name = cellVariableName(cell);
      if (views.has(name)) continue;
      const root = document.getElementById(`cell-${cell.id}`)!;
      views.set(name, new CellView(root, cell, t));
      if (cell.outputs.length) root.dataset.outputs = cell.outputs.join(" ");
    }
    const owners = firstDefiners(present);
    definers.clear();
    for (const [name, cell] of owners) definers.set(name, views.get(cellVariableName(cell))!);
    for (const [name, entry] of nameVariables) {
      if (owners.has(name)) continue;
      entry.variable.delete();
      nameVariables.delete(name);
    }
    const steps: (() => void)[] = [];
    for (const cell of definitionOrder(present)) {
      const entry = cellVariables.get(cell.id);
      if (!entry || entry.source !== sourceOf(cell))
        steps.push(() => {
          entry?.variable.delete(); // its observer knows the old definition (errors, line): a new variable replaces it
          defineCell(cell);
        });
      for (const name of cell.outputs)
        if (owners.get(name) === cell) steps.push(() => defineName(name, cellVariables.get(cell.id)!.cell));
    }
    steps.push(() =>
      live.splice(0, live.length, ...[...cellVariables.values()].map(({cell}) => ({owner: cell, probes: cell})))
    );
    return steps;
  };

  // The page's first definitions (a runtime variable per cell and per name: ~250 on the essay, half the CPU of the
  // page script's task, 16–29 ms traced) are made a few milliseconds at a time, each slice in a task of its own, in
  // an order where every cell comes after those it reads (definitionOrder): the runtime computes between slices, so
  // the first controls run while the rest of the page is being defined. (Held until all were made, they waited for
  // every slice and for what ran between them, tf's module evaluation among it: 60–170 ms.)
  const defined = runInSlices(apply(cells), {sliceMs: SLICE_MS});
  const patch = (next: PageSpec) => {
    // The runtime's builtins are fixed when it starts: a cell that newly reads one needs a fresh page.
    if (Object.keys(next.builtins ?? {}).some((name) => !(name in builtins))) return location.reload();
    for (const error of next.errors ?? []) banner.add(error.message, t.line(error.line, error.column));
    void defined.then(() => runInSlices(apply(next.cells), {sliceMs: Infinity}));
  };
  Object.assign(window, {__courant: {runtime, views, tf: tfStarted, patch, hotUpdate}});
}

/**
 * The runtime recomputes at the next animation frame; while a page loads its modules, that frame can come
 * hundreds of milliseconds after the page's script ran (and never in a background tab). Here a change of inputs
 * is computed in the next task; only a generator's next value still waits for a frame, as in Observable, so an
 * animation keeps its pace instead of spinning. `_computeSoon` is the runtime's own overridable method.
 */
class TaskRuntime extends Runtime {
  _computeSoon(this: TaskRuntime & {_computeNow(): Promise<void>; _disposed: boolean; _precomputes: unknown[]}) {
    const soon = this._precomputes.length ? new Promise(requestAnimationFrame) : nextTask();
    return soon.then(() => (this._disposed ? undefined : this._computeNow()));
  }
}

/** How long one slice of the page's first definitions may hold the main thread. */
const SLICE_MS = 4;

/** What a run's inputs hold: never disposed by this run. */
const keepSets = new WeakMap<object, Set<DisposableLike>>();

function runCell(
  cell: PageCell,
  view: CellView,
  invalidation: Promise<void>,
  values: unknown[],
  declared: ReadonlySet<string>,
  t: Messages
): unknown {
  view.countRun();
  if (!cell.body) throw new CompileFailure(cell);
  const controller = new AbortController();
  invalidation.then(() =>
    controller.abort(new DOMException("The cell's inputs changed; this run is stale.", "AbortError"))
  );
  const keep = collectDisposables(values);
  const local: Record<string, unknown> = {
    display: (value: unknown) => (view.display(value), value),
    view: (input: Element, options?: ViewOptions) => {
      const urlNote = bindToUrl(input, options); // before observeInput: the first value is the address's
      view.display(input);
      if (urlNote) view.display(urlNote);
      const typedNote = typedValueNote(input, t);
      if (typedNote) view.display(typedNote);
      return observeInput(input);
    },
    signal: controller.signal,
    invalidation
  };
  let next = 0;
  const args = cell.inputs.map((name) => (isLocal(name, declared) ? local[name] : values[next++]));
  const release = (value: unknown) => disposeValue(value, keep);
  const settle = (value: unknown) => {
    if (value && typeof value === "object") keepSets.set(value, keep);
    if (isIterator(value) && !isIdleStream(value)) return streamOf(value, view, invalidation, keep);
    invalidation.then(() => release(value));
    return value;
  };
  const started = performance.now();
  const result = cell.body(...args);
  // How long the synchronous part of the run held the main thread (tools and tests read it).
  view.root.dataset.ms = String(Math.round(performance.now() - started));
  if (result instanceof Promise) return untilInvalidated(result, invalidation, release).then(settle);
  return settle(result);
}

/** A generator value, restartable, freeing each superseded value and reporting `progress` fields. */
function streamOf(source: unknown, view: CellView, invalidation: Promise<void>, keep: Set<DisposableLike>) {
  let last: unknown;
  view.streamStarted();
  invalidation.then(() => disposeValue(last, keep));
  return restartableStream(source as Iterator<unknown>, invalidation, {
    onValue(value, previous) {
      disposeValue(previous, new Set([...keep, ...collectDisposables(value)]));
      last = value;
      const progress = (value as {progress?: unknown})?.progress;
      if (typeof progress === "number") view.setProgress(progress);
    },
    onEnd: () => view.streamEnded(),
    onLate: (value) => disposeValue(value, keep)
  });
}

class CompileFailure extends Error {
  constructor(readonly cell: CellDefinition) {
    super(cell.errors.map((e) => e.message).join("; "));
  }
}

function cellObserver(cell: PageCell, view: CellView, t: Messages, blockerOf: (error: unknown) => CellView | null) {
  return {
    // The element the runtime's `visibility()` watches for this cell.
    _node: view.root,
    pending: () => view.pending(),
    fulfilled: (value: unknown) => view.fulfilled(value, cell.expression || cell.generator),
    rejected: (error: unknown) => {
      if (cell.errors.length) {
        view.rejected(cell.errors.map((e) => `${e.message} (${t.line(e.line, e.column)})`).join("\n"), null);
        return;
      }
      const blocker = blockerOf(error);
      if (blocker && blocker !== view) {
        const input = (error as {input?: string}).input ?? "";
        const what = input.startsWith("cell ")
          ? t.cellAt(blocker.place.line)
          : `${input} (${t.cellAt(blocker.place.line)})`;
        view.rejected(t.blocked(what), blocker);
      } else {
        logCellError(t, cell.line, error);
        view.rejected(errorMessage(error), null, t.cellAt(cell.line));
      }
    }
  };
}

/** Declared names have no output of their own; errors of their streams show on their cell. */
function outputObserver(view: CellView, t: Messages) {
  return {
    pending() {},
    fulfilled() {},
    rejected(error: unknown) {
      if ((error as {input?: string})?.input) return; // the cell itself failed and says so
      logCellError(t, view.place.line, error);
      view.rejected(errorMessage(error), null, t.cellAt(view.place.line));
    }
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name && error.name !== "Error" ? error.name + ": " : ""}${error.message}`;
  return String(error);
}
