import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {resolveFile} from "./serve.js";

describe("the static server's path resolution", () => {
  const root = mkdtempSync(join(tmpdir(), "courant-serve-"));
  mkdirSync(join(root, "sub"));
  writeFileSync(join(root, "index.html"), "home");
  writeFileSync(join(root, "page.html"), "page");
  writeFileSync(join(root, "sub", "index.html"), "sub");
  writeFileSync(join(root, "..", "secret-courant.txt"), "secret");

  it("serves files under the root, with clean URLs", () => {
    expect(resolveFile(root, "/")).toBe(join(root, "index.html"));
    expect(resolveFile(root, "/page")).toBe(join(root, "page.html"));
    expect(resolveFile(root, "/page.html?x=1")).toBe(join(root, "page.html"));
    expect(resolveFile(root, "/sub/")).toBe(join(root, "sub", "index.html"));
  });

  it("refuses anything outside the root, encoded or not", () => {
    for (const url of ["/../secret-courant.txt", "/%2e%2e/secret-courant.txt", "/sub/..%2f..%2fsecret-courant.txt", "/%00", "/nope.html", "/%E0%A4%A"]) {
      expect(resolveFile(root, url), url).toBeNull();
    }
  });
});
