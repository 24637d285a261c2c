import {spawn, type ChildProcess} from "node:child_process";
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {expect, test, type Page} from "@playwright/test";
import {setInput, watchConsole} from "./helpers.js";

/**
 * `courant dev` on a folder of this test's own, edited as an author edits: the page is patched in place, only the
 * cells that changed (or whose imports changed) run again, and nothing reloads.
 */
const PAGE = `# Hot

First paragraph.

\`\`\`ts
const count = (name: string) => ((window as any).__runs ??= {})[name] = ((window as any).__runs[name] ?? 0) + 1;
\`\`\`

\`\`\`ts
const n = view(Inputs.range([1, 10], {step: 1, value: 3, label: "n"}));
\`\`\`

\`\`\`ts
const doubled = (count("doubled"), n * 2);
\`\`\`

\`\`\`ts
import {answer} from "./lib.ts";
const fromLib = (count("fromLib"), answer);
\`\`\`

\`\`\`ts
const ticks = (async function* () {
  count("ticks");
  for (let i = 0; ; ++i) {
    yield i;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
})();
\`\`\`

Doubled: <span id="doubled">\${doubled}</span>, from the module: <span id="lib">\${fromLib}</span>,
ticks: <span id="ticks">\${ticks}</span>.
`;

test.describe("hot update in courant dev", () => {
  let dir: string;
  let server: ChildProcess;
  let base: string;
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));

  test.beforeEach(async ({}, testInfo) => {
    testInfo.skip(testInfo.project.name !== "dev", "a dev-server feature");
    dir = mkdtempSync(join(tmpdir(), "courant-hot-"));
    mkdirSync(dir, {recursive: true});
    writeFileSync(join(dir, "index.md"), PAGE);
    writeFileSync(join(dir, "lib.ts"), "export const answer = 42;\n");
    const cli = resolve(import.meta.dirname, "../build/courant.js");
    server = spawn(process.execPath, [cli, "dev", dir, "--port", "0"], {stdio: ["ignore", "pipe", "pipe"]});
    base = await new Promise<string>((done, fail) => {
      let out = "";
      server.stdout!.on("data", (chunk) => {
        out += chunk;
        const match = /at (http:\/\/[\d.]+:\d+\/)/.exec(out);
        if (match) done(match[1]);
      });
      server.once("exit", (code) => fail(new Error(`courant dev exited with ${code}`)));
    });
  });
  test.afterEach(() => {
    server?.kill();
    if (dir) rmSync(dir, {recursive: true, force: true});
  });

  const runs = (page: Page) => page.evaluate(() => ({...(window as any).__runs}) as Record<string, number>);
  const ticks = async (page: Page) => Number(await page.locator("#ticks").textContent());
  /** Set on the window: a reload would lose it. */
  const markWindow = (page: Page) => page.evaluate(() => ((window as any).__marker = "still here"));
  const sameWindow = (page: Page) => page.evaluate(() => (window as any).__marker);

  async function open(page: Page) {
    await page.goto(base);
    await expect(page.locator("#lib")).toHaveText("42");
    await setInput(page, "input[type=range]", 7);
    await expect(page.locator("#doubled")).toHaveText("14");
    await expect.poll(() => ticks(page)).toBeGreaterThan(2);
    await markWindow(page);
    return runs(page);
  }

  test("editing prose patches the page and runs no cell", async ({page}) => {
    const errors = watchConsole(page);
    const before = await open(page);
    edit("index.md", (text) => text.replace("First paragraph.", "An edited <em id=edited>paragraph</em>."));
    await expect(page.locator("#edited")).toHaveText("paragraph");
    const ticksThen = await ticks(page);
    await expect.poll(() => ticks(page)).toBeGreaterThan(ticksThen + 2); // the stream kept running
    expect(await runs(page)).toEqual(before);
    expect(await page.locator("input[type=range]").inputValue()).toBe("7");
    expect(await sameWindow(page)).toBe("still here");
    expect(errors).toEqual([]);
  });

  test("editing a cell runs it and its dependents only; a stream elsewhere keeps running", async ({page}) => {
    const before = await open(page);
    edit("index.md", (text) => text.replace("n * 2);", "n * 3);"));
    await expect(page.locator("#doubled")).toHaveText("21");
    const after = await runs(page);
    expect(after).toEqual({...before, doubled: before.doubled + 1});
    expect(await page.locator("input[type=range]").inputValue()).toBe("7");
    const ticksThen = await ticks(page);
    await expect.poll(() => ticks(page)).toBeGreaterThan(ticksThen + 2);
    expect(await sameWindow(page)).toBe("still here");
  });

  test("a changed module re-runs the cells that import it; a broken one shows its error and recovers", async ({
    page
  }) => {
    const before = await open(page);
    edit("lib.ts", () => "export const answer = 43;\n");
    await expect(page.locator("#lib")).toHaveText("43");
    expect(await runs(page)).toEqual({...before, fromLib: before.fromLib + 1});

    edit("lib.ts", () => "export const answer = ;\n");
    await expect(page.locator("[data-build-error]")).toContainText("lib.ts");
    await expect(page.locator("#lib")).toHaveText("43"); // the last good build keeps running
    edit("lib.ts", () => "export const answer = 44;\n");
    await expect(page.locator("#lib")).toHaveText("44");
    await expect(page.locator("[data-build-error]")).toHaveCount(0);
    expect(await sameWindow(page)).toBe("still here");
  });

  test("a type error shows as a warning beside its cell, which still runs", async ({page}) => {
    await open(page);
    edit("index.md", (text) => text + "\n```ts\nconst typed: string = n;\n```\n\n<span id=typed>${typed}</span>\n");
    await expect(page.locator("#typed")).toHaveText("7");
    const cell = page.locator("[data-type-warning]");
    await expect(cell).toHaveAttribute("data-type-warning", /not assignable to type 'string'/);
    await expect(cell).toHaveAttribute("data-state", "done");
    await expect(page.locator(".courant-type-warning")).toContainText("not assignable to type 'string'");
  });
});
