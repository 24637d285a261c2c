import {resolve} from "node:path";
import {parseArgs} from "node:util";
import {buildSite, CompileErrors, formatPageError} from "./build-site.js";
import {dev} from "./dev.js";
import {serve} from "./serve.js";

const USAGE = `usage: courant <command> [options]

  courant dev [dir]                serve the pages of dir (default: pages) and reload on change
  courant build [dir] --out dist   write a static site (default: dist)
  courant preview [dist]           serve a built site
  courant bench [--stock-webgl]    print training figures, Courant against stock tfjs layers

options:
  --port N     port to listen on (default 3000)
  --host H     address to bind (default 127.0.0.1)
  --out DIR    output folder of build (default dist)`;

async function main(argv: string[]) {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: {type: "string", default: "3000"},
      host: {type: "string", default: "127.0.0.1"},
      out: {type: "string", default: "dist"},
      help: {type: "boolean", short: "h"},
      "stock-webgl": {type: "boolean", default: false}
    }
  });
  const [command, dir] = positionals;
  const port = Number(values.port);
  if (values.help || !command) return void console.log(USAGE);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}"`);

  switch (command) {
    case "dev":
      await dev({pagesDir: resolve(dir ?? "pages"), port, host: values.host!});
      return;
    case "build": {
      const outDir = resolve(values.out!);
      try {
        const pages = await buildSite({pagesDir: resolve(dir ?? "pages"), outDir, strict: true});
        console.log(`courant: built ${pages.length} page(s) into ${outDir}`);
      } catch (error) {
        if (!(error instanceof CompileErrors)) throw error;
        for (const e of error.errors) console.error(formatPageError(e));
        throw new Error(`${error.errors.length} compile error(s); ${outDir} was left as it was`);
      }
      return;
    }
    case "preview": {
      const root = resolve(dir ?? values.out!);
      const server = await serve({root, port, host: values.host!});
      console.log(`courant: previewing ${root} at http://${values.host}:${(server.address() as {port: number}).port}/`);
      return;
    }
    case "bench": {
      const {runBench} = await import("./bench/run.js");
      await runBench({stockWebgl: values["stock-webgl"]});
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error) => {
  console.error(`courant: ${error instanceof Error ? error.message : error}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
