import type {Browser, Page} from "@playwright/test";
import {spawn, type ChildProcess} from "node:child_process";
import {createServer as createHttpServer, request as httpRequest, type Server} from "node:http";
import {createServer} from "node:net";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {gzipSync} from "node:zlib";
import {quietMachine} from "./quiet-machine.js";

/**
 * The essay as a reader meets it: the built site served by `courant preview`, a fresh browser context (empty
 * cache) in a browser window already open (the navigation waits for the machine to be quiet, see quietMachine),
 * navigation → controls usable → first plotted epoch → every cell settled; then a drag of the
 * hidden-size slider through 30 values, 100 ms apart. Counts the Web Workers created during the drag, the
 * longest main-thread task (load and drag) and the bytes transferred at load (raw, and gzip as a server would
 * compress each response).
 */
export interface ReaderFigures {
  controlsMs: number;
  firstEpochMs: number;
  settledMs: number;
  dragSettledMs: number;
  workersAtLoad: number;
  workersDuringDrag: number;
  longestLoadTaskMs: number;
  /**
   * The longest animation frame at load (long-animation-frame entries): unlike the Long Tasks API, it counts the
   * browser's own work, such as its first layout of the page.
   */
  longestLoadFrameMs: number;
  longestDragTaskMs: number;
  /** Every task of 50 ms or more (the Long Tasks API's), at load and in the drag, with what ran in it. */
  longTasks: {load: LongTask[]; drag: LongTask[]};
  requests: number;
  loadBytes: number;
  loadGzipBytes: number;
  pageTensors: {baseline: number; afterDrag: number};
  finalHidden: number;
  /** Whether the machine was quiet when the navigation started (else it waited the quiet machine's timeout). */
  quietAtNavigation: boolean;
  /** The pool's acknowledgements of aborts during the drag (null: the page exposes no pool statistics). */
  abortAcks: {count: number; medianMs: number; maxMs: number} | null;
}

/**
 * A long task and what ran in it: the cells whose runs ended in it (`line:ms`, from the cells' `data-ms`) and the
 * scripts the browser attributes to its animation frame (long-animation-frame entries: what invoked them, ms).
 */
