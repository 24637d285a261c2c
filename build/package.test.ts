import {execFileSync, spawn, type ChildProcess} from "node:child_process";
import {mkdirSync, mkdtempSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {chromium} from "@playwright/test";
import {afterAll, describe, expect, it} from "vitest";
import {chromiumArgs, findChromium} from "../e2e/browser.js";

const repo = resolve(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Waits for a server command to print its address. */
function addressOf(child: ChildProcess): Promise<string> {
  return new Promise((done, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      const match = /(http:\/\/[\d.]+:\d+)\//.exec(out);
      if (match) done(match[1]);
    });
    child.once("exit", (code) => fail(new Error(`exited with ${code}: ${out}`)));
  });
}

/**
 * Courant as an author gets it: `npm pack`, installed into an empty folder that holds only a page, then
 * `npx courant init`, `build` and `preview`, and the page run in Chromium.
 */
describe("the npm package", () => {
  const dir = mkdtempSync(join(tmpdir(), "courant-package-"));
  const project = join(dir, "essay");
  const servers: ChildProcess[] = [];
  // npx runs courant as a child of its own: each server is a process group, stopped as one.
  const serve = (...args: string[]) => {
    const server = spawn("npx", ["courant", ...args], {cwd: project, detached: true});
    servers.push(server);
    return server;
  };
  const stop = (server: ChildProcess) => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already stopped
    }
  };
  afterAll(() => servers.forEach(stop));

  it("installs into another folder and builds, serves and runs its pages", async () => {
    execFileSync(npm, ["pack", repo, "--pack-destination", dir], {stdio: "ignore"});
    const tarball = readdirSync(dir).find((file) => file.endsWith(".tgz"))!;
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({name: "essay", private: true}));
    execFileSync(npm, ["install", join(dir, tarball), "--no-audit", "--no-fund"], {cwd: project, stdio: "ignore"});
    const npx = (...args: string[]) => execFileSync("npx", ["courant", ...args], {cwd: project, encoding: "utf8"});

    expect(npx("--version").trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(npx("init")).toContain(join(project, "pages", "index.md"));
    expect(npx("build")).toContain("built 1 page(s)");

    const dev = serve("dev", "--port", "0");
    const devPage = await fetch(`${await addressOf(dev)}/`);
    expect([devPage.status, await devPage.text()]).toEqual([200, expect.stringContaining("/_courant/events")]);
    stop(dev);

    const preview = serve("preview", "--port", "0");
    const address = await addressOf(preview);
    const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${address}/`);
      await page.locator("input[type=range]").first().waitFor();
      await expect.poll(() => page.locator("main").textContent(), {timeout: 30_000}).toContain("The square of 5 is 25");
      await expect.poll(() => page.locator("svg[class^=plot]").count(), {timeout: 30_000}).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 300_000);
});
