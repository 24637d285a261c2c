/**
 * Where a build may write. The output folder is replaced as a whole, so it must hold nothing but an earlier
 * Courant build: never the pages, never a folder holding the pages or the project, never a stranger's files.
 * The site is built in a staging folder next to it and swapped in at the end, so a failed build leaves the
 * previous site untouched.
 */
import {existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, parse, resolve, sep} from "node:path";
import {homedir} from "node:os";

/** A file every Courant build writes at the top of its output: its presence makes a folder replaceable. */
export const BUILD_MARKER = ".courant-build";

export type OutputRefusal =
  | {kind: "is-pages"; outDir: string}
  | {kind: "inside-pages"; outDir: string; pagesDir: string}
  | {kind: "contains-pages"; outDir: string; pagesDir: string}
  | {kind: "contains-project"; outDir: string; projectDir: string}
  | {kind: "not-a-folder"; outDir: string}
  | {kind: "foreign-files"; outDir: string; examples: string[]};

export class OutputFolderError extends Error {
  constructor(readonly refusal: OutputRefusal) {
    super(describe(refusal));
    this.name = "OutputFolderError";
  }
}

const isWithin = (child: string, parent: string) =>
  child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/** The nearest folder above `start` holding a package.json (the project), else `start` itself. */
export function projectDirOf(start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dir === parse(dir).root) return resolve(start);
  }
}

/** Why `outDir` may not receive a build of `pagesDir`, or null when it may. */
export function refusalOf(options: {outDir: string; pagesDir: string; projectDirs?: string[]}): OutputRefusal | null {
  const outDir = resolve(options.outDir);
  const pagesDir = resolve(options.pagesDir);
  if (outDir === pagesDir) return {kind: "is-pages", outDir};
  if (isWithin(outDir, pagesDir)) return {kind: "inside-pages", outDir, pagesDir};
  if (isWithin(pagesDir, outDir)) return {kind: "contains-pages", outDir, pagesDir};
  const projects = options.projectDirs ?? [process.cwd(), projectDirOf(pagesDir), homedir()];
  for (const projectDir of projects.map((dir) => resolve(dir))) {
    if (isWithin(projectDir, outDir)) return {kind: "contains-project", outDir, projectDir};
  }
  if (!existsSync(outDir)) return null;
  if (!statSync(outDir).isDirectory()) return {kind: "not-a-folder", outDir};
  const entries = readdirSync(outDir);
  if (entries.length && !entries.includes(BUILD_MARKER))
    return {kind: "foreign-files", outDir, examples: entries.slice(0, 3)};
  return null;
}

function describe(refusal: OutputRefusal): string {
  const out = refusal.outDir;
  switch (refusal.kind) {
    case "is-pages":
      return `refusing to build into ${out}: it is the pages folder (its files would be replaced)`;
    case "inside-pages":
      return `refusing to build into ${out}: it is inside the pages folder ${refusal.pagesDir}`;
    case "contains-pages":
      return `refusing to build into ${out}: it contains the pages folder ${refusal.pagesDir}`;
    case "contains-project":
      return `refusing to build into ${out}: it contains the project folder ${refusal.projectDir}`;
    case "not-a-folder":
      return `refusing to build into ${out}: it is a file, not a folder`;
    case "foreign-files":
      return (
        `refusing to build into ${out}: it holds files that no Courant build wrote (${refusal.examples.join(", ")}…); ` +
        `choose an empty or new folder, or remove it first`
      );
  }
}

/**
 * Builds into a fresh staging folder beside `outDir` with `write`, then swaps it in. If `write` throws, the
 * staging folder is removed and `outDir` is left as it was.
 */
export async function writeStaged<T>(outDir: string, write: (stagingDir: string) => Promise<T>): Promise<T> {
  const target = resolve(outDir);
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const staging = `${target}.staging-${suffix}`;
  rmSync(staging, {recursive: true, force: true});
  let result: T;
  try {
    result = await write(staging);
    writeFileSync(
      join(staging, BUILD_MARKER),
      JSON.stringify({builtBy: "courant", at: new Date().toISOString()}) + "\n"
    );
  } catch (error) {
    rmSync(staging, {recursive: true, force: true});
    throw error;
  }
  const previous = `${target}.previous-${suffix}`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, {recursive: true, force: true});
  return result;
}
