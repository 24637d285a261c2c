import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import {createReadStream, existsSync, statSync} from "node:fs";
import {extname, join, resolve, sep} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8"
};

export interface ServeOptions {
  root: string;
  port: number;
  host: string;
  /** Extra routes (the dev server's reload events), tried before files. */
  handle?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

/**
 * Serves the files under `root` only: paths are decoded and resolved, and anything outside the root
 * (`..`, encoded or not) is a 404. `/page` serves `page.html`, `/dir/` serves `dir/index.html`.
 */
export function serve({root, port, host, handle}: ServeOptions): Promise<Server> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    if (handle?.(request, response)) return;
    const file = resolveFile(base, request.url ?? "/");
    if (!file) {
      response.writeHead(404, {"content-type": TYPES[".txt"]});
      response.end("Not found\n");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache"
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

export function resolveFile(base: string, url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return null;
  }
  if (path.includes("\0")) return null;
  const target = resolve(base, "." + path);
  if (target !== base && !target.startsWith(base + sep)) return null;
  const candidates = path.endsWith("/") ? [join(target, "index.html")] : [target, target + ".html"];
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}
