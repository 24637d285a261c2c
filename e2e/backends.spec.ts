import {expect, test} from "@playwright/test";

test("the lean network trains on webgl, wasm and cpu, to the same losses", async ({page}) => {
  test.setTimeout(240_000);
  const losses: Record<string, number[]> = {};
  for (const backend of ["webgl", "wasm", "cpu"]) {
    await page.goto(`backends.html?backend=${backend}`);
    await expect(page.locator("#result")).toHaveText(new RegExp(`^${backend} [\\d.]+ [\\d.]+$`), {timeout: 180_000});
    losses[backend] = (await page.locator("#result").innerText()).split(" ").slice(1).map(Number);
  }
  for (const backend of ["webgl", "cpu"]) {
    losses[backend].forEach((loss, epoch) => expect(Math.abs(loss - losses.wasm[epoch]), `${backend} epoch ${epoch + 1}`).toBeLessThan(1e-3));
  }
});
