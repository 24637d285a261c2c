import {expect, test, type Page} from "@playwright/test";
import {numTensors, setInput, siteURL, watchConsole} from "./helpers.js";

const runsOf = (page: Page, output: string) =>
  page.locator(`.courant-cell[data-outputs~="${output}"]`).getAttribute("data-runs").then(Number);
const trainingStatus = (page: Page) => page.locator(".courant-training-status");

async function waitForTraining(page: Page) {
  await expect(trainingStatus(page)).toContainText("Entraînement terminé", {timeout: 120_000});
}

test.describe("the RNN essay", () => {
  test("renders every section, trains to ≥ 0.9 accuracy, without console errors", async ({page}, testInfo) => {
    const errors = watchConsole(page);
    await page.goto(siteURL(testInfo, "rnn-basics.html"));
    await expect(page.locator("h1")).toHaveText("RNN Basiques avec TensorFlow");
    for (const heading of [
      "Objectifs du notebook",
      "1. Installation et imports",
      "2. Comprendre les RNN",
      "3. Implémentation d'un RNN Simple",
      "4. Différentes Architectures RNN",
      "5. Projet Pratique : Analyse de Sentiment",
      "6. Visualisation de l'État Caché",
      "7. Comparaison : RNN vs Baseline",
      "8. Limitations des RNN et Solutions",
      "9. Conclusion et Points Clés"
    ]) {
      await expect(page.locator("h2", {hasText: heading})).toHaveCount(1);
    }
    await waitForTraining(page);
    const status = await trainingStatus(page).innerText();
    const accuracy = Number(/ accuracy ([\d.]+)/.exec(status)![1]);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);

    const main = page.locator("main");
    await expect(main).toContainText(/Total params : 129\s441/);
    await expect(main).toContainText(/Total params : 55\s170/);
    await expect(main).toContainText("Output shape : (32, 2)");
    await expect(main).toContainText("Nombre d'exemples : 640");
    await expect(main).toContainText("Distribution des labels : [320 320]");
    await expect(main).toContainText("X_train : (512, 20)");
    await expect(main).toContainText(/Test Accuracy : [01]\.\d{4}/);
    await expect(main).toContainText(/Amélioration RNN : [+−]\d+\.\d\d %/);
    await expect(page.locator("svg[aria-label='RNN replié']")).toHaveCount(1);
    await expect(page.locator("svg[aria-label='RNN déroulé sur 20 pas de temps']")).toHaveCount(1);
    // Plot charts: 2 training curves, 3 × (heatmap + norms), 2 gradient plots
    const charts = page.locator("figure:has(> figcaption)");
    await expect(charts).toHaveCount(2 + 6 + 2, {timeout: 60_000});
    for (const chart of await charts.all()) await expect(chart.locator("svg g[aria-label]").first()).toBeAttached();
    await expect(page.locator("table.courant-limitations tbody tr")).toHaveCount(4);
    await expect(page.locator(".courant-cell[data-state=error], .courant-cell[data-state=blocked]")).toHaveCount(0);
    await expect(page.locator("#courant-backend")).toHaveText(/backend: (webgl|wasm|cpu)/);
    await page.screenshot({path: testInfo.outputPath("rnn-basics.png"), fullPage: true});
    expect(errors).toEqual([]);
  });

  test("hidden size 128 → 64 re-runs the RNN but not the data or the baseline", async ({page}, testInfo) => {
    await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=6"));
    // Training under way or already done (0.6 s on the fused kernels): either way the change must re-run it.
    await expect(trainingStatus(page)).toContainText(/époque [1-6] \/ 6|terminé/, {timeout: 60_000});
    const before = {
      training: await runsOf(page, "training"),
      baseline: await runsOf(page, "baselineTraining"),
      tokenizer: await runsOf(page, "tokenizer")
    };
    await setInput(page, 'form:has-text("Taille de l\'état caché") input[type=range]', 64);
    await expect(page.locator("main")).toContainText(/simple_rnn \(SimpleRNN\)\(None, 64\)10\s560/);
    await waitForTraining(page);
    expect(await runsOf(page, "training")).toBe(before.training + 1);
    expect(await runsOf(page, "baselineTraining")).toBe(before.baseline);
    expect(await runsOf(page, "tokenizer")).toBe(before.tokenizer);
    // The cancelled run's network and optimizer are gone: a second change returns to the same tensor count.
    await expect(page.locator(".courant-cell.courant-running")).toHaveCount(0, {timeout: 120_000});
    const settled = await numTensors(page);
    await setInput(page, 'form:has-text("Taille de l\'état caché") input[type=range]', 96);
    await setInput(page, 'form:has-text("Taille de l\'état caché") input[type=range]', 64);
    await waitForTraining(page);
    await expect(page.locator(".courant-cell.courant-running")).toHaveCount(0, {timeout: 120_000});
    expect(await numTensors(page)).toBe(settled);
  });

  test("typing a phrase updates its prediction and heatmap without retraining", async ({page}, testInfo) => {
    await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=4"));
    await waitForTraining(page);
    const trainingRuns = await runsOf(page, "training");
    const prediction = page.locator(".courant-prediction");
    const before = await prediction.getAttribute("data-score");
    await page.getByLabel("Votre phrase").fill("Très déçu, service déplorable, à éviter");
    await expect(prediction).not.toHaveAttribute("data-score", before!);
    await page.getByLabel("Phrase à visualiser").fill("Catastrophique, je regrette mon achat");
    await expect(page.locator("figcaption", {hasText: "« Catastrophique, je regrette mon achat »"})).toHaveCount(1);
    await expect(
      page.locator("figure", {hasText: "« Catastrophique"}).locator("text", {hasText: "regrette"})
    ).toHaveCount(1);
    expect(await runsOf(page, "training")).toBe(trainingRuns);
  });

  test("hostile phrases get a prediction or a clear message and break nothing", async ({page}, testInfo) => {
    const errors = watchConsole(page);
    await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=2"));
    await waitForTraining(page);
    const prediction = page.locator(".courant-prediction");
    const phrases = [
      "",
      "zorglub qwerty",
      "fantastique ".repeat(900) + "x".repeat(200),
      '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">',
      "🙂 film génial 👍",
      "film\u00a0fantastique\u00a0vraiment"
    ];
    for (const phrase of phrases) {
      await page.getByLabel("Votre phrase").fill(phrase);
      await page.getByLabel("Phrase à visualiser").fill(phrase);
      await expect(prediction).toContainText("score");
      await expect(page.locator(".courant-cell[data-state=error]")).toHaveCount(0);
    }
    await page.getByLabel("Votre phrase").fill("<b>zorglub</b>");
    await expect(prediction).toContainText("Aucun mot de cette phrase n'est connu");
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await expect(page.locator("main")).toContainText(/Total params : 129\s441/);
    expect(errors).toEqual([]);
  });
});

