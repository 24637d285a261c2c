import {expect, type Page, type TestInfo} from "@playwright/test";

/** Collects console errors and uncaught page errors; tests assert it stays empty. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Moves a slider (or sets any input) the way a reader does: value, then an `input` event. */
export async function setInput(page: Page, selector: string, value: string | number) {
  await page.locator(selector).evaluate((element, v) => {
    (element as HTMLInputElement).value = String(v);
    (window as any).__changedAt = performance.now();
    element.dispatchEvent(new Event("input", {bubbles: true}));
  }, value);
}

/** Page-side counters that fixture cells keep in `window.__runs`. */
export async function runs(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({...((window as any).__runs ?? {})}));
}

/** Waits until no cell is running. */
export async function settled(page: Page) {
  await expect(page.locator(".courant-cell[data-state=running], .courant-cell[data-state=pending]")).toHaveCount(0);
}

export async function numTensors(page: Page): Promise<number> {
  return page.evaluate(
    async () => ((await (window as any).__courant.tf()) as typeof import("@tensorflow/tfjs")).memory().numTensors
  );
}

/** The site (pages/) URL of the same flavour (dev or build) as the project's fixtures. */
export function siteURL(testInfo: TestInfo, path = ""): string {
  return String(testInfo.project.metadata.siteURL) + path;
}
