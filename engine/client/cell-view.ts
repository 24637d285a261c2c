import {render} from "./display.js";
import {OUTPUT_CLASS, STATUS_CLASS} from "./cell-markup.js";
import type {Messages} from "./messages.js";

export interface CellPlace {
  line: number;
  inline: boolean;
}

/**
 * A cell's place on the page and its visible state: running (a mark in the margin, a progress bar), stale (last output
 * dimmed), error (message and line) or blocked by an upstream error. `data-state` and `data-runs` on the
 * root let tests and tools read it.
 */
export class CellView {
  readonly root: HTMLElement;
  private readonly output: HTMLElement;
  private readonly status: HTMLElement;
  private displayedThisRun = false;
  private runs = 0;
  private activeStreams = 0;
  private computing = false;
  /** The cell whose own error blocks this one (downstream cells point to the root cause). */
  blockedBy: CellView | null = null;

  constructor(
    root: HTMLElement,
    readonly place: CellPlace,
    private readonly t: Messages
  ) {
    this.root = root;
    // The page's HTML holds them (cell-markup.ts).
    this.status = root.querySelector(`:scope > .${STATUS_CLASS}`)!;
    this.output = root.querySelector(`:scope > .${OUTPUT_CLASS}`)!;
    this.setState("pending");
  }

  /** Inputs changed: the old output stays, dimmed, until the new run displays something. */
  pending() {
    this.computing = true;
    this.blockedBy = null;
    this.root.classList.add("courant-stale");
    this.updateRunning();
  }

  /** The cell's code starts running (its inputs are ready). */
  countRun() {
    this.runs += 1;
    this.root.dataset.runs = String(this.runs);
    this.displayedThisRun = false;
    this.setProgress(null);
  }

  display(value: unknown) {
    if (!this.displayedThisRun) {
      this.output.replaceChildren();
      this.clearStatus();
      this.displayedThisRun = true;
      this.root.classList.remove("courant-stale");
    }
    this.output.append(render(value, this.place.inline));
  }

  /** The run produced its value; an expression cell shows it. */
  fulfilled(value: unknown, show: boolean) {
    this.computing = false;
    if (show) {
      this.displayedThisRun = false;
      if (value !== undefined) this.display(value);
      else this.output.replaceChildren();
    } else if (!this.displayedThisRun) {
      this.output.replaceChildren();
    }
    this.clearStatus();
    this.root.classList.remove("courant-stale");
    this.updateRunning();
  }

  rejected(message: string, blockedBy: CellView | null, detail?: string) {
    this.computing = false;
    this.activeStreams = 0;
    this.blockedBy = blockedBy;
    this.root.classList.remove("courant-stale");
    this.output.replaceChildren();
    const box = document.createElement(this.place.inline ? "span" : "div");
    box.className = blockedBy ? "courant-blocked" : "courant-error";
    box.textContent = message;
    if (detail) {
      const where = document.createElement("span");
      where.className = "courant-where";
      where.textContent = ` — ${detail}`;
      box.append(where);
    }
    this.status.replaceChildren(box);
    this.root.classList.remove("courant-running");
    this.root.setAttribute("aria-busy", "false");
    this.setState(blockedBy ? "blocked" : "error");
  }

  /**
   * An error the cell's code threw after its run settled (in a timer, a handler, a promise nobody awaited): the
   * cell shows it and is in error, but its output stays, since other cells may already use its values. The next
   * run clears it.
   */
  lateError(message: string, detail: string) {
    const box = document.createElement(this.place.inline ? "span" : "div");
    box.className = "courant-error";
    box.dataset.lateError = "";
    box.textContent = message;
    const where = document.createElement("span");
    where.className = "courant-where";
    where.textContent = ` — ${detail}`;
    box.append(where);
    this.clearStatus();
    this.status.append(box);
    this.setState("error");
  }

  /** A stream (generator) of this cell started or ended: the cell shows as running while one is active. */
  streamStarted() {
    this.activeStreams += 1;
    this.updateRunning();
  }

  streamEnded() {
    this.activeStreams = Math.max(0, this.activeStreams - 1);
    if (!this.activeStreams) this.setProgress(null);
    this.updateRunning();
  }

  /** Progress in [0, 1] as a bar, or null to remove it. */
  setProgress(fraction: number | null) {
    let bar = this.status.querySelector("progress");
    if (fraction === null || !Number.isFinite(fraction)) {
      bar?.remove();
      return;
    }
    if (!bar) {
      bar = document.createElement("progress");
      bar.className = "courant-progress";
      bar.max = 1;
      this.status.prepend(bar);
    }
    bar.value = Math.min(1, Math.max(0, fraction));
  }

  private clearStatus() {
    for (const child of [...this.status.children]) if (child.tagName !== "PROGRESS") child.remove();
  }

  private updateRunning() {
    const running = this.computing || this.activeStreams > 0;
    this.root.classList.toggle("courant-running", running);
    this.root.setAttribute("aria-busy", String(running));
    this.root.title = running ? this.t.running : "";
    if ((this.root.dataset.state !== "error" && this.root.dataset.state !== "blocked") || running) {
      this.setState(running ? "running" : "done");
    }
  }

  private setState(state: "pending" | "running" | "done" | "error" | "blocked") {
    if (this.root.dataset.state !== state) this.root.dataset.state = state;
  }
}
