import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative, resolve} from "node:path";
import {describe, expect, it} from "vitest";

const cli = resolve(import.meta.dirname, "courant.js");

/** `courant build …` run in `cwd`, as an author types it. */
function courant(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], {cwd, encoding: "utf8"});
  return {status: run.status, stdout: run.stdout, stderr: run.stderr};
}

/** Every file under `dir` with its content: what "left in place" means. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) visit(path);
      else files[relative(dir, path)] = readFileSync(path, "utf8");
    }
  };
  visit(dir);
  return files;
}

/** An author's project: package.json, two pages, an image and a CSV next to them, a notes file. */
function project() {
  const dir = mkdtempSync(join(tmpdir(), "courant-project-"));
  writeFileSync(join(dir, "package.json"), "{}\n");
  writeFileSync(join(dir, "notes.txt"), "my notes\n");
  mkdirSync(join(dir, "pages", "data"), {recursive: true});
  mkdirSync(join(dir, "pages", "img"));
  writeFileSync(
    join(dir, "pages", "index.md"),
    '# Home\n\n![figure](img/fig.svg)\n\n```js\nimport {two} from "./lib.js";\nconst n = two;\n```\n\n${n * 21}\n'
  );
  writeFileSync(join(dir, "pages", "img", "fig.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, "pages", "data", "points.csv"), "x,y\n1,2\n");
  writeFileSync(join(dir, "pages", "lib.js"), "export const two = 2;\n");
  return dir;
}

describe("courant build", () => {
  it("refuses output folders that hold the pages, the project or foreign files, and leaves every file in place", () => {
    const dir = project();
    mkdirSync(join(dir, "mine"));
    writeFileSync(join(dir, "mine", "keep.txt"), "keep\n");
    const before = snapshot(dir);
    for (const out of ["pages", ".", "..", "pages/site", "mine", "/"]) {
      const run = courant(dir, "build", "pages", "--out", out);
      expect(run.status, `--out ${out}: ${run.stderr}`).not.toBe(0);
      expect(run.stderr, out).toMatch(/refusing to build into/);
      expect(snapshot(dir), out).toEqual(before);
    }
  });

  it("writes the site with the files next to the pages, and replaces an earlier build", () => {
    const dir = project();
    for (let i = 0; i < 2; i++) {
      const run = courant(dir, "build", "pages", "--out", "dist");
      expect(run.status, run.stderr).toBe(0);
    }
    expect(readFileSync(join(dir, "dist", "img", "fig.svg"), "utf8")).toContain("<svg");
    expect(readFileSync(join(dir, "dist", "data", "points.csv"), "utf8")).toBe("x,y\n1,2\n");
    expect(existsSync(join(dir, "dist", "lib.js"))).toBe(false); // bundled into the page, not published as a source
    expect(readFileSync(join(dir, "dist", "index.html"), "utf8")).toContain('src="img/fig.svg"');
    expect(existsSync(join(dir, "dist", ".courant-build"))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["dist", "notes.txt", "package.json", "pages"]);
  });

  it("exits non-zero on a compile error, names its position, and leaves the previous site intact", () => {
    const dir = project();
    expect(courant(dir, "build", "pages", "--out", "dist").status).toBe(0);
    const before = snapshot(join(dir, "dist"));
    writeFileSync(join(dir, "pages", "broken.md"), "# Broken\n\n```js\nconst a = ;\n```\n");
    const run = courant(dir, "build", "pages", "--out", "dist");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(dir, "pages", "broken.md")}:4:`);
    expect(snapshot(join(dir, "dist"))).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(["dist", "notes.txt", "package.json", "pages"]);
  });
});