export interface LongTask {
  startMs: number;
  durationMs: number;
  cells: string[];
  scripts: string[];
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Above the e2e servers' ports (3100–3799), so a bench and test runs can share the machine. */
const FIRST_PORT = 3900;
const QUIET_MS = 500;
/** Up to the slider's maximum and back: 30 values, 100 ms apart, ending away from the default (128). */
export const DRAG_VALUES = [
  ...Array.from({length: 16}, (_, i) => 136 + 8 * i),
  ...Array.from({length: 14}, (_, i) => 248 - 8 * i)
];
const DRAG_INTERVAL_MS = 100;

/**
 * Readers measured one after another (each with a fresh browser context and cache): the machine's noise shows. Five:
 * on two cores, whether a load has any task over 50 ms varies from one load to the next, and a median of three swung.
 */
export const READER_RUNS = 5;

/** Each figure's median over several readers (the figures of the median run for the rest). */
export function medianReader(runs: ReaderFigures[]): ReaderFigures {
  const median = (pick: (r: ReaderFigures) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const bySettled = [...runs].sort((a, b) => a.settledMs - b.settledMs);
  return {
    ...bySettled[Math.floor(runs.length / 2)],
    controlsMs: median((r) => r.controlsMs),
    firstEpochMs: median((r) => r.firstEpochMs),
    settledMs: median((r) => r.settledMs),
    dragSettledMs: median((r) => r.dragSettledMs),
    workersDuringDrag: Math.max(...runs.map((r) => r.workersDuringDrag)),
    longestLoadTaskMs: median((r) => r.longestLoadTaskMs),
    longestLoadFrameMs: median((r) => r.longestLoadFrameMs),
    longestDragTaskMs: median((r) => r.longestDragTaskMs),
    loadGzipBytes: median((r) => r.loadGzipBytes)
  };
}

/** Several readers in turn, then the medians (see medianReader) and every run's figures. */
export async function measureReaders(
  browser: Browser,
  siteDir: string,
  runs = READER_RUNS
): Promise<{median: ReaderFigures; runs: ReaderFigures[]}> {
  const all: ReaderFigures[] = [];
  for (let i = 0; i < runs; ++i) all.push(await measureReader(browser, siteDir));
  return {median: medianReader(all), runs: all};
}

/** The range of one figure over the runs, for the bench's detail line. */
export function readerSpread(runs: ReaderFigures[]): string {
  const span = (name: string, pick: (r: ReaderFigures) => number) => {
    const values = runs.map(pick);
    return `${name} ${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
  };
  return [
    span("controls", (r) => r.controlsMs),
    span("first epoch", (r) => r.firstEpochMs),
    span("settled", (r) => r.settledMs),
    span("drag settled", (r) => r.dragSettledMs),
    span("longest task", (r) => Math.max(r.longestLoadTaskMs, r.longestDragTaskMs)) + " ms",
    `navigations on a quiet machine ${runs.filter((r) => r.quietAtNavigation).length}/${runs.length}`
  ].join(", ");
}

/** The long tasks of the runs, one phrase each (for the bench's detail line). */
export function longTasksSpread(runs: ReaderFigures[]): string {
  const describe = (phase: string, task: LongTask) => {
    const what =
      [...task.cells.map((cell) => `cell at line ${cell}`), ...task.scripts].join(", ") || "no script of 10 ms or more";
    return `${phase} ${ms(task.durationMs)} ms at ${ms(task.startMs)} ms (${what})`;
  };
  const all = runs.flatMap((r, i) => [
    ...r.longTasks.load.map((task) => `reader ${i + 1}: ${describe("load", task)}`),
    ...r.longTasks.drag.map((task) => `reader ${i + 1}: ${describe("drag", task)}`)
  ]);
  return all.length ? all.join("; ") : "none";
}

export function readerLine(r: ReaderFigures): string {
  return (
    `reader: controls ${ms(r.controlsMs)} ms, first epoch ${ms(r.firstEpochMs)} ms, settled ${ms(r.settledMs)} ms, ` +
    `drag settled ${ms(r.dragSettledMs)} ms after the last change, ${r.workersDuringDrag} workers created during the drag, ` +
    `longest task ${ms(Math.max(r.longestLoadTaskMs, r.longestDragTaskMs))} ms, load ${Math.round(r.loadGzipBytes / 1024)} KB gzip`
  );
}

const ms = (x: number) => String(Math.round(x));

export async function measureReader(browser: Browser, siteDir: string): Promise<ReaderFigures> {
  const {port: previewPort, server} = await preview(siteDir);
  const proxy = await countingProxy(previewPort);
  const port = proxy.port;
  const context = await browser.newContext({viewport: {width: 1100, height: 900}});
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(180_000);
    let workers = 0;
    page.on("worker", () => void (workers += 1));
    await page.addInitScript(WATCH);
    const {quiet: quietAtNavigation} = await quietMachine();
    await page.goto(`http://127.0.0.1:${port}/rnn-basics.html`);
    await page.waitForFunction("window.__reader.marks.firstEpoch !== undefined", undefined, {polling: 100});
    const settledMs = await settle(page, 0);
    const load = proxy.take();
    // What the drag downloads is counted apart (nothing, when the workers are warm and the files cached).
    const workersAtLoad = workers;
    const marks = (await page.evaluate("window.__reader.marks")) as Record<string, number>;
    const longestLoadTaskMs = (await page.evaluate("window.__reader.longest")) as number;
    const longestLoadFrameMs = (await page.evaluate("window.__reader.longestFrame")) as number;
    const longTasksAtLoad = await longTasks(page);
    const baseline = await pageTensors(page);

    await page.evaluate(
      "window.__reader.longest = 0; window.__reader.tasks = []; window.__reader.frames = []; window.__reader.cellRuns = []"
    );
    const acksBefore = (await page.evaluate("window.__courantWorkers?.aborted.length ?? null")) as number | null;
    const lastChange = (await page.evaluate(`(async () => {
      const input = [...document.querySelectorAll("form")].find((f) => f.textContent.includes("Taille de l'état caché")).querySelector("input[type=range]");
      let last = 0;
      for (const value of ${JSON.stringify(DRAG_VALUES)}) {
        input.value = String(value);
        last = performance.now();
        input.dispatchEvent(new Event("input", {bubbles: true}));
        await new Promise((resolve) => setTimeout(resolve, ${DRAG_INTERVAL_MS}));
      }
      return last;
    })()`)) as number;
    const dragSettled = await settle(page, lastChange);
    const workersDuringDrag = workers - workersAtLoad;
    const longestDragTaskMs = (await page.evaluate("window.__reader.longest")) as number;
    const longTasksInDrag = await longTasks(page);
    const afterDrag = await pageTensors(page);
    const acks = (await page.evaluate(
      `window.__courantWorkers?.aborted.slice(${acksBefore ?? 0}).map((a) => a.ackMs) ?? null`
    )) as number[] | null;
    const finalHidden = Number(
      await page.evaluate(
        `[...document.querySelectorAll("form")].find((f) => f.textContent.includes("Taille de l'état caché")).querySelector("input[type=range]").value`
      )
    );
    return {
      controlsMs: marks.controls,
      firstEpochMs: marks.firstEpoch,
      settledMs,
      dragSettledMs: dragSettled - lastChange,
      workersAtLoad,
      workersDuringDrag,
      longestLoadTaskMs,
      longestLoadFrameMs,
      longestDragTaskMs,
      longTasks: {load: longTasksAtLoad, drag: longTasksInDrag},
      requests: load.length,
      loadBytes: sum(load.map((l) => l.raw)),
      loadGzipBytes: sum(load.map((l) => l.gzip)),
      pageTensors: {baseline, afterDrag},
      finalHidden,
      quietAtNavigation,
      abortAcks: acks && summarize(acks)
    };
  } finally {
    await context.close();
    proxy.server.close();
    server.kill();
  }
}

/**
 * Marks when the first slider is usable and the first epoch is plotted; records the longest task and frame, the long
 * tasks and long frames (with their scripts), and when each cell's run ended (its `data-ms` written).
 */
const WATCH = `(() => {
  const reader = window.__reader = {marks: {}, longest: 0, longestFrame: 0, lastMutation: 0, tasks: [], frames: [], cellRuns: []};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      reader.longest = Math.max(reader.longest, entry.duration);
      reader.tasks.push([entry.startTime, entry.duration]);
    }
  }).observe({type: "longtask", buffered: true});
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      reader.longestFrame = Math.max(reader.longestFrame, entry.duration);
      const scripts = entry.scripts.filter((s) => s.duration >= 10).map((s) => [s.startTime, s.duration, s.invoker, (s.sourceURL || "").split("/").pop()]);
      if (scripts.length) reader.frames.push(scripts);
    }
  }).observe({type: "long-animation-frame", buffered: true});
  new MutationObserver((records) => {
    for (const record of records) {
      const view = window.__courant?.views?.get("cell " + record.target.id.replace(/^cell-/, ""));
      reader.cellRuns.push([view ? String(view.place.line) : record.target.id, Number(record.target.dataset.ms), performance.now()]);
    }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-ms"]});
  const check = () => {
    reader.lastMutation = performance.now();
    if (reader.marks.controls === undefined && [...document.querySelectorAll("form")].some((f) => f.textContent.includes("Taille de l'état caché") && f.querySelector("input[type=range]:not([disabled])"))) {
      reader.marks.controls = performance.now();
    }
    if (reader.marks.firstEpoch === undefined && /époque [1-9]|terminé/.test(document.querySelector(".courant-training-status")?.textContent ?? "")) {
      reader.marks.firstEpoch = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
})()`;

/**
 * The page time from which every cell had settled — none pending or computing (a stream that waits for its next
 * value, like an input, is not busy), the training finished, and the page unchanged — and stayed so for
 * ${QUIET_MS} ms, looking only after `since`.
 */
async function settle(page: Page, since: number): Promise<number> {
  await page.evaluate(`window.__reader.quietSince = undefined`);
  return (await page
    .waitForFunction(
      `(() => {
    const reader = window.__reader;
    const views = [...(window.__courant?.views?.values() ?? [])];
    const busy = views.some((view) => view.computing || view.root.dataset.state === "pending")
      || !/terminé/.test(document.querySelector(".courant-training-status")?.textContent ?? "")
      || performance.now() < ${since};
    if (busy) reader.quietSince = undefined;
    else reader.quietSince ??= performance.now();
    const from = Math.max(reader.quietSince ?? Infinity, reader.lastMutation);
    return !busy && performance.now() - from > ${QUIET_MS} ? from : false;
  })()`,
      undefined,
      {polling: 50}
    )
    .then((handle) => handle.jsonValue())) as number;
}

/** The long tasks recorded so far, each with the cell runs that ended in it and the scripts of its frame. */
async function longTasks(page: Page): Promise<LongTask[]> {
  const {tasks, frames, cellRuns} = (await page.evaluate("window.__reader")) as {
    tasks: [number, number][];
    frames: [number, number, string, string][][];
    cellRuns: [string, number, number][];
  };
  return tasks.map(([startMs, durationMs]) => {
    const within = (at: number) => at >= startMs && at <= startMs + durationMs;
    return {
      startMs,
      durationMs,
      cells: cellRuns.filter(([, , at]) => within(at)).map(([line, runMs]) => `${line} (${Math.round(runMs)} ms)`),
      scripts: frames
        .flat()
        .filter(([at, duration]) => within(at) || within(at + duration))
        .map(
          ([, duration, invoker, file]) =>
            `${invoker}${file && !invoker.includes(file) ? ` ${file}` : ""} ${Math.round(duration)} ms`
        )
    };
  });
}

function pageTensors(page: Page): Promise<number> {
  return page.evaluate(`(async () => (await window.__courant.tf()).memory().numTensors)()`) as Promise<number>;
}

/**
 * A reverse proxy in front of the preview server that counts what the browser receives: per response, the
 * header and body bytes, and the body's size once gzipped (what a compressing server would send).
 */
async function countingProxy(
  target: number
): Promise<{port: number; server: Server; take(): {raw: number; gzip: number}[]}> {
  let responses: {headers: number; body: Buffer}[] = [];
  const server = createHttpServer((request, response) => {
    const upstream = httpRequest(
      {host: "127.0.0.1", port: target, path: request.url, method: request.method, headers: request.headers},
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const body = Buffer.concat(chunks);
          const headers = answer.rawHeaders.reduce((n, h) => n + h.length + 2, 20);
          responses.push({headers, body});
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(body);
        });
      }
    );
    upstream.on("error", () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  const port = await freePort(FIRST_PORT + 50);
  await new Promise<void>((resolvePromise) => server.listen(port, "127.0.0.1", resolvePromise));
  return {
    port,
    server,
    // Compressed when taken, not as each response passes: on a machine of two cores, gzipping a megabyte while
    // the page loads took CPU from the browser being measured (and held the proxy's own event loop).
    take() {
      const taken = responses;
      responses = [];
      return taken.map(({headers, body}) => ({
        raw: headers + body.length,
        gzip: headers + (body.length ? gzipSync(body).length : 0)
      }));
    }
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function summarize(ms: number[]): {count: number; medianMs: number; maxMs: number} {
  const sorted = [...ms].sort((a, b) => a - b);
  return {count: sorted.length, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, maxMs: sorted.at(-1) ?? 0};
}

/** `courant preview` on the first free port from FIRST_PORT. */
async function preview(siteDir: string): Promise<{port: number; server: ChildProcess}> {
  const port = await freePort(FIRST_PORT);
  const server = spawn(process.execPath, [join(root, "build/courant.js"), "preview", siteDir, "--port", String(port)], {
    stdio: ["ignore", "pipe", "inherit"]
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("previewing") && resolvePromise());
    server.once("exit", (code) => reject(new Error(`courant preview exited with ${code}`)));
  });
  return {port, server};
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; ++port) {
    const free = await new Promise<boolean>((resolvePromise) => {
      const probe = createServer()
        .once("error", () => resolvePromise(false))
        .listen(port, "127.0.0.1", () => probe.close(() => resolvePromise(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${from + 99}`);
}
