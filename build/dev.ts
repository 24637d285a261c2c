/**
 * `courant dev`: builds the pages into a temporary folder, serves it, and rebuilds and reloads on every change.
 * A failed build never replaces the last good one: the pages keep working, the error shows as an overlay,
 * and the next good build reloads them. The temporary folder is removed when the server stops.
 */
import {watch, existsSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";
import type {ServerResponse} from "node:http";
import {compileErrorsOf, formatPageError} from "./build-site.js";
import {checkPages, formatTypeProblem, type TypeProblem} from "./check.js";
import {DevBuilder, type DevBuild} from "./dev-build.js";
import {serve} from "./serve.js";

/**
 * The dev client, in every page: a changed page is hot-updated in place (engine/client/hot-update.ts) — its
 * unchanged cells keep their values and keep running — and reloaded only when that is not possible.
 */
const DEV_CLIENT = `
<script type="module">
const events = new EventSource("/_courant/events");
const here = () => {
  const path = decodeURIComponent(location.pathname);
  return path.endsWith("/") ? path + "index.html" : path.endsWith(".html") ? path : path + ".html";
};
const showError = (message) => {
  let box = document.getElementById("courant-build-error");
  if (!message) return box?.remove();
  if (!box) {
    box = document.createElement("pre");
    box.id = "courant-build-error";
    box.className = "courant-error courant-build-error";
    box.dataset.buildError = "";
    document.body.prepend(box);
  }
  box.textContent = message;
};
events.addEventListener("reload", () => location.reload());
events.addEventListener("build-error", (event) => showError(event.data));
// Type errors are warnings beside their cell: they never block a run (courant check is the strict gate).
events.addEventListener("type-warnings", (event) => {
  const {path, warnings} = JSON.parse(event.data);
  if (path !== here()) return;
  for (const old of document.querySelectorAll(".courant-type-warning")) old.remove();
  for (const cell of document.querySelectorAll("[data-type-warning]")) {
    delete cell.dataset.typeWarning;
    cell.removeAttribute("title");
  }
  for (const warning of warnings) {
    const cell = document.getElementById("cell-" + warning.cellId);
    if (!cell) continue;
    // The cell carries the hook; a block cell also gets a box above it, an inline one (inside prose) a tooltip.
    cell.dataset.typeWarning = [cell.dataset.typeWarning, warning.text].filter(Boolean).join("\\n");
    if (cell.tagName === "SPAN") {
      cell.title = cell.dataset.typeWarning;
      continue;
    }
    const box = document.createElement("div");
    box.className = "courant-type-warning";
    box.textContent = warning.text;
    cell.before(box);
  }
});
// Updates apply one after another: a save that lands while the previous one is being applied waits for it.
let applying = Promise.resolve();
events.addEventListener("update", (event) => {
  applying = applying.then(() => applyUpdate(JSON.parse(event.data)));
});
async function applyUpdate(update) {
  showError(null);
  if (update.styleChanged) {
    for (const link of document.querySelectorAll('link[rel=stylesheet][href*="_courant/style-"]')) link.href = update.style;
  }
  if (update.removed.includes(here())) return location.reload();
  const page = update.pages.find((p) => p.path === here());
  if (!page) return;
  const hotUpdate = window.__courant?.hotUpdate;
  if (!hotUpdate) return location.reload();
  try {
    await hotUpdate(page.path, page.script);
  } catch (error) {
    console.error("Courant: hot update failed, reloading", error);
    location.reload();
  }
}
</script>`;

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found</title>${DEV_CLIENT}</head>
<body><h1>Not found</h1><p>No page at this address (yet): this page reloads when the site is rebuilt.</p></body></html>
`;

export interface DevOptions {
  pagesDir: string;
  port: number;
  host: string;
}

export async function dev({pagesDir, port, host}: DevOptions) {
  const outDir = mkdtempSync(join(tmpdir(), "courant-dev-"));
  const clients = new Set<ServerResponse>();
  const send = (event: string, data: string) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${data.replace(/\n/g, "\ndata: ")}\n\n`);
  };

  let checking: Promise<void> = Promise.resolve();
  // Saves come in bursts: rebuild once they stop, one build at a time (see `schedule`).
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const builder = new DevBuilder({pagesDir, outDir, extraHead: DEV_CLIENT});
  // Stopping waits (a few seconds at most) for what still writes into the build folder — a rebuild under way,
  // esbuild's own process — and for a type check under way (it closes its compiler process itself).
  removeOnExit(outDir, async () => {
    stopping = true;
    clearTimeout(timer);
    await building;
    await builder.dispose();
    await checking;
  });
  const rebuild = async () => {
    const started = Date.now();
    try {
      const build = await builder.rebuild();
      for (const error of compileErrorsOf(pagesDir, build.pages)) console.error(formatPageError(error));
      console.log(`courant: built ${build.pages.length} page(s) in ${Date.now() - started} ms`);
      return build;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`courant: build failed (still serving the last good build)\n${message}`);
      send("build-error", message);
      return null;
    }
  };

  // The type check runs after each build, off the update's path; its warnings are kept for pages opened later.
  const typeWarnings = new Map<string, string>();
  const checkTypes = (build: DevBuild, sources: string[]) => {
    checking = checking.then(async () => {
      let problems: TypeProblem[];
      try {
        problems = await checkPages(pagesDir, sources);
      } catch (error) {
        return void console.error(`courant: type check failed: ${(error as Error).message}`);
      }
      for (const page of build.served.filter((p) => sources.includes(p.source))) {
        const file = join(pagesDir, page.source);
        const mine = problems.filter((p) => p.file === file);
        for (const problem of mine) console.error(`${formatTypeProblem(problem)} (type warning)`);
        const warnings = mine.map((p) => ({cellId: p.cellId, text: `${p.message} (${p.line}:${p.column + 1})`}));
        const data = JSON.stringify({path: page.path, warnings});
        typeWarnings.set(page.path, data);
        send("type-warnings", data);
      }
    });
  };

  const first = await rebuild();
  if (first)
    checkTypes(
      first,
      first.served.map((page) => page.source)
    );
  const server = await serve({
    root: outDir,
    port,
    host,
    notFoundPage: () => NOT_FOUND_PAGE,
    // The static files are copied too, but served from the pages folder: a save shows without waiting for a rebuild.
    sources: {root: pagesDir, has: (path) => builder.staticFiles().has(path)},
    handle(request, response) {
      if (request.url !== "/_courant/events") return false;
      response.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive"
      });
      response.write(": connected\n\n");
      clients.add(response);
      for (const data of typeWarnings.values()) response.write(`event: type-warnings\ndata: ${data}\n\n`);
      request.on("close", () => clients.delete(response));
      return true;
    }
  });

  // A change to the engine itself reloads the pages (its own state cannot be patched); any other change is sent
  // as a hot update.
  let engineChanged = false;
  const afterBuild = (build: Awaited<ReturnType<typeof rebuild>>) => {
    if (!build) return;
    if (engineChanged) {
      engineChanged = false;
      return send("reload", String(Date.now()));
    }
    if (build.changed.length)
      checkTypes(
        build,
        build.changed.map((page) => page.source)
      );
    const pages = build.changed.map(({path, script}) => ({path, script}));
    const removed = build.removed.map((source) => "/" + source.replace(/\.md$/, ".html").split("\\").join("/"));
    send("update", JSON.stringify({pages, removed, style: build.style, styleChanged: build.styleChanged}));
  };
  const schedule = (fromEngine: boolean) => {
    if (stopping) return;
    engineChanged ||= fromEngine;
    clearTimeout(timer);
    timer = setTimeout(() => {
      building = building.then(rebuild).then(afterBuild);
    }, 80);
  };
  const engineDir = resolve(fileURLToPath(import.meta.url), "../../engine");
  // The engine is watched in Courant's own repository (its developers edit it), not once installed as a package.
  const engineEdited = !engineDir.split(sep).includes("node_modules");
  const watched = [pagesDir, resolve(pagesDir, "../cells"), ...(engineEdited ? [engineDir] : [])].filter(existsSync);
  for (const dir of new Set(watched.map((d) => resolve(d)))) {
    watch(dir, {recursive: true}, () => schedule(dir === engineDir));
  }

  const address = `http://${host}:${(server.address() as {port: number}).port}/`;
  console.log(`courant: serving ${resolve(pagesDir)} at ${address}`);
  return {server, address};
}

/**
 * The build folder is the server's own: it goes when the process does, however it is stopped. On a signal it goes
 * at once, then again once what may still write into it has settled (a rebuild under way recreated it otherwise).
 */
function removeOnExit(dir: string, settling: () => Promise<unknown>) {
  const remove = () => rmSync(dir, {recursive: true, force: true});
  process.once("exit", remove);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, async () => {
      remove();
      await Promise.race([settling().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000))]);
      remove();
      process.exit(128 + ({SIGINT: 2, SIGTERM: 15, SIGHUP: 1} as const)[signal]);
    });
  }
}
