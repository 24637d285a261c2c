import {expect, test} from "@playwright/test";
import {numTensors, runs, setInput, settled, siteURL, watchConsole} from "./helpers.js";

test("a slider re-runs exactly the cells that depend on it", async ({page}) => {
  const errors = watchConsole(page);
  await page.goto("reactivity.html");
  await expect(page.locator("#quadrupled")).toHaveText("8");
  await settled(page);
  const before = await runs(page);
  expect(before).toEqual({doubled: 1, quadrupled: 1, independent: 1});
  for (const value of [3, 4, 5]) {
    await setInput(page, "input[type=range]", value);
    await expect(page.locator("#quadrupled")).toHaveText(String(value * 4));
  }
  await settled(page);
  expect(await runs(page)).toEqual({doubled: 4, quadrupled: 4, independent: 1});
  expect(errors).toEqual([]);
});

test("a stale run is aborted before the new run shows anything, and the new run does not wait for the stale loop", async ({
  page
}) => {
  await page.goto("cancellation.html");
  await expect(page.locator("#computing")).toHaveText("computing with 1");
  // When the new run's output appears (page time), for the order of events below.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector("#computing")?.textContent === "computing with 7") {
        (window as any).__shownAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.querySelector("main")!, {subtree: true, childList: true, characterData: true});
  });
  await setInput(page, "input[type=range]", 7);
  await expect(page.locator("#computing")).toHaveText("computing with 7");
  const log = await page.evaluate(() => (window as any).__log as {n: number; event: string; t: number}[]);
  const shownAt = await page.evaluate(() => (window as any).__shownAt as number);
  const started = log.find((e) => e.n === 1 && e.event === "start");
  const aborted = log.find((e) => e.n === 1 && e.event === "aborted");
  const restarted = log.find((e) => e.n === 7 && e.event === "start");
  expect(aborted, JSON.stringify(log)).toBeTruthy();
  expect(restarted, JSON.stringify(log)).toBeTruthy();
  // The stale run's signal aborted before the new run started, and so before it showed its output…
  expect(log.indexOf(aborted!)).toBeLessThan(log.indexOf(restarted!));
  expect(aborted!.t).toBeLessThanOrEqual(shownAt);
  // …and its loop stopped (within a few ms, at its next check: the bench measures how fast).
  await expect
    .poll(() => page.evaluate(() => (window as any).__log.some((e: any) => e.n === 1 && e.event === "stopped")))
    .toBe(true);
  // …and the new run started while the stale loop still had most of its 10 s to go: it did not wait for it.
  expect(restarted!.t).toBeLessThan(started!.t + 10_000);
  expect(log.filter((e) => e.n === 1 && e.event === "start")).toHaveLength(1);
});

test("an async generator streams every value to dependent cells", async ({page}) => {
  await page.goto("streaming.html");
  await expect(page.locator("#tick")).toHaveText("tick 5");
  await expect(page.locator("#countdown")).toHaveText("0");
  const seen = await page.evaluate(() => (window as any).__seen as number[]);
  expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
});

test("tensors returned by runs are freed when inputs change", async ({page}) => {
  await page.goto("tensors.html");
  await expect(page.locator("#sum")).toHaveText(String(64 * 64));
  await settled(page);
  const baseline = await numTensors(page);
  for (let k = 2; k <= 21; ++k) {
    await setInput(page, "input[type=range]", k);
    await expect(page.locator("#sum")).toHaveText(String(64 * 64 * k));
  }
  await settled(page);
  expect(await numTensors(page)).toBe(baseline);
});

test("errors show on their cells and the other cells still work", async ({page}) => {
  await page.goto("errors.html");
  await expect(page.locator("#fine")).toHaveText("42");
  const cells = page.locator(".courant-cell");
  await expect(cells.filter({hasText: "boom from bad"})).toHaveAttribute("data-state", "error");
  await expect(cells.filter({hasText: "blocked by an error in bad"})).toHaveAttribute("data-state", "blocked");
  await expect(cells.filter({hasText: "circular definition: a → b → a"})).toHaveCount(2);
  await expect(cells.filter({hasText: "twice is defined more than once"})).toHaveCount(2);
  await expect(cells.filter({hasText: "circular definition"}).first()).toContainText("line 12");
  // A module that cannot be found fails the cell importing it (its imports load as one module), not its neighbours.
  await expect(cells.filter({hasText: 'Cannot find module "./no-such-module.ts"'})).toHaveAttribute(
    "data-state",
    "error"
  );
  await expect(page.locator("#padded")).toHaveText("0,1,2");
});

test("the site's index page loads without console errors and shows the backend", async ({page}, testInfo) => {
  const errors = watchConsole(page);
  await page.goto(siteURL(testInfo));
  await expect(page.locator("main a").first()).toBeVisible();
  await page.goto("tensors.html");
  await expect(page.locator("#courant-backend")).toHaveText(/backend: (webgl|wasm|cpu)$/);
  expect(errors).toEqual([]);
});

test("a page's cells run without waiting for an animation frame (a page opened in a background tab gets none)", async ({
  page
}) => {
  await page.addInitScript(() => {
    window.requestAnimationFrame = () => 0;
  });
  await page.goto("reactivity.html");
  await expect(page.locator("#quadrupled")).toHaveText("8");
});

test("an endless generator yields once per animation frame, as in Observable", async ({page}) => {
  await page.goto("pacing.html");
  await expect(page.locator("#frame")).not.toHaveText("0");
  const {values, frames} = await page.evaluate(async () => {
    const read = () => Number(document.querySelector("#frame")!.textContent);
    const first = read();
    let frames = 0;
    await new Promise<void>((resolve) => {
      const tick = () => (++frames === 30 ? resolve() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });
    return {values: read() - first, frames};
  });
  expect(values).toBeGreaterThan(0);
  expect(values).toBeLessThanOrEqual(frames + 2);
});
