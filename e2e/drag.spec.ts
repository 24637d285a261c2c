import {expect, test, type Page} from "@playwright/test";
import {DRAG_VALUES} from "../build/bench/reader.js";
import {numTensors, siteURL, watchConsole} from "./helpers.js";

const HIDDEN = 'form:has-text("Taille de l\'état caché") input[type=range]';
const finished = (page: Page) =>
  expect(page.locator(".courant-training-status")).toContainText("Entraînement terminé", {timeout: 120_000});

/** The page's tensor count once it stops changing (two equal readings a second apart). */
async function steadyTensors(page: Page): Promise<number> {
  let previous = -1;
  for (;;) {
    const count = await numTensors(page);
    if (count === previous) return count;
    previous = count;
    await page.waitForTimeout(1000);
  }
}

test("a drag of the hidden size through 30 values leaves outputs of the last value, no error, no new worker, no tensor", async ({
  page
}, testInfo) => {
  test.setTimeout(240_000);
  const errors = watchConsole(page);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=3"));
  await finished(page);
  const baseline = await steadyTensors(page);
  const workersAtLoad = workers.length;
  expect(workersAtLoad).toBeGreaterThanOrEqual(2);

  // A reader's drag: 30 values, 100 ms apart, timed by the page.
  await page.locator(HIDDEN).evaluate(async (input: HTMLInputElement, values: number[]) => {
    for (const value of values) {
      input.value = String(value);
      input.dispatchEvent(new Event("input", {bubbles: true}));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, DRAG_VALUES);
  const last = DRAG_VALUES.at(-1)!;
  expect(last).toBe(144);

  // Every output that depends on the hidden size shows the last value: 144·(100 + 144 + 1) = 35 280 SimpleRNN weights.
  const main = page.locator("main");
  await expect(main).toContainText(/simple_rnn \(SimpleRNN\)\(None, 144\)35\s280/);
  await expect(main).toContainText(/Total params : 135\s425/);
  await expect(main).toContainText(`état caché de ${last}`);
  await expect(main).not.toContainText(/\(None, (136|152|160|168|176|184|192|200|208|216|224|232|240|248|256)\)/);
  await finished(page);
  await expect(page.locator("figure", {hasText: "longueur"}).first()).toBeAttached();
  await expect(page.locator(".courant-cell[data-state=error], .courant-cell[data-state=blocked]")).toHaveCount(0);

  const stats = await page.evaluate(() => (globalThis as any).__courantWorkers);
  expect(workers.length, `workers created during the drag (${JSON.stringify(stats.replaced)} replaced)`).toBe(
    workersAtLoad
  );
  expect(await steadyTensors(page)).toBe(baseline);
  expect(errors).toEqual([]);
});
