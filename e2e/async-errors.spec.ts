import {expect, test} from "@playwright/test";
import {settled, setInput, watchConsole} from "./helpers.js";

test("errors thrown after a run show on the cell that threw them, or in the page's banner", async ({page}) => {
  const errors = watchConsole(page);
  await page.goto("async-errors.html");
  await expect(page.locator("#fine")).toHaveText("42");
  const cells = page.locator(".courant-cell");

  const timer = cells.filter({hasText: "late boom from a timer"});
  await expect(timer).toHaveAttribute("data-state", "error");
  await expect(timer).toContainText("the cell at line 6, after its run");
  await expect(cells.filter({hasText: "late rejection from an async helper"})).toHaveAttribute("data-state", "error");

  const banner = page.locator("[data-page-error]");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("This page has errors");
  await expect(banner.locator("[data-page-error-item]")).toHaveText([/a rejected string, with no stack/]);

  await page.locator("#throw").click();
  await expect(cells.filter({hasText: "boom from a click handler"})).toHaveAttribute("data-state", "error");
  // The three that threw, and no other cell.
  await expect(page.locator(".courant-cell[data-state=error]")).toHaveCount(3);
  await expect(page.locator("#fine .courant-cell")).toHaveAttribute("data-state", "done");

  // Each one is on the console too, with its stack.
  expect(errors.find((e) => e.includes("late boom from a timer"))).toMatch(
    /Courant: the cell at line 6:[\s\S]*\n\s+at /
  );
  expect(errors.filter((e) => e.includes("a rejected string, with no stack"))).toHaveLength(1);

  await banner.locator("[data-page-error-dismiss]").click();
  await expect(banner).toBeHidden();
});

test("a stale run's aborted leftovers are not reported as errors", async ({page}) => {
  const errors = watchConsole(page);
  await page.goto("async-errors.html");
  await expect(page.locator("#kk")).toHaveText("10");
  await setInput(page, "input[type=range]", 3);
  await expect(page.locator("#kk")).toHaveText("30");
  await page.waitForFunction(() => (window as any).__staleEnded >= 1);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50))); // let the rejection's event fire
  await settled(page);
  expect(errors.filter((e) => /abort/i.test(e))).toEqual([]);
  await expect(page.locator("[data-page-error-item]")).toHaveText([/a rejected string/]);
  // Only the two cells that threw on purpose are in error; the stale run's cell is not.
  await expect(page.locator(".courant-cell[data-state=error]")).toHaveCount(2);
});

test("every runtime error of a cell is logged on the console with its stack", async ({page}) => {
  const errors = watchConsole(page);
  await page.goto("errors.html");
  await expect(page.locator("#fine")).toHaveText("42");
  await expect
    .poll(() => errors.find((e) => e.includes("boom from bad")))
    .toMatch(/Courant: the cell at line 4:[\s\S]*\n\s+at /);
  await expect
    .poll(() => errors.find((e) => e.includes('Cannot find module "./no-such-module.ts"')))
    .toMatch(/Courant: the cell at line 34:/);
  // Blocked cells and compile errors are not runtime errors of their own: one entry per cell that threw.
  expect(errors.filter((e) => e.startsWith("Courant:"))).toHaveLength(2);
});

test("broken front matter is reported at the top of the page, whose cells still run", async ({page}) => {
  await page.goto("bad-front-matter.html");
  await expect(page.locator("#still")).toHaveText("the cells still run");
  const banner = page.locator("[data-page-error]");
  await expect(banner.locator("[data-page-error-item]")).toHaveText([
    /lang: the string starting with " is not closed.* — line 3:7/
  ]);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a page that is not UTF-8 shows where its first bad byte is, not mojibake", async ({page}) => {
  await page.goto("latin1.html");
  const banner = page.locator("[data-page-error]");
  await expect(banner.locator("[data-page-error-item]")).toHaveText([/not valid UTF-8: byte 0xE9 .* — line 1:6/]);
  await expect(page.locator("main")).not.toContainText("Caf\uFFFD");
});
