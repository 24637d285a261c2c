import {expect, test, type Page} from "@playwright/test";
import {runs, setInput, settled, siteURL, watchConsole} from "./helpers.js";

const values = (page: Page) =>
  page.evaluate(() => ({...((window as any).__values ?? {})}) as Record<string, unknown[]>);
const search = (page: Page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
const note = (page: Page, key: string) => page.locator(`[data-url-note="${key}"]`);

test.describe("inputs bound to the address (fixture)", () => {
  test("a link's value is the first and only value the cell runs with; the address follows the slider", async ({
    page
  }) => {
    const errors = watchConsole(page);
    await page.goto("url-state.html?n=7&other=keep");
    await expect(page.locator("#n")).toHaveText("7");
    await expect(page.locator("input[type=range]")).toHaveValue("7");
    await settled(page);
    expect((await runs(page)).n).toBe(1);
    expect((await values(page)).n).toEqual([7]);
    await expect(page.locator("[data-url-note]")).toHaveCount(0);
    // Every bound key is written at once (defaults included); foreign keys stay.
    expect(await search(page)).toEqual({n: "7", other: "keep", batch: "32", word: "hello", flag: "false"});

    await setInput(page, "input[type=range]", 9);
    await expect(page.locator("#n")).toHaveText("9");
    await expect.poll(() => search(page)).toMatchObject({n: "9", other: "keep"});
    expect(errors).toEqual([]);
  });

  const fitted = [
    {query: "n=1e9", shown: 10, reason: "clamped"},
    {query: "n=-3", shown: 1, reason: "clamped"},
    {query: "n=1.5", shown: 2, reason: "rounded"},
    {query: "n=0x10", shown: 2, reason: "not-a-number"},
    {query: "n=Infinity", shown: 2, reason: "not-a-number"}
  ];
  for (const {query, shown, reason} of fitted) {
    test(`?${query} → ${shown} with a note (${reason})`, async ({page}) => {
      await page.goto(`url-state.html?${query}`);
      await expect(page.locator("#n")).toHaveText(String(shown));
      await expect(note(page, "n")).toBeVisible();
      await expect(note(page, "n")).toHaveAttribute("data-reason", reason);
      await expect(note(page, "n")).toContainText(`?${query}`);
      await settled(page);
      expect((await values(page)).n).toEqual([shown]);
      expect((await search(page)).n).toBe(String(shown));
    });
  }

  test("the note goes once the reader moves the input", async ({page}) => {
    await page.goto("url-state.html?n=1e9");
    await expect(note(page, "n")).toBeVisible();
    await setInput(page, "input[type=range]", 4);
    await expect(page.locator("#n")).toHaveText("4");
    await expect(note(page, "n")).toHaveCount(0);
  });

  test("a number typed out of bounds is refused with a note beside the control, which goes once it is accepted", async ({
    page
  }) => {
    await page.goto("url-state.html");
    await expect(page.locator("#n")).toHaveText("2");
    const box = page.locator("form:has(input[type=range]) input[type=number]");
    const typedNote = page.locator("[data-typed-note]");
    await expect(typedNote).toBeHidden();
    await box.fill("42");
    await expect(typedNote).toBeVisible();
    await expect(typedNote).toHaveText("“42” is not accepted here (1 to 10): the value stays 2.");
    await box.fill("5");
    await expect(page.locator("#n")).toHaveText("5");
    await expect(typedNote).toBeHidden();
    expect((await values(page)).n).toEqual([2, 5]);
  });

  test("a select takes the nearest option, or its default when nothing is numeric", async ({page}) => {
    await page.goto("url-state.html?batch=20&word=0x10&flag=true");
    await expect(page.locator("#batch")).toHaveText("16");
    await expect(page.locator("select")).toHaveValue("1"); // the option at index 1: 16
    await expect(note(page, "batch")).toHaveAttribute("data-reason", "nearest-option");
    await expect(page.locator("#word")).toHaveText("0x10"); // text is taken as is
    await expect(page.locator("#flag")).toHaveText("true");
    await expect(page.locator("[data-url-note]")).toHaveCount(1);
    await settled(page);
    expect((await values(page)).batch).toEqual([16]);

    await page.goto("url-state.html?batch=abc&flag=1");
    await expect(page.locator("#batch")).toHaveText("32");
    await expect(note(page, "batch")).toHaveAttribute("data-reason", "not-an-option");
    await expect(note(page, "flag")).toHaveAttribute("data-reason", "not-a-boolean");
    await expect(page.locator("#flag")).toHaveText("false");
  });
});

test.describe("the essay's parameters in the address", () => {
  const trainingStatus = (page: Page) => page.locator(".courant-training-status");
  const finalLoss = async (page: Page) => {
    await expect(trainingStatus(page)).toContainText("Entraînement terminé", {timeout: 120_000});
    return /— loss ([\d.]+)/.exec(await trainingStatus(page).innerText())![1];
  };
  const seedBox = (page: Page) => page.locator("form:has-text('Graine (seed)') input[type=number]");

  test("?seed=-1, ?lr=-1, ?batch=7 are fitted with French notes; the copied link reproduces the run", async ({
    page,
    context
  }, testInfo) => {
    const errors = watchConsole(page);
    await page.goto(siteURL(testInfo, "rnn-basics.html?seed=-1&lr=-1&batch=7&epochs=1"));
    await expect(seedBox(page)).toHaveValue("0");
    await expect(note(page, "seed")).toHaveAttribute("data-reason", "clamped");
    await expect(note(page, "seed")).toContainText("?seed=-1 sort des bornes"); // the page is in French
    await expect(note(page, "lr")).toHaveAttribute("data-reason", "nearest-option");
    await expect(note(page, "batch")).toHaveAttribute("data-reason", "nearest-option");
    await expect(page.locator("main")).toContainText("batch_size = 8");
    const loss = await finalLoss(page);
    expect(await search(page)).toMatchObject({seed: "0", lr: "0.0001", batch: "8", epochs: "1", hidden: "128"});

    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.locator("[data-copy-link]").click();
    await expect(page.locator("[data-copy-status]")).not.toBeEmpty();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    await expect(page.locator("a[data-link]")).toHaveAttribute("href", copied);

    // The same link, loaded again: the same controls, no note, the same seeded training.
    await page.goto(copied);
    await expect(seedBox(page)).toHaveValue("0");
    await expect(page.locator("[data-url-note]")).toHaveCount(0);
    expect(await finalLoss(page)).toBe(loss);
    expect(errors).toEqual([]);
  });

  test("?seed=4294967295 runs every cell; ?hidden=1e9 is clamped to 256 with a note", async ({page}, testInfo) => {
    await page.goto(siteURL(testInfo, "rnn-basics.html?seed=4294967295&hidden=1e9&epochs=1"));
    await expect(seedBox(page)).toHaveValue("4294967295");
    await expect(page.locator('form:has-text("Taille de l\'état caché") input[type=range]')).toHaveValue("256");
    await expect(note(page, "hidden")).toHaveAttribute("data-reason", "clamped");
    await expect(note(page, "seed")).toHaveCount(0);
    await finalLoss(page);
    // §8 derives a seed per length (seed + i): the largest seed must not push them out of range.
    for (const output of ["gradientResults", "timestepNorms"]) {
      const cell = page.locator(`.courant-cell[data-outputs~=${output}]`);
      await expect(cell).toHaveAttribute("data-state", "done", {timeout: 120_000});
    }
    await expect(page.locator(".courant-cell[data-state=error], .courant-cell[data-state=blocked]")).toHaveCount(0);
  });

  test("§3's sliders and the typed phrases are in the link too, and a link brings them back", async ({
    page
  }, testInfo) => {
    await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=1&phrase=Nul%20et%20ennuyeux&sequence_length=7"));
    await expect(page.locator('form:has-text("Votre phrase") input')).toHaveValue("Nul et ennuyeux");
    await expect(page.locator('form:has-text("Longueur des séquences") input[type=range]')).toHaveValue("7");
    await page.locator('form:has-text("Phrase à visualiser") input').fill("Très bon service");
    await expect
      .poll(() => search(page))
      .toMatchObject({
        phrase: "Nul et ennuyeux",
        sequence_length: "7",
        state_phrase: "Très bon service",
        input_size: "300"
      });
    await expect(page.locator("[data-link]")).toContainText("state_phrase=Tr%C3%A8s+bon+service");
  });

  test("the lengths of §8 are refused with a French message when not decimal or too many", async ({page}, testInfo) => {
    await page.goto(siteURL(testInfo, "rnn-basics.html?epochs=1&lengths=10,0x10"));
    const cell = page.locator(".courant-cell[data-outputs~=lengths]");
    await expect(cell).toHaveAttribute("data-state", "error", {timeout: 60_000});
    await expect(cell).toContainText("« 0x10 » n'est pas un entier décimal");
    await setInput(page, "form:has-text('Longueurs de séquence') input", Array(21).fill("5").join(","));
    await expect(cell).toContainText("21 longueurs, c'est trop");
    await setInput(page, "form:has-text('Longueurs de séquence') input", "5, 8");
    await expect(cell).toHaveAttribute("data-state", "done", {timeout: 60_000});
    expect((await search(page)).lengths).toBe("5, 8");
  });
});
