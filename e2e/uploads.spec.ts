import {readFileSync} from "node:fs";
import {expect, test, type Page} from "@playwright/test";
import {numTensors, settled, siteURL} from "./helpers.js";

// A reader's hostile uploads in the essay's §9: each is refused on the loading cell, in French, its dependents
// say they are blocked, nothing stays running and no tensor is left behind; a good pair still loads after them.

type Upload = {name: string; mimeType: string; buffer: Buffer};
const json = (name: string, text: string): Upload => ({name, mimeType: "application/json", buffer: Buffer.from(text)});
const bin = (name: string, buffer: Buffer): Upload => ({name, mimeType: "application/octet-stream", buffer});

const loadingCell = (page: Page) => page.locator('.courant-cell[data-outputs~="loadedPair"]');
const runsOfLoading = async (page: Page) => Number(await loadingCell(page).getAttribute("data-runs"));

/** The essay's own pair, saved through its download buttons once training is done. */
async function downloadPair(page: Page, outputPath: (name: string) => string) {
  const saved = new Map<string, string>();
  const downloads: Promise<void>[] = [];
  page.on("download", (download) => {
    const path = outputPath(download.suggestedFilename());
    saved.set(download.suggestedFilename(), path);
    downloads.push(download.saveAs(path));
  });
  await page.getByRole("button", {name: "Télécharger le modèle"}).click();
  await expect.poll(() => saved.size).toBe(2);
  await page.getByRole("button", {name: "Télécharger le tokenizer"}).click();
  await expect.poll(() => saved.size).toBe(3);
  await Promise.all(downloads);
  const read = (name: string) => readFileSync(saved.get(name)!);
  return {
    modelJson: read("rnn_sentiment_model.json").toString("utf8"),
    weights: read("rnn_sentiment_model.weights.bin"),
    tokenizerJson: read("tokenizer.json").toString("utf8")
  };
}

/** Picks the files as a reader does, then waits for the loading cell's new run to settle. */
async function pick(page: Page, model: Upload[], tokenizer: Upload) {
  const runs = await runsOfLoading(page);
  await page.getByLabel("Tokenizer sauvegardé").setInputFiles(tokenizer);
  await page.getByLabel("Modèle sauvegardé").setInputFiles(model);
  await expect.poll(() => runsOfLoading(page)).toBeGreaterThan(runs);
  await settled(page);
}

test("hostile uploads are refused in French on the loading cell, block its dependents and leak nothing", async ({
  page
}, testInfo) => {
  const uncaught: string[] = [];
  page.on("pageerror", (error) => uncaught.push(error.message));
  await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=2"));
  await expect(page.locator(".courant-training-status")).toContainText("Entraînement terminé", {timeout: 120_000});
  const pair = await downloadPair(page, (name) => testInfo.outputPath(name));
  const prediction = page.locator(".courant-prediction");
  const trainedScore = await prediction.getAttribute("data-score");
  await settled(page);
  const baseline = await numTensors(page);

  const goodModel = [
    json("rnn_sentiment_model.json", pair.modelJson),
    bin("rnn_sentiment_model.weights.bin", pair.weights)
  ];
  const goodTokenizer = json("tokenizer.json", pair.tokenizerJson);
  const tokenizer = JSON.parse(pair.tokenizerJson);
  const tokenizerWith = (wordIndex: Record<string, number>) => {
    // num_words unset, so that every index reaches the model (Keras drops those ≥ num_words).
    const config = {...tokenizer.config, word_index: JSON.stringify(wordIndex), num_words: null};
    delete config.index_word;
    return json("tokenizer.json", JSON.stringify({...tokenizer, config}));
  };
  const cases: {what: string; model: Upload[]; tokenizer: Upload; message: RegExp}[] = [
    {
      what: "a model.json that is not JSON",
      model: [json("rnn_sentiment_model.json", "<html>pas un modèle</html>"), goodModel[1]],
      tokenizer: goodTokenizer,
      message: /« rnn_sentiment_model\.json » n'est pas un fichier JSON lisible/
    },
    {
      what: "8 MB of junk as model.json",
      model: [bin("rnn_sentiment_model.json", Buffer.alloc(8 << 20, "\u0001junk "))],
      tokenizer: goodTokenizer,
      message: /n'est pas un fichier JSON lisible/
    },
    {
      what: "a truncated .bin",
      model: [goodModel[0], bin("rnn_sentiment_model.weights.bin", pair.weights.subarray(0, 1000))],
      tokenizer: goodTokenizer,
      message: /font 1\s000 octets, mais « rnn_sentiment_model\.json » en annonce .* tronqué/
    },
    {
      what: "no .bin at all",
      model: [goodModel[0]],
      tokenizer: goodTokenizer,
      message: /Il manque le fichier de poids « rnn_sentiment_model\.weights\.bin »/
    },
    {
      what: "a tokenizer with a negative index",
      model: goodModel,
      tokenizer: tokenizerWith({bien: 1, mal: -2}),
      message: /Le tokenizer « tokenizer\.json » est invalide : « word_index\["mal"\] » devrait être un entier positif/
    },
    {
      what: "a vocabulary smaller than the tokenizer's indices",
      model: goodModel,
      tokenizer: tokenizerWith({bien: 1, mal: 5000}),
      message: /Le vocabulaire du modèle .* est trop petit pour le tokenizer/
    }
  ];
  for (const {what, model, tokenizer: tokenizerFile, message} of cases) {
    await test.step(what, async () => {
      await pick(page, model, tokenizerFile);
      await expect(loadingCell(page)).toHaveAttribute("data-state", "error");
      await expect(loadingCell(page).locator(".courant-error")).toHaveText(message);
      // Predictions and hidden states depend on the pair: they say what blocks them instead of guessing.
      for (const output of ["activePair", "userPrediction"]) {
        const dependent = page.locator(`.courant-cell[data-outputs~="${output}"]`);
        await expect(dependent).toHaveAttribute("data-state", "blocked");
        await expect(dependent).toContainText("bloqué par une erreur");
      }
      await expect(page.locator(".courant-cell[data-state=running], .courant-cell[data-state=pending]")).toHaveCount(0);
      expect(await numTensors(page)).toBe(baseline);
    });
  }

  await test.step("a good pair still loads, and predicts what the trained model did", async () => {
    await pick(page, goodModel, goodTokenizer);
    await expect(loadingCell(page)).toHaveAttribute("data-state", "done");
    await expect(page.locator("main")).toContainText(
      /Paire chargée : sentiment_rnn, 129\s441 paramètres, séquences de 20/
    );
    await expect(page.locator(".courant-cell[data-state=error], .courant-cell[data-state=blocked]")).toHaveCount(0);
    await expect(prediction).toHaveAttribute("data-score", trainedScore!);
  });

  await test.step("a refusal after a good pair frees that pair too", async () => {
    await pick(page, [goodModel[0]], goodTokenizer);
    await expect(loadingCell(page)).toHaveAttribute("data-state", "error");
    expect(await numTensors(page)).toBe(baseline);
  });
  expect(uncaught).toEqual([]);
});
