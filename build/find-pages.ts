import {readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";

export interface SourceTree {
  /** Markdown pages, relative to the folder. */
  pages: string[];
  /** Every other file (images, data): served in dev and copied by the build at the same relative path. */
  files: string[];
}

/** Folders never published: dot folders, `_` folders (Courant's own `_courant` among them) and node_modules. */
const isHidden = (entry: string) => entry.startsWith(".") || entry.startsWith("_") || entry === "node_modules";

/** The pages and static files under `dir`, recursively, sorted, as paths relative to it. */
export function findSources(dir: string): SourceTree {
  const tree: SourceTree = {pages: [], files: []};
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      if (isHidden(entry)) continue;
      const path = join(folder, entry);
      const stat = statSync(path, {throwIfNoEntry: false});
      if (!stat) continue; // a dangling symlink
      if (stat.isDirectory()) visit(path);
      else if (stat.isFile()) (entry.endsWith(".md") ? tree.pages : tree.files).push(relative(dir, path));
    }
  };
  visit(dir);
  return tree;
}

/** Markdown pages under `dir`, as paths relative to it. */
export function findPages(dir: string): string[] {
  return findSources(dir).pages;
}
