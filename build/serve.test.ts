import {spawn, type ChildProcess} from "node:child_process";
import {chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from "node:fs";
import type {Server} from "node:http";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {resolveFile, serve} from "./serve.js";

/** A served folder with a page, a sub-folder, and symlinks that lead inside and outside it. */
function servedFolder() {
  const outside = mkdtempSync(join(tmpdir(), "courant-outside-"));
  writeFileSync(join(outside, "secret.txt"), "secret");
  const root = mkdtempSync(join(tmpdir(), "courant-serve-"));
  mkdirSync(join(root, "sub"));
  writeFileSync(join(root, "index.html"), "home");
  writeFileSync(join(root, "page.html"), "page");
  writeFileSync(join(root, "sub", "index.html"), "sub");
  writeFileSync(join(root, "..", "secret-courant.txt"), "secret");
  symlinkSync(join(outside, "secret.txt"), join(root, "passwd"));
  symlinkSync(outside, join(root, "etc"));
  symlinkSync(join(root, "page.html"), join(root, "alias.html"));
  symlinkSync("/dev/zero", join(root, "zero"));
  return root;
}

describe("the static server's path resolution", () => {
  const root = servedFolder();
  const served = (url: string) => resolveFile(root, url)?.file ?? null;

  it("serves files under the root, with clean URLs", () => {
    expect(served("/")).toBe(join(root, "index.html"));
    expect(served("/page")).toBe(join(root, "page.html"));
    expect(served("/page.html?x=1")).toBe(join(root, "page.html"));
    expect(served("/sub/")).toBe(join(root, "sub", "index.html"));
    expect(served("/alias.html")).toBe(join(root, "page.html"));
  });

  it("refuses anything outside the root, encoded or not, symlinks included", () => {
    const urls = ["/../secret-courant.txt", "/%2e%2e/secret-courant.txt", "/sub/..%2f..%2fsecret-courant.txt", "/%00"];
    for (const url of [...urls, "/nope.html", "/%E0%A4%A", "/passwd", "/etc/secret.txt", "/zero"]) {
      expect(served(url), url).toBeNull();
    }
  });
});

describe("the static server", () => {
  const root = servedFolder();
  const logged: string[] = [];
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = await serve({root, port: 0, host: "127.0.0.1", log: (line) => logged.push(line)});
    base = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
  });
  afterAll(() => server.close());

  it("answers GET and HEAD, with validators", async () => {
    const page = await fetch(`${base}/page`);
    expect([page.status, await page.text()]).toEqual([200, "page"]);
    const etag = page.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    expect((await fetch(`${base}/page`, {headers: {"if-none-match": etag}})).status).toBe(304);
    const head = await fetch(`${base}/page`, {method: "HEAD"});
    expect([head.status, head.headers.get("content-length")]).toEqual([200, "4"]);
  });

  it("sends a folder named without its slash to the slashed URL", async () => {
    const response = await fetch(`${base}/sub?x=1`, {redirect: "manual"});
    expect([response.status, response.headers.get("location")]).toEqual([301, "/sub/?x=1"]);
    expect((await fetch(`${base}/nothing`, {redirect: "manual"})).status).toBe(404);
    expect((await fetch(`${base}//example.com`, {redirect: "manual"})).status).toBe(404);
  });

  it("answers 405 to any other method, and keeps serving", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const response = await fetch(`${base}/page`, {method, body: method === "DELETE" ? undefined : "x"});
      expect([method, response.status, response.headers.get("allow")]).toEqual([method, 405, "GET, HEAD"]);
    }
    expect((await fetch(`${base}/page`)).status).toBe(200);
  });

  it("answers 404 for symlinks that lead outside the root", async () => {
    for (const path of ["/passwd", "/etc/secret.txt", "/zero"])
      expect((await fetch(base + path)).status, path).toBe(404);
  });
});

/**
 * An unreadable file, served by a real `courant preview` process. Root reads any file, so as root the server
 * runs as `nobody`, for whom a mode-000 file is unreadable.
 */
describe("a request for an unreadable file", () => {
  let child: ChildProcess;
  let base: string;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), "courant-unreadable-"));
    chmodSync(root, 0o755);
    writeFileSync(join(root, "index.html"), "home");
    writeFileSync(join(root, "locked.html"), "locked");
    chmodSync(join(root, "index.html"), 0o644);
    chmodSync(join(root, "locked.html"), 0o000);
    const asNobody = process.getuid?.() === 0 ? {uid: 65534, gid: 65534} : {};
    const cli = resolve(import.meta.dirname, "courant.js");
    child = spawn(process.execPath, [cli, "preview", root, "--port", "0"], {
      ...asNobody,
      stdio: ["ignore", "pipe", "pipe"]
    });
    base = await new Promise<string>((done, fail) => {
      let out = "";
      child.stdout!.on("data", (chunk) => {
        out += chunk;
        const match = /(http:\/\/[\d.]+:\d+)\//.exec(out);
        if (match) done(match[1]);
      });
      child.once("exit", (code) => fail(new Error(`preview exited with ${code}`)));
    });
  });
  afterAll(() => child.kill());

  it("gets an error status, and the next request is served", async () => {
    const locked = await fetch(`${base}/locked.html`);
    expect(locked.status).toBe(403);
    const next = await fetch(`${base}/`);
    expect([next.status, await next.text()]).toEqual([200, "home"]);
    expect(child.exitCode).toBeNull();
  });
});
