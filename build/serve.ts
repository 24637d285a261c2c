/**
 * The static server behind `courant dev` and `courant preview`. It serves the files under its root and
 * nothing else: paths are decoded and resolved, then resolved again through the file system (`realpath`),
 * so neither `..` nor a symlink leads outside. GET and HEAD only. Every failure of a request is answered
 * (403, 404, 405, 500) and logged; none can stop the process.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import {createReadStream, realpathSync, statSync, type Stats} from "node:fs";
import {extname, join, resolve, sep} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".xml": "application/xml",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".bin": "application/octet-stream",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav"
};

/** esbuild's content-hashed outputs (`name-ABCD1234.js`) never change: the browser may keep them. */
const HASHED = /-[A-Z0-9]{8}\.(js|css)$/;

export interface ServeOptions {
  root: string;
  port: number;
  host: string;
  /** Extra routes (the dev server's events), tried before files. */
  handle?: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** The body of a 404 page (dev adds its reload client, so a page that comes back reloads by itself). */
  notFoundPage?: () => string;
  /** Where failures are logged (default: console.error). */
  log?: (message: string) => void;
  /**
   * Files served straight from where the author keeps them rather than from `root` (dev: the static files next to
   * the pages), so that a save shows at once, whatever the file watcher saw. `has` takes a path relative to
   * `root`, with forward slashes.
   */
  sources?: {root: string; has(path: string): boolean};
}

export function serve({
  root,
  port,
  host,
  handle,
  notFoundPage,
  log = console.error,
  sources
}: ServeOptions): Promise<Server> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    try {
      if (handle?.(request, response)) return;
      const path = requestPath(request.url ?? "/");
      const fromSources = sources && path !== null && sources.has(path.slice(1));
      respond(fromSources ? resolve(sources.root) : base, request, response, notFoundPage, log);
    } catch (error) {
      log(`courant: ${request.method} ${request.url}: ${(error as Error).message}`);
      answer(response, 500, "Internal error\n");
    }
  });
  // A client that resets its connection mid-request must not take the server down.
  server.on("clientError", (_error, socket) => socket.destroy());
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

function respond(
  base: string,
  request: IncomingMessage,
  response: ServerResponse,
  notFoundPage: (() => string) | undefined,
  log: (message: string) => void
) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return answer(response, 405, "Method not allowed\n", {allow: "GET, HEAD"});
  }
  const url = new URL(`http://localhost${request.url ?? "/"}`);
  const found = resolveFile(base, request.url ?? "/");
  // A folder named without its slash: send the browser to the slashed URL, so the page's relative links work.
  const folder = !found && !url.pathname.endsWith("/") && !url.pathname.startsWith("//"); // no `//host` redirect
  if (folder && resolveFile(base, url.pathname + "/")) {
    response.writeHead(301, {location: url.pathname + "/" + url.search, "cache-control": "no-cache"});
    return response.end();
  }
  if (!found) {
    const page = notFoundPage?.();
    if (page) return answer(response, 404, page, {"content-type": TYPES[".html"]}, request.method === "HEAD");
    return answer(response, 404, "Not found\n", {}, request.method === "HEAD");
  }
  const {file, stat} = found;
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "cache-control": HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
    etag,
    "last-modified": stat.mtime.toUTCString()
  };
  if (request.headers["if-none-match"] === etag) {
    response.writeHead(304, headers);
    return response.end();
  }
  if (request.method === "HEAD") {
    response.writeHead(200, {...headers, "content-length": stat.size});
    return response.end();
  }
  const stream = createReadStream(file);
  stream.once("error", (error: NodeJS.ErrnoException) => {
    log(`courant: cannot read ${file}: ${error.code ?? error.message}`);
    if (response.headersSent) return void response.destroy();
    answer(response, error.code === "EACCES" || error.code === "EPERM" ? 403 : 500, statusText(error));
  });
  stream.once("open", () => {
    response.writeHead(200, {...headers, "content-length": stat.size});
    stream.pipe(response);
  });
  response.once("close", () => stream.destroy());
}

function statusText(error: NodeJS.ErrnoException): string {
  return error.code === "EACCES" || error.code === "EPERM" ? "Forbidden\n" : "Cannot read this file\n";
}

function answer(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
  headOnly = false
) {
  if (response.headersSent) return void response.end();
  response.writeHead(status, {"content-type": TYPES[".txt"], "cache-control": "no-cache", ...headers});
  response.end(headOnly ? undefined : body);
}

/** The decoded path a request target names (`//host/x` is the path `//host/x`), or null if it cannot be decoded. */
function requestPath(url: string): string | null {
  try {
    return decodeURIComponent(new URL(`http://localhost${url.startsWith("/") ? "" : "/"}${url}`).pathname);
  } catch {
    return null;
  }
}

/**
 * The regular file a URL names under `base`, or null: `/page` is `page.html`, `/dir/` is `dir/index.html`.
 * Both the path and its real path (symlinks followed) must lie under the root's real path.
 */
export function resolveFile(base: string, url: string): {file: string; stat: Stats} | null {
  const path = requestPath(url);
  if (path === null || path.includes("\0")) return null;
  let realBase: string;
  try {
    realBase = realpathSync(base);
  } catch {
    return null;
  }
  const target = resolve(base, "." + path);
  if (target !== base && !target.startsWith(base + sep)) return null;
  const candidates = path.endsWith("/") ? [join(target, "index.html")] : [target, target + ".html"];
  for (const candidate of candidates) {
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      continue;
    }
    if (!real.startsWith(realBase + sep)) continue;
    const stat = statSync(real, {throwIfNoEntry: false});
    if (stat?.isFile()) return {file: real, stat};
  }
  return null;
}
