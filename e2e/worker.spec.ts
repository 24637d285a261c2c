import {expect, test} from "@playwright/test";
import {setInput} from "./helpers.js";

for (const backend of ["measured", "cpu"]) {
  // On cpu (and webgl) tfjs hands out its own arrays: what the worker transfers must be copies.
  test(`training in the worker gives the main thread's history for the same seed (backend: ${backend})`, async ({page}) => {
    await page.goto(backend === "measured" ? "worker.html" : `worker.html?backend=${backend}`);
    await expect(page.locator("#compared")).toContainText("(worker)", {timeout: 60_000});
    if (backend !== "measured") await expect(page.locator("#compared")).toContainText(`${backend} (worker)`);
    const {worker, main} = await page.evaluate(() => (window as any).__histories);
    for (const key of ["loss", "accuracy", "val_loss", "val_accuracy"]) {
      expect(worker.history[key].length).toBe(2);
      worker.history[key].forEach((value: number, i: number) => expect(Math.abs(value - main.history[key][i]), key).toBeLessThanOrEqual(1e-6));
    }
  });
}

test("a model built in the worker has exactly the weights this thread would draw for the seed", async ({page}) => {
  await page.goto("worker.html");
  await expect(page.locator("#created")).toHaveText("embedding/embeddings true, simple_rnn/simple_rnn_cell/kernel true, simple_rnn/simple_rnn_cell/recurrent_kernel true, simple_rnn/simple_rnn_cell/bias true, dense/kernel true, dense/bias true", {timeout: 60_000});
});

test("an input change stops the worker's run within one batch and frees its tensors", async ({page}) => {
  await page.goto("worker.html");
  await expect(page.locator("#long-epoch")).toHaveText(/^[1-9]/, {timeout: 60_000});
  await setInput(page, "input[type=range]", 2);
  await expect.poll(() => page.evaluate(() => (window as any).__workerStats.aborted.length), {timeout: 30_000}).toBeGreaterThanOrEqual(1);
  const [aborted] = await page.evaluate(() => (window as any).__workerStats.aborted);
  expect(aborted.batchesAfterAbort).toBeLessThanOrEqual(1);
  expect(aborted.numTensors).toBe(0);
  // the new run starts and streams epochs
  await expect(page.locator("#long-epoch")).toHaveText(/^[1-9]/, {timeout: 60_000});
});
