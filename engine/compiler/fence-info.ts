/** What the info string of a fenced block says: ` ```js echo run=false ` → tag `js`, echo, not run. */
export interface FenceInfo {
  /** The block's language, lower-cased (`js`, `ts`, `tex`, `dot`…), or "" for a bare fence. */
  tag: string;
  attributes: Record<string, string>;
}

const ATTRIBUTE = /([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;

export function parseFenceInfo(info: string): FenceInfo {
  const [tag = "", ...rest] = info.trim().split(/(?<=^\S+)\s+/);
  const attributes: Record<string, string> = {};
  for (const match of (rest[0] ?? "").matchAll(ATTRIBUTE)) {
    attributes[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? "";
  }
  return {tag: tag.toLowerCase(), attributes};
}

/** `run=false`, `echo=false`: an attribute is false only when it says so; a bare `echo` is true. */
export function isFalse(value: string | undefined): boolean {
  return value?.toLowerCase() === "false";
}
