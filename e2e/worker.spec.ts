import {expect, test} from "@playwright/test";
import {setInput} from "./helpers.js";

const cases = [
  // The automatic choice: the fused kernels, in a worker that loads no tfjs.
  {name: "fused kernels", query: "", shows: "wasm (worker)", timeout: 60_000},
  // On cpu (and webgl) tfjs hands out its own arrays: what the worker transfers must be copies.
  // (tfjs's embedding gradient is slow on cpu: two epochs on each thread take a while on a busy machine)
  {name: "tfjs kernels on cpu", query: "?backend=cpu&kernels=tfjs", shows: "cpu (worker)", timeout: 150_000}
];

for (const {name, query, shows, timeout} of cases) {
  test(`training in the worker gives the main thread's history for the same seed (${name})`, async ({page}) => {
    await page.goto(`worker.html${query}`);
    await expect(page.locator("#compared")).toContainText(shows, {timeout});
    const {worker, main} = await page.evaluate(() => (window as any).__histories);
    for (const key of ["loss", "accuracy", "val_loss", "val_accuracy"]) {
      expect(worker.history[key].length).toBe(2);
      worker.history[key].forEach((value: number, i: number) =>
        expect(Math.abs(value - main.history[key][i]), key).toBeLessThanOrEqual(1e-6)
      );
    }
  });
}

test("a model built in the worker has exactly the weights this thread would draw for the seed", async ({page}) => {
  await page.goto("worker.html");
  await expect(page.locator("#created")).toHaveText(
    "embedding/embeddings true, simple_rnn/simple_rnn_cell/kernel true, simple_rnn/simple_rnn_cell/recurrent_kernel true, simple_rnn/simple_rnn_cell/bias true, dense/kernel true, dense/bias true",
    {timeout: 60_000}
  );
});

test("an input change stops the worker's run within one batch, and the same worker runs the next", async ({page}) => {
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.goto("worker.html");
  await expect(page.locator("#long-epoch")).toHaveText(/^[1-9]/, {timeout: 60_000});
  const created = workers.length;
  await setInput(page, "input[type=range]", 2);
  await expect
    .poll(() => page.evaluate(() => (window as any).__workerStats().aborted.length), {timeout: 30_000})
    .toBeGreaterThanOrEqual(1);
  const [aborted] = await page.evaluate(() => (window as any).__workerStats().aborted);
  expect(aborted.stepsAfterAbort).toBeLessThanOrEqual(1);
  // The fused kernels trained it: tfjs was never loaded in that worker, so it holds no tensor.
  expect(aborted.numTensors).toBeNull();
  // the new run starts and streams epochs, on a worker of the pool
  await expect(page.locator("#long-epoch")).toHaveText(/^[1-9]/, {timeout: 60_000});
  expect(workers.length).toBe(created);
  expect(await page.evaluate(() => (window as any).__workerStats().terminated)).toBe(0);
});