test("the trained model and tokenizer download, and loading them back gives the same predictions", async ({
  page
}, testInfo) => {
  const errors = watchConsole(page);
  await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=2"));
  await expect(page.locator(".courant-training-status")).toContainText("Entraînement terminé", {timeout: 120_000});
  const prediction = page.locator(".courant-prediction");
  const score = await prediction.getAttribute("data-score");

  const files: string[] = [];
  const downloads: Promise<void>[] = [];
  page.on("download", (download) => {
    const path = testInfo.outputPath(download.suggestedFilename());
    files.push(path);
    downloads.push(download.saveAs(path));
  });
  await page.getByRole("button", {name: "Télécharger le modèle"}).click();
  await expect.poll(() => files.length).toBe(2);
  await page.getByRole("button", {name: "Télécharger le tokenizer"}).click();
  await expect.poll(() => files.length).toBe(3);
  await Promise.all(downloads);
  expect(files.map((f) => f.split("/").pop()).sort()).toEqual([
    "rnn_sentiment_model.json",
    "rnn_sentiment_model.weights.bin",
    "tokenizer.json"
  ]);

  await page.getByLabel("Modèle sauvegardé").setInputFiles(files.filter((f) => f.includes("rnn_sentiment_model")));
  await page.getByLabel("Tokenizer sauvegardé").setInputFiles(files.filter((f) => f.endsWith("tokenizer.json")));
  await expect(page.locator("main")).toContainText(
    /Paire chargée : sentiment_rnn, 129\s441 paramètres, séquences de 20/
  );
  await expect(prediction).toHaveAttribute("data-score", score!);
  await page.getByLabel("Votre phrase").fill("Qualité médiocre, très déçu");
  await expect(prediction).not.toHaveAttribute("data-score", score!);
  expect(errors).toEqual([]);
});
