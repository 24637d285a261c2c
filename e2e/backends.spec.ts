import {expect, test} from "@playwright/test";

test("the lean network trains on webgl, wasm and cpu, to the losses of the fused WebAssembly kernels", async ({
  page
}) => {
  test.setTimeout(240_000);
  const losses: Record<string, number[]> = {};
  const read = async (selector: string) => (await page.locator(selector).innerText()).split(" ").slice(1).map(Number);
  for (const backend of ["webgl", "wasm", "cpu"]) {
    await page.goto(`backends.html?backend=${backend}`);
    await expect(page.locator("#result")).toHaveText(new RegExp(`^${backend} [\\d.]+ [\\d.]+$`), {timeout: 180_000});
    await expect(page.locator("#fused")).toHaveText(/^fused [\d.]+ [\d.]+$/);
    // Software WebGL (SwiftShader) loses the measured race by far; on wasm and cpu there is no race.
    await expect(page.locator("#auto")).toHaveText("fused");
    losses[backend] = await read("#result");
    losses.fused = await read("#fused");
  }
  for (const backend of ["webgl", "wasm", "cpu"]) {
    losses[backend].forEach((loss, epoch) =>
      expect(Math.abs(loss - losses.fused[epoch]), `${backend} epoch ${epoch + 1}`).toBeLessThan(1e-3)
    );
  }
});
