import {watch, existsSync, mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import type {ServerResponse} from "node:http";
import {buildSite} from "./build-site.js";
import {serve} from "./serve.js";

const RELOAD_CLIENT = `
<script type="module">
const events = new EventSource("/_courant/events");
events.addEventListener("reload", () => location.reload());
events.addEventListener("build-error", (event) => {
  let box = document.getElementById("courant-build-error");
  if (!box) { box = document.createElement("pre"); box.id = "courant-build-error"; box.className = "courant-error"; document.body.prepend(box); }
  box.textContent = event.data;
});
</script>`;

export interface DevOptions {
  pagesDir: string;
  port: number;
  host: string;
}

/** Builds the pages into a temporary folder, serves them, and rebuilds and reloads on every change. */
export async function dev({pagesDir, port, host}: DevOptions) {
  const outDir = mkdtempSync(join(tmpdir(), "courant-dev-"));
  const clients = new Set<ServerResponse>();
  const send = (event: string, data: string) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${data.replace(/\n/g, "\ndata: ")}\n\n`);
  };

  const rebuild = async () => {
    const started = Date.now();
    try {
      const pages = await buildSite({pagesDir, outDir, dev: true, extraHead: RELOAD_CLIENT});
      report(pages.flatMap((p) => p.compiled.cells.flatMap((c) => c.errors.map((e) => `${join(pagesDir, p.source)}:${e.line}:${e.column + 1}: ${e.message}`))));
      console.log(`courant: built ${pages.length} page(s) in ${Date.now() - started} ms`);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`courant: build failed\n${message}`);
      send("build-error", message);
      return false;
    }
  };

  await rebuild();
  const server = await serve({
    root: outDir, port, host,
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

function report(errors: string[]) {
  for (const line of errors) console.error(line);
}
