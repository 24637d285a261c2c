import {expect, test, type Page} from "@playwright/test";
import {settled, watchConsole} from "./helpers.js";

/** The scripts a page downloads, by path, once it has settled. */
async function scriptsOf(page: Page, path: string, ready: () => Promise<void>): Promise<Set<string>> {
  const scripts = new Set<string>();
  const listener = (request: {url(): string}) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith(".js")) scripts.add(url.pathname);
  };
  page.on("request", listener);
  await page.goto(path);
  await ready();
  page.off("request", listener);
  return scripts;
}

test("Observable's library: d3, tex, dot, mermaid, md, html, svg, htl render", async ({page}) => {
  const errors = watchConsole(page);
  await page.goto("stdlib-d3.html");
  await expect(page.locator("#d3")).toHaveText("3.14");

  await page.goto("stdlib-tex.html");
  await expect(page.locator("#inline math")).toHaveCount(1);
  await expect(page.locator("#inline math msup")).toHaveCount(1);
  await expect(page.locator(".courant-cell math[display=block] mfrac")).toHaveCount(1);
  await expect(page.locator(".courant-cell math[display=block] msqrt")).toContainText("2");

  await page.goto("stdlib-dot.html");
  await expect(page.locator(".courant-cell svg .node")).toHaveCount(2);
  await expect(page.locator(".courant-cell svg")).toContainText("world");

  await page.goto("stdlib-mermaid.html");
  await expect(page.locator(".courant-cell svg")).toContainText("Start");
  await expect(page.locator(".courant-cell svg")).toContainText("End");

  await page.goto("stdlib-markup.html");
  await expect(page.locator(".courant-cell h2")).toHaveText("Bonjour lecteur");
  await expect(page.locator(".courant-cell h2 em")).toHaveText("lecteur");
  await expect(page.locator("#html")).toHaveText("LECTEUR");
  await expect(page.locator("#svg circle")).toHaveAttribute("r", "5");
  await expect(page.locator("#fenced-html")).toHaveText("fenced lecteur");
  await expect(page.locator("#htl")).toHaveText("htl");
  await settled(page);
  expect(errors).toEqual([]);
});

test("a cell's own declaration wins over a builtin", async ({page}) => {
  await page.goto("stdlib-shadow.html");
  await expect(page.locator("#shadow")).toHaveText("mine");
  await expect(page.locator("#shadow-display")).toHaveText("shown: 42");
});

test("Generators, Mutable, now, width, dark, visibility and resize follow Observable", async ({page}) => {
  await page.goto("stdlib-generators.html");
  await expect(page.locator("#typed")).toHaveText("6");
  await page.locator("#box").fill("5");
  await expect(page.locator("#typed")).toHaveText("10");
  await expect(page.locator("#clicks")).toHaveText("0");
  await page.locator("#click").click();
  await page.locator("#click").click();
  await expect(page.locator("#clicks")).toHaveText("2");
  await expect(page.locator("#ticks")).toHaveText("ticking");
  await expect(page.locator("#queued")).toHaveText("c");
  for (const [id, text] of [
    ["now", "now ok"],
    ["width", "width ok"],
    ["dark", "dark ok"],
    ["visible", "visible"]
  ]) {
    await expect(page.locator(`#${id}`)).toHaveText(text);
  }
  await expect(page.locator("#resized")).toHaveText("resized");
});

test("visibility() resolves once its cell scrolls into view", async ({page}) => {
  await page.goto("stdlib-visibility.html");
  await expect(page.locator("#ready")).toHaveText("ready");
  // The inline cell that shows it waits: the block cell's visibility() has not resolved below the fold.
  await expect(page.locator("#late .courant-cell")).toHaveAttribute("data-state", "running");
  await page.locator("#late").scrollIntoViewIfNeeded();
  await expect(page.locator("#late")).toHaveText("seen");
});

test("FileAttachment reads files next to the page, and says which one is missing", async ({page}) => {
  await page.goto("stdlib-files.html");
  await expect(page.locator("#csv")).toHaveText("alpha=1 beta=2.5");
  await expect(page.locator("#json")).toHaveText("bonjour 3");
  await expect(page.locator("#sizes")).toHaveText(/^\d+ \d+ 6x4$/);
  await expect(page.locator("#square")).toHaveJSProperty("naturalWidth", 6);
  const missing = page.locator(".courant-cell[data-state=error]");
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText('no file "missing.csv" next to this page');
});

test("browser globals and npm: imports compile and run; run=false blocks do not", async ({page}) => {
  await page.goto("stdlib-globals.html");
  await expect(page.locator("#total")).toHaveText("6");
  await expect(page.locator("#globals")).toHaveText("function function function function function function");
  await expect(page.locator("pre code.language-js")).toContainText('const total = "not run";');
  const failed = page.locator(".courant-cell[data-state=error]");
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(
    "the package courant-no-such-package is not installed; run npm install courant-no-such-package"
  );
});

test("a page downloads only the builtins it names", async ({page}) => {
  const plain = await scriptsOf(page, "stdlib-plain.html", async () => {
    await expect(page.locator("#answer")).toHaveText("42");
    await settled(page);
  });
  const loads = async (path: string, ready: () => Promise<void>) => {
    const scripts = await scriptsOf(page, path, ready);
    return [...scripts].filter((script) => !plain.has(script) && !/\/page-/.test(script));
  };
  const d3 = await loads("stdlib-d3.html", () => expect(page.locator("#d3")).toHaveText("3.14"));
  const tex = await loads("stdlib-tex.html", () => expect(page.locator("#inline math")).toHaveCount(1));
  const mermaid = await loads("stdlib-mermaid.html", () =>
    expect(page.locator(".courant-cell svg")).toContainText("End")
  );
  // Each library came in chunks of its own, which the plain page did not load, and the others do not share.
  for (const chunks of [d3, tex, mermaid]) expect(chunks.length).toBeGreaterThan(0);
  expect(tex.filter((script) => d3.includes(script))).toEqual([]);
  const shadow = await loads("stdlib-shadow.html", () => expect(page.locator("#shadow")).toHaveText("mine"));
  expect(shadow.filter((script) => d3.includes(script))).toEqual([]);
});

test("compile errors are worded in the page's language, at the name's position", async ({page}) => {
  await page.goto("stdlib-errors-fr.html");
  const cell = page.locator(".courant-cell[data-state=error]");
  await expect(cell).toContainText("base n'est défini par aucune cellule (ligne 7:15)");
  await expect(cell).toContainText("inconnu n'est défini par aucune cellule (ligne 7:22)");
});
