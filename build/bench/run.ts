import * as esbuild from "esbuild";
import {chromium, type Page} from "@playwright/test";
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {chromiumArgs, findChromium, readerChromiumArgs} from "../../e2e/browser.js";
import {buildSite} from "../build-site.js";
import {serve} from "../serve.js";
import {measureCourant, measureGradientExperiment, measureStock, type TrainingFigures} from "./measure.js";
import {longTasksSpread, measureReaders, READER_RUNS, readerLine, readerSpread} from "./reader.js";
import {measureSweep, sweepLine} from "./sweep.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface BenchOptions {
  /** Also measure the stock model on WebGL (its orthogonal initialiser alone took 52–107 s here). */
  stockWebgl?: boolean;
}

/**
 * `npm run bench`: Courant's training path against stock tfjs layers, side by side in one run, in Node and
 * in headless Chromium; the gradient experiment; and the essay's reaction time to a hidden-size change.
 */
export async function runBench({stockWebgl = false}: BenchOptions = {}) {
  const rows: (TrainingFigures & {where: string; model: string; longestTaskMs?: number})[] = [];
  const log = (text: string) => process.stdout.write(text + "\n");
  log(
    "courant bench — seed config: 640 examples (409 train / 103 validation of the 512-row split), T=20, Embedding 1000×100, SimpleRNN 128 (dropout .3/.3), batch 32"
  );

  log("node: courant, fused kernels (fit's automatic choice)…");
  rows.push({where: "node", model: "courant", ...(await measureCourant("wasm", 10, "auto"))});
  for (const backend of ["wasm", "cpu"]) {
    log(`node ${backend}: courant, tfjs kernels…`);
    rows.push({
      where: "node",
      model: "courant",
      ...(await measureCourant(backend, backend === "cpu" ? 2 : 10, "tfjs"))
    });
  }
  log("node cpu: stock tfjs layers…");
  rows.push({where: "node", model: "stock", ...(await measureStock("cpu", 1))});
  log("node wasm: stock tfjs layers…");
  rows.push({where: "node", model: "stock", ...(await measureStock("wasm", 1))});
  const nodeGradients = await measureGradientExperiment("wasm");

  const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
  const {page, close} = await benchPage(browser);
  const browserGradients: Record<string, number | null> = {};
  log("chromium: courant, fused kernels (fit's automatic choice on the measured backend)…");
  rows.push({
    where: "chromium",
    model: "courant",
    ...(await within(
      ROW_LIMIT_MS,
      "the fused kernels' row",
      page.evaluate(() => (window as any).benchCourant("wasm", 10, "auto"))
    ))
  });
  for (const backend of ["wasm", "webgl", "cpu"]) {
    log(`chromium ${backend}: courant, tfjs kernels…`);
    const epochs = backend === "wasm" ? 10 : 2;
    rows.push({
      where: "chromium",
      model: "courant",
      ...(await within(
        ROW_LIMIT_MS,
        `the tfjs kernels' row on ${backend}`,
        page.evaluate(([b, e]) => (window as any).benchCourant(b, e, "tfjs"), [backend, epochs] as const)
      ))
    });
    browserGradients[backend] = await within(
      ROW_LIMIT_MS,
      `the gradient experiment on ${backend}`,
      page.evaluate((b) => (window as any).benchGradients(b), backend)
    );
  }
  for (const backend of ["wasm", "cpu", ...(stockWebgl ? ["webgl"] : [])]) {
    log(`chromium ${backend}: stock tfjs layers…`);
    rows.push({
      where: "chromium",
      model: "stock",
      ...(await within(
        ROW_LIMIT_MS,
        `stock tfjs layers on ${backend}`,
        page.evaluate(([b]) => (window as any).benchStock(b, 2), [backend] as const)
      ))
    });
  }
  await close();
  log("building the essay's site…");
  const siteDir = mkdtempSync(join(tmpdir(), "courant-bench-site-"));
  await buildSite({pagesDir: join(root, "pages"), outDir: siteDir});
  log("chromium: the essay's reaction to a hidden-size change, then 50 changes in a row…");
  const reaction = await essayReaction(browser, siteDir);
  log(`chromium: the essay as a reader meets it (built site, courant preview, fresh cache), ${READER_RUNS} readers…`);
  const readerBrowser = await chromium.launch({executablePath: findChromium(), args: readerChromiumArgs});
  const readers = await measureReaders(readerBrowser, siteDir);
  await readerBrowser.close();
  const reader = readers.median;
  log(`chromium with GL through SwiftShader (as the tests run it): the same readers…`);
  const glReaders = await measureReaders(browser, siteDir);
  log("chromium: the essay's sweep (8 hidden sizes × 3 seeds, 10 epochs, fresh cache)…");
  const sweep = await measureSweep(browser, siteDir);
  await browser.close();

  log("");
  log(table(rows));
  log("");
  log(
    `vanishing-gradient experiment (lengths 10/20/50/100, hidden 64, batch 32): node wasm ${fmt(nodeGradients)} s; chromium ${Object.entries(
      browserGradients
    )
      .map(([b, s]) => `${b} ${fmt(s)} s`)
      .join(", ")}`
  );
  log(
    `essay: hidden-size change → first plotted epoch: ${fmt(reaction.firstEpochSeconds)} s (backend ${reaction.backend}); longest main-thread task while the essay retrains (worker): ${reaction.longestTaskMs ? `${Math.round(reaction.longestTaskMs)} ms` : "none over 50 ms (the longtask threshold)"}`
  );
  log(
    `essay: page tensors after 50 hidden-size changes in a row: ${reaction.tensors.after} (settled baseline ${reaction.tensors.baseline})`
  );
  log(
    `longest main-thread task while training on the main thread (bench page): ${rows
      .filter((r) => r.longestTaskMs !== undefined)
      .map((r) => `${kernelsLabel(r)} ${Math.round(r.longestTaskMs!)} ms`)
      .join(", ")}`
  );
  if (!stockWebgl)
    log(
      "stock tfjs on chromium webgl not measured (its orthogonal initialiser alone took 52–107 s on this machine class); pass --stock-webgl to include it"
    );
  const best = (model: string) =>
    rows
      .filter((r) => r.where === "chromium" && r.model === model && r.tenEpochSeconds !== null)
      .sort((a, b) => a.tenEpochSeconds! - b.tenEpochSeconds!)[0];
  const ours = best("courant");
  const stock = best("stock");
  log(
    `essay, reader: ${reader.workersAtLoad} workers at load; ${reader.requests} responses at load, ${Math.round(reader.loadBytes / 1024)} KB raw; longest task ${Math.round(reader.longestLoadTaskMs)} ms at load, ${Math.round(reader.longestDragTaskMs)} ms in the drag (0: none of 50 ms or more, the Long Tasks API's threshold); longest animation frame at load ${Math.round(reader.longestLoadFrameMs)} ms (it counts the browser's own first layout of the page, which the Long Tasks API does not); page tensors ${reader.pageTensors.afterDrag} after the drag (baseline ${reader.pageTensors.baseline})${reader.abortAcks ? `; ${reader.abortAcks.count} aborts acknowledged in the drag, median ${Math.round(reader.abortAcks.medianMs)} ms, max ${Math.round(reader.abortAcks.maxMs)} ms` : ""}`
  );
  log(`essay, reader: medians of ${readers.runs.length} readers; over them: ${readerSpread(readers.runs)}`);
  log(`essay, reader: tasks of 50 ms or more, with what ran in them: ${longTasksSpread(readers.runs)}`);
  log(
    `essay, reader on Chromium with GL through SwiftShader (compositing, raster and canvas emulated on the CPU, as the tests run it): ${readerLine(glReaders.median).replace(/^reader: /, "")}; over the readers: ${readerSpread(glReaders.runs)}`
  );
  log(
    `seed-training: courant ${fmt(ours?.tenEpochSeconds)} s on ${ours ? (ours.trainer === "fused" ? "wasm (fused kernels)" : ours.backend) : "n/a"}, stock tfjs ${fmt(stock?.tenEpochSeconds)} s on ${stock?.backend}, speedup ${ours && stock ? (stock.tenEpochSeconds! / ours.tenEpochSeconds!).toFixed(1) : "n/a"}x`
  );
  log(readerLine(reader));
  log(sweepLine(sweep));
}

