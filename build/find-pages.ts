import {readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";

/** Markdown pages under `dir` (recursively, skipping dot, underscore and node_modules folders), as paths relative to it. */
export function findPages(dir: string): string[] {
  const pages: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      if (entry.startsWith(".") || entry.startsWith("_") || entry === "node_modules") continue;
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (entry.endsWith(".md")) pages.push(relative(dir, path));
    }
  };
  visit(dir);
  return pages;
}
