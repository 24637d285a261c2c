import {expect, test, type Page} from "@playwright/test";
import {CONFIG_KEYS} from "../cells/runs/run-config.js";
import {setInput, siteURL, watchConsole} from "./helpers.js";

/** The essay's « Comparer les configurations »: result cache, run ledger, replicates, sweeps. */

const status = (page: Page) => page.locator(".courant-training-status");
const ledgerRows = (page: Page) => page.locator(".courant-run-table tbody tr[data-run-id]");
const hiddenSlider = 'form:has-text("Taille de l\'état caché") input[type=range]';
const search = (page: Page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
const configs = (page: Page) =>
  ledgerRows(page).evaluateAll((rows) => rows.map((r) => JSON.parse((r as HTMLElement).dataset.config!)));

async function trained(page: Page) {
  await expect(status(page)).toContainText("Entraînement terminé", {timeout: 120_000});
}

test.describe("comparing configurations (essay)", () => {
  test("two configurations → two ledger rows; diff-only shows just the changed column; select; restore", async ({
    page
  }, testInfo) => {
    const errors = watchConsole(page);
    await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=2"));
    await trained(page);
    await expect(ledgerRows(page)).toHaveCount(1);
    await setInput(page, hiddenSlider, 64);
    await expect(ledgerRows(page)).toHaveCount(2, {timeout: 120_000});
    expect((await configs(page)).map((c) => [c.hiddenSize, c.epochs, c.seed])).toEqual([
      [128, 2, 42],
      [64, 2, 42]
    ]);
    const ids = await ledgerRows(page).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.runId));
    expect(new Set(ids).size).toBe(2);

    const columns = () =>
      page
        .locator(".courant-run-table thead th[data-column]")
        .evaluateAll((ths) => ths.map((t) => (t as HTMLElement).dataset.column!));
    expect(await columns()).toEqual(expect.arrayContaining(["hiddenSize", "maxLength", "seed", "val_accuracy"]));
    await page.getByLabel("seulement les différences").check();
    await expect(page.locator(".courant-run-table[data-diff-only=true]")).toHaveCount(1);
    const shown = await columns();
    expect(shown.filter((c) => (CONFIG_KEYS as readonly string[]).includes(c))).toEqual(["hiddenSize"]);

    // The overlaid curves' legend names only what differs.
    await expect(page.locator(".courant-run-curves").first()).toContainText("1. état caché 128");
    await expect(page.locator(".courant-run-curves").first()).toContainText("2. état caché 64");

    // Selecting a run highlights it in the table and the curves.
    // (The table is redrawn whenever the ledger or the selection changes: click again if a redraw swallowed it.)
    await expect(async () => {
      await ledgerRows(page).nth(0).locator("td[data-column=hiddenSize]").click();
      await expect(ledgerRows(page).nth(0)).toHaveClass(/courant-selected/, {timeout: 2000});
    }).toPass();
    await expect(page.locator(`.courant-run-curves g[data-run-id="${ids[0]}"]`).first()).toHaveAttribute(
      "stroke-width",
      "4"
    );
    await expect(page.locator(`.courant-run-curves g[data-run-id="${ids[1]}"]`).first()).toHaveAttribute(
      "stroke-width",
      "2"
    );

    // « Restaurer » sets the controls and the address; the cache shows the result at once.
    await ledgerRows(page).nth(0).getByRole("button", {name: "Restaurer"}).click();
    await expect(page.locator(hiddenSlider)).toHaveValue("128");
    await expect.poll(() => search(page)).toMatchObject({hidden: "128", epochs: "2", seed: "42"});
    await expect(status(page)).toHaveAttribute("data-source", "cache");
    await expect(status(page)).toContainText("depuis le cache");
    await expect(ledgerRows(page)).toHaveCount(2);
    expect(errors).toEqual([]);
  });

  test("reload → the result comes from the cache (IndexedDB), with no training", async ({page}, testInfo) => {
    await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=3&seed=7&hidden=64"));
    await trained(page);
    await expect(status(page)).toHaveAttribute("data-source", "trained");
    const text = await status(page).innerText();
    const loss = / loss ([\d.]+)/.exec(text)![1];
    // Every state the training status shows after the reload, from its first.
    await page.addInitScript(() => {
      const seen: string[] = ((window as any).__sources = []);
      new MutationObserver(() => {
        const element = document.querySelector(".courant-training-status");
        const entry = `${element?.getAttribute("data-source")}|${element?.textContent?.slice(0, 40)}`;
        if (element && seen.at(-1) !== entry) seen.push(entry);
      }).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
    });
    await page.reload();
    await expect(status(page)).toContainText("Entraînement terminé (depuis le cache)", {timeout: 60_000});
    await expect(status(page)).toHaveAttribute("data-source", "cache");
    await expect(status(page)).toContainText(` loss ${loss}`);
    const sources: string[] = await page.evaluate(() => (window as any).__sources);
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s).toMatch(/^cache\|Entraînement terminé \(depuis le cache\)/);
    await expect(ledgerRows(page)).toHaveCount(1);
  });

  test("× 3 graines → three runs, mean ± std shown", async ({page}, testInfo) => {
    await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=2&seeds=3"));
    await trained(page);
    const replicates = page.locator(".courant-replicates");
    await expect(replicates).toHaveAttribute("data-runs", "3", {timeout: 120_000});
    await expect(ledgerRows(page)).toHaveCount(3);
    expect((await configs(page)).map((c) => c.seed).sort()).toEqual([42, 43, 44]);
    for (const metric of ["test_accuracy", "test_loss", "phrase-0", "phrase-4"]) {
      const row = replicates.locator(`tr[data-metric="${metric}"]`);
      await expect(row).toHaveAttribute("data-n", "3");
      await expect(row).toContainText(/\d\.\d{3} ± \d\.\d{3}/);
    }
    // The phrase's spread is the seeds' (sample std of the three scores shown).
    const row = replicates.locator('tr[data-metric="phrase-0"]');
    const scores = (await row.locator("td").allInnerTexts()).slice(2).map(Number);
    const mean = scores.reduce((a, b) => a + b, 0) / 3;
    const std = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / 2);
    expect(Number(await row.getAttribute("data-std"))).toBeCloseTo(std, 2);
    await expect(replicates.locator(".courant-replicate-curves")).toHaveAttribute("data-runs", "3");
    // §8's gradient experiment across the same seeds, as a band.
    await expect(page.locator(".courant-gradient-band")).toHaveAttribute("data-seeds", "3", {timeout: 60_000});
    // Grouped, the ledger shows one row for the three seeds.
    await page.getByLabel("regrouper les graines").check();
    await expect(ledgerRows(page)).toHaveCount(1);
    await expect(ledgerRows(page).locator("td[data-column=seeds]")).toHaveText("3 (42, 43, 44)");
  });

  test("a small sweep completes; clicking a point restores its configuration", async ({page}, testInfo) => {
    const errors = watchConsole(page);
    await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=1"));
    await trained(page);
    await page.getByLabel("Valeurs", {exact: true}).fill("16, 32, 48");
    await expect(page.locator(".courant-buttons", {hasText: "= 3 entraînements"})).toHaveCount(1);
    await page.getByRole("button", {name: "Lancer le balayage"}).click();
    const progress = page.locator(".courant-sweep-progress");
    await expect(progress).toHaveAttribute("data-status", "done", {timeout: 120_000});
    await expect(progress).toHaveAttribute("data-done", "3");
    await expect(progress).toContainText("3 / 3");
    const points = page.locator(".courant-sweep-charts .courant-sweep-point");
    await expect(points).toHaveCount(6); // val_accuracy and val_loss, three configurations each
    const hiddenSizes = await points.evaluateAll((cs) =>
      cs.map((c) => JSON.parse(c.getAttribute("data-config")!).hiddenSize)
    );
    expect(hiddenSizes.slice(0, 3).sort((a, b) => a - b)).toEqual([16, 32, 48]);
    await expect(page.locator(".courant-sweep-multiples")).toHaveCount(1);
    await expect(ledgerRows(page)).toHaveCount(4);

    const point = page.locator(`.courant-sweep-charts .courant-sweep-point[data-config*='"hiddenSize":32,']`).first();
    await point.dispatchEvent("click");
    await expect(page.locator(hiddenSlider)).toHaveValue("32");
    await expect.poll(() => search(page)).toMatchObject({hidden: "32"});
    await expect(status(page)).toHaveAttribute("data-source", "cache");
    expect(errors).toEqual([]);
  });
});
