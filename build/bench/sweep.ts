import type {Browser} from "@playwright/test";
import {serve} from "../serve.js";

/** The essay's sweep of 8 hidden sizes × 3 seeds, 10 epochs, through its own controls on a built site. */
export interface SweepFigures {
  runs: number;
  seconds: number;
  workers: number;
  fromCache: number;
  status: string;
}

export const SWEEP_HIDDEN_SIZES = [16, 32, 48, 64, 96, 128, 192, 256];
const SEEDS = 3;
const EPOCHS = 10;

/**
 * Opens the built essay in a fresh context (empty cache) at hidden size 8 — a size the sweep does not visit, so none
 * of its runs is the page's own training or its replicates — waits for those, then sweeps the hidden sizes with
 * « Lancer le balayage » and reads the time the sweep reports (from the click to its last run).
 */
export async function measureSweep(browser: Browser, siteDir: string): Promise<SweepFigures> {
  const server = await serve({root: siteDir, port: 0, host: "127.0.0.1"});
  const context = await browser.newContext({viewport: {width: 1100, height: 900}});
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  try {
    const port = (server.address() as {port: number}).port;
    await page.goto(`http://127.0.0.1:${port}/rnn-basics.html?hidden=8&epochs=${EPOCHS}&seeds=${SEEDS}`);
    await page.locator(".courant-replicates[data-runs='3']").waitFor();
    await page.getByLabel("Paramètre balayé").selectOption({label: "état caché"});
    await page.getByLabel("Valeurs", {exact: true}).fill(SWEEP_HIDDEN_SIZES.join(", "));
    await page.getByRole("button", {name: "Lancer le balayage"}).click();
    const progress = page.locator(".courant-sweep-progress[data-status='done']");
    await progress.waitFor();
    const data = await progress.evaluate((element) => ({...(element as HTMLElement).dataset}));
    const text = await progress.innerText();
    return {
      runs: Number(data.total),
      seconds: Number(data.elapsedMs) / 1000,
      workers: Number(data.workers),
      fromCache: Number(/(\d+) depuis le cache/.exec(text)?.[1] ?? 0),
      status: String(data.status)
    };
  } finally {
    await context.close();
    server.close();
  }
}

export function sweepLine(s: SweepFigures): string {
  const cached = s.fromCache ? ` (${s.fromCache} from the cache)` : "";
  const what = `${SWEEP_HIDDEN_SIZES.length} hidden sizes × ${SEEDS} seeds, ${EPOCHS} epochs`;
  return `sweep: ${s.runs} runs (${what}) in ${s.seconds.toFixed(1)} s on ${s.workers} workers${cached}`;
}
