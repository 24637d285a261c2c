/**
 * `courant dev`: builds the pages into a temporary folder, serves it, and rebuilds and reloads on every change.
 * A failed build never replaces the last good one: the pages keep working, the error shows as an overlay,
 * and the next good build reloads them. The temporary folder is removed when the server stops.
 */
import {watch, existsSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import type {ServerResponse} from "node:http";
import {buildSite, compileErrorsOf, formatPageError} from "./build-site.js";
import {serve} from "./serve.js";

const RELOAD_CLIENT = `
<script type="module">
const events = new EventSource("/_courant/events");
events.addEventListener("reload", () => location.reload());
events.addEventListener("build-error", (event) => {
  let box = document.getElementById("courant-build-error");
  if (!box) {
    box = document.createElement("pre");
    box.id = "courant-build-error";
    box.className = "courant-error courant-build-error";
    box.dataset.buildError = "";
    document.body.prepend(box);
  }
  box.textContent = event.data;
});
</script>`;

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found</title>${RELOAD_CLIENT}</head>
<body><h1>Not found</h1><p>No page at this address (yet): this page reloads when the site is rebuilt.</p></body></html>
`;

export interface DevOptions {
  pagesDir: string;
  port: number;
  host: string;
}

export async function dev({pagesDir, port, host}: DevOptions) {
  const outDir = mkdtempSync(join(tmpdir(), "courant-dev-"));
  removeOnExit(outDir);
  const clients = new Set<ServerResponse>();
  const send = (event: string, data: string) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${data.replace(/\n/g, "\ndata: ")}\n\n`);
  };

  const rebuild = async () => {
    const started = Date.now();
    try {
      const pages = await buildSite({pagesDir, outDir, dev: true, extraHead: RELOAD_CLIENT});
      for (const error of compileErrorsOf(pagesDir, pages)) console.error(formatPageError(error));
      console.log(`courant: built ${pages.length} page(s) in ${Date.now() - started} ms`);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`courant: build failed (still serving the last good build)\n${message}`);
      send("build-error", message);
      return false;
    }
  };

  await rebuild();
  const server = await serve({
    root: outDir,
    port,
    host,
    notFoundPage: () => NOT_FOUND_PAGE,
    handle(request, response) {
      if (request.url !== "/_courant/events") return false;
      response.writeHead(200, {"content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive"});
      response.write(": connected\n\n");
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return true;
    }
  });

  let timer: NodeJS.Timeout | undefined;
  let building = Promise.resolve(true);
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      building = building.then(rebuild).then((ok) => (ok && send("reload", String(Date.now())), ok));
    }, 80);
  };
  const engineDir = resolve(fileURLToPath(import.meta.url), "../../engine");
  const watched = [pagesDir, resolve(pagesDir, "../cells"), engineDir].filter((dir) => existsSync(dir));
  for (const dir of new Set(watched.map((d) => resolve(d)))) watch(dir, {recursive: true}, schedule);

  const address = `http://${host}:${(server.address() as {port: number}).port}/`;
  console.log(`courant: serving ${resolve(pagesDir)} at ${address}`);
  return {server, address};
}

/** The build folder is the server's own: it goes when the process does, however it is stopped. */
function removeOnExit(dir: string) {
  const remove = () => rmSync(dir, {recursive: true, force: true});
  process.once("exit", remove);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      remove();
      process.exit(128 + ({SIGINT: 2, SIGTERM: 15, SIGHUP: 1} as const)[signal]);
    });
  }
}