async function benchPage(browser: import("@playwright/test").Browser) {
  const outDir = mkdtempSync(join(tmpdir(), "courant-bench-"));
  await esbuild.build({
    entryPoints: [join(root, "build/bench/browser-entry.ts")],
    outfile: join(outDir, "bench.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    logLevel: "silent",
    external: ["fs", "path", "os", "crypto", "worker_threads", "perf_hooks"]
  });
  mkdirSync(join(outDir, "wasm"));
  const wasmDir = join(root, "node_modules/@tensorflow/tfjs-backend-wasm/dist");
  for (const file of readdirSync(wasmDir))
    if (file.endsWith(".wasm")) copyFileSync(join(wasmDir, file), join(outDir, "wasm", file));
  writeFileSync(
    join(outDir, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="bench.js"></script>`
  );
  const server = await serve({root: outDir, port: 0, host: "127.0.0.1"});
  const page = await browser.newPage();
  page.setDefaultTimeout(0);
  await page.goto(`http://127.0.0.1:${(server.address() as {port: number}).port}/`);
  await page.waitForFunction(() => document.title === "bench ready");
  return {page, close: async () => (await page.close(), server.close())};
}

/** Seconds from moving the essay's hidden-size slider to the first epoch of the new training on screen. */
async function essayReaction(browser: import("@playwright/test").Browser, outDir: string) {
  const server = await serve({root: outDir, port: 0, host: "127.0.0.1"});
  const page: Page = await browser.newPage();
  page.setDefaultTimeout(180_000);
  await page.goto(`http://127.0.0.1:${(server.address() as {port: number}).port}/rnn-basics.html`);
  await page.locator(".courant-training-status", {hasText: "Entraînement terminé"}).waitFor();
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  // The first epoch shown, whichever it is: a display that comes after the next epoch has arrived shows that one
  // (the latest value wins), so waiting for "époque 1" could wait forever. Bounded, so the bench cannot hang.
  const seconds = (await page.evaluate(`new Promise((resolve, reject) => {
    const input = [...document.querySelectorAll("form")].find((f) => f.textContent.includes("Taille de l'état caché")).querySelector("input[type=range]");
    const status = () => document.querySelector(".courant-training-status")?.textContent ?? "";
    const before = status(); // the last run's, shown (dimmed) until the new run displays
    const started = performance.now();
    setTimeout(() => reject(new Error("no epoch shown within 60 s of the change")), 60000);
    const observer = new MutationObserver(() => {
      if (status() !== before && /époque [1-9]|terminé/.test(status())) {
        observer.disconnect();
        resolve((performance.now() - started) / 1000);
      }
    });
    observer.observe(document.querySelector("main"), {subtree: true, childList: true, characterData: true});
    input.value = "64";
    input.dispatchEvent(new Event("input", {bubbles: true}));
  })`)) as number;
  const backend = (await page.locator("#courant-backend").textContent())?.replace(/^backend: /, "") ?? "?";
  const done = page.locator(".courant-training-status", {hasText: "Entraînement terminé"});
  // Settled: no cell pending or running for half a second (a stale "terminé" stays visible while a new run starts).
  const idle = () =>
    page.waitForFunction(
      `(() => {
    const busy = document.querySelector('.courant-cell[data-state="running"], .courant-cell[data-state="pending"]');
    if (busy) window.__quietSince = undefined;
    else window.__quietSince ??= performance.now();
    return !busy && performance.now() - window.__quietSince > 500;
  })()`,
      undefined,
      {polling: 100}
    );
  await done.waitFor();
  await idle();

  // Longest main-thread task while the essay retrains (training in the worker, charts and predictions on the page).
  await page.evaluate(`(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({type: "longtask"});
  })()`);
  await setHidden(page, 96);
  await page
    .locator(".courant-training-status", {hasText: "Entraînement terminé"})
    .waitFor({state: "detached"})
    .catch(() => {});
  await done.waitFor();
  await idle();
  const longestTaskMs = (await page.evaluate("window.__longest")) as number;

  // 50 hyperparameter changes in a row, then the tensor counts against the settled baseline.
  const count = `(async () => (await window.__courant.tf()).memory().numTensors)()`;
  const baseline = (await page.evaluate(count)) as number;
  for (let i = 0; i < 50; ++i) {
    await setHidden(page, i % 2 ? 96 : 104);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(500);
  await done.waitFor();
  await idle();
  const after = (await page.evaluate(count)) as number;
  await page.close();
  server.close();
  return {firstEpochSeconds: seconds, backend, longestTaskMs, tensors: {baseline, after}};
}

function setHidden(page: Page, value: number) {
  return page.evaluate(`(() => {
    const input = [...document.querySelectorAll("form")].find((f) => f.textContent.includes("Taille de l'état caché")).querySelector("input[type=range]");
    input.value = "${value}";
    input.dispatchEvent(new Event("input", {bubbles: true}));
  })()`);
}

function fmt(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined ? "n/a" : x.toFixed(digits);
}

function kernelsLabel(r: TrainingFigures & {model: string}): string {
  if (r.model === "stock") return `tfjs layers ${r.backend}`;
  return r.trainer === "fused" ? "fused wasm-simd" : `tfjs ${r.backend}`;
}

function table(rows: (TrainingFigures & {where: string; model: string; longestTaskMs?: number})[]): string {
  const header = [
    "where",
    "model",
    "kernels",
    "s/epoch",
    "s/10 epochs",
    "samples/s",
    "kernels/batch",
    "build ms (h=256 for courant)",
    "longest task ms",
    "note"
  ];
  const body = rows.map((r) => [
    r.where,
    r.model,
    kernelsLabel(r),
    fmt(r.epochSeconds, 3),
    fmt(r.tenEpochSeconds),
    fmt(r.samplesPerSecond, 0),
    r.kernelsPerBatch === null
      ? "n/a"
      : `${r.kernelsPerBatch}${r.wasmCallsPerBatch === undefined ? "" : ` tfjs + ${r.wasmCallsPerBatch} fused wasm calls`}`,
    fmt(r.buildMs, 0),
    r.longestTaskMs === undefined ? "" : fmt(r.longestTaskMs, 0),
    r.note
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/** A row measured in the page takes seconds, up to ~2 minutes (stock tfjs on webgl: its orthogonal initialiser). */
const ROW_LIMIT_MS = 5 * 60_000;

/** Fails with what the bench was measuring when a page call has not answered in `ms`, instead of hanging. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: ${what} did not finish within ${ms / 60_000} minutes`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
