import {spawn, type ChildProcess} from "node:child_process";
import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";

const cli = resolve(import.meta.dirname, "courant.js");

/** Reads the dev server's event stream and keeps every event it sends. */
async function listen(url: string) {
  const events: {event: string; data: string}[] = [];
  const response = await fetch(url);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  void (async () => {
    for (;;) {
      const {value, done} = await reader.read().catch(() => ({value: undefined, done: true}));
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        if (event) events.push({event, data: [...block.matchAll(/^data: (.*)$/gm)].map((m) => m[1]).join("\n")});
      }
    }
  })();
  return {events, close: () => reader.cancel()};
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("courant dev", () => {
  const dir = mkdtempSync(join(tmpdir(), "courant-dev-project-"));
  const temp = join(dir, "tmp");
  let child: ChildProcess;
  let base: string;
  beforeAll(async () => {
    mkdirSync(join(dir, "pages"));
    mkdirSync(temp);
    writeFileSync(join(dir, "package.json"), "{}\n");
    writeFileSync(join(dir, "pages", "lib.js"), "export const answer = 42;\n");
    writeFileSync(
      join(dir, "pages", "index.md"),
      '# Home\n\n```js\nimport {answer} from "./lib.js";\n```\n\n${answer}\n'
    );
    writeFileSync(join(dir, "pages", "other.md"), "# Other\n");
    // The build folder goes into TMPDIR: here a folder of this test's own, so its removal can be checked.
    child = spawn(process.execPath, [cli, "dev", "pages", "--port", "0"], {
      cwd: dir,
      env: {...process.env, TMPDIR: temp}
    });
    base = await new Promise<string>((done, fail) => {
      let out = "";
      child.stdout!.on("data", (chunk) => {
        out += chunk;
        const match = /at (http:\/\/[\d.]+:\d+)\//.exec(out);
        if (match) done(match[1]);
      });
      child.once("exit", (code) => fail(new Error(`dev exited with ${code}`)));
    });
  });
  afterAll(() => {
    child.kill("SIGKILL");
    rmSync(dir, {recursive: true, force: true});
  });

  it("keeps serving the last good build when a build fails, and updates the page once fixed", async () => {
    const stream = await listen(`${base}/_courant/events`);
    const good = await (await fetch(`${base}/`)).text();
    writeFileSync(join(dir, "pages", "lib.js"), "export const answer = ;\n");
    const failure = await until(() => stream.events.find((e) => e.event === "build-error"), "the build error");
    expect(failure.data).toMatch(/lib\.js/);
    const during = await fetch(`${base}/`);
    expect([during.status, await during.text()]).toEqual([200, good]);
    writeFileSync(join(dir, "pages", "lib.js"), "export const answer = 43;\n");
    const update = await until(() => stream.events.find((e) => e.event === "update"), "an update");
    const {pages} = JSON.parse(update.data) as {pages: {path: string; script: string}[]};
    expect(pages.map((page) => page.path)).toEqual(["/index.html"]);
    expect((await fetch(base + pages[0].script)).status).toBe(200);
    stream.close();
  });

  it("answers a missing page with a page that reloads itself when it comes back", async () => {
    rmSync(join(dir, "pages", "other.md"));
    await until(async () => (await fetch(`${base}/other`)).status === 404, "the page to go");
    const missing = await (await fetch(`${base}/other`)).text();
    expect(missing).toContain("/_courant/events");
    writeFileSync(join(dir, "pages", "other.md"), "# Other again\n");
    await until(async () => (await fetch(`${base}/other`)).status === 200, "the page to come back");
  });

  it("serves the files next to the pages, as they change or go", async () => {
    writeFileSync(join(dir, "pages", "points.csv"), "x,y\n1,2\n");
    await until(async () => (await (await fetch(`${base}/points.csv`)).text()) === "x,y\n1,2\n", "the file");
    writeFileSync(join(dir, "pages", "points.csv"), "x,y\n3,4\n");
    await until(async () => (await (await fetch(`${base}/points.csv`)).text()) === "x,y\n3,4\n", "its new content");
    rmSync(join(dir, "pages", "points.csv"));
    await until(async () => (await fetch(`${base}/points.csv`)).status === 404, "its removal");
  });

  it("removes its build folder when stopped", async () => {
    const ours = () => readdirSync(temp).filter((entry) => entry.startsWith("courant-"));
    expect(ours().length).toBeGreaterThan(0);
    child.kill("SIGTERM");
    await until(() => child.exitCode !== null || child.signalCode !== null, "the server to stop");
    expect(ours()).toEqual([]);
  });
});
