/** The `courant` command line: parses arguments, dispatches to a command, turns failures into stderr and an exit status. */
import {existsSync, readFileSync, statSync} from "node:fs";
import {resolve} from "node:path";
import {parseArgs} from "node:util";
import {buildSite, compileErrorsOf, CompileErrors, formatPageError} from "./build-site.js";
import {dev} from "./dev.js";
import {initProject} from "./init.js";
import {serve} from "./serve.js";

interface Command {
  usage: string;
  summary: string;
  options: string[];
}

const OPTIONS: Record<string, string> = {
  port: "--port N       port to listen on (default 3000; 0 picks a free one)",
  host: "--host H       address to bind (default 127.0.0.1)",
  out: "--out DIR      output folder (default dist); it must be new, empty, or an earlier Courant build",
  "allow-errors": "--allow-errors write the site even when pages have compile errors (shown on their cells)",
  "stock-webgl": "--stock-webgl  also time stock tfjs layers on WebGL (minutes long)"
};

const COMMANDS: Record<string, Command> = {
  dev: {
    usage: "courant dev [dir] [--port N] [--host H]",
    summary: "serve the pages of dir (default: pages), rebuild and reload on change",
    options: ["port", "host"]
  },
  build: {
    usage: "courant build [dir] [--out DIR] [--allow-errors]",
    summary: "write a static site of the pages of dir (default: pages); exits 1 on a compile error",
    options: ["out", "allow-errors"]
  },
  preview: {
    usage: "courant preview [dist] [--port N] [--host H]",
    summary: "serve a built site",
    options: ["port", "host"]
  },
  check: {
    usage: "courant check [dir]",
    summary: "type-check the TypeScript cells of the pages of dir (default: pages); exits 1 on a type error",
    options: []
  },
  init: {
    usage: "courant init [dir]",
    summary: "write a starter page into dir/pages (default: the current folder)",
    options: []
  },
  bench: {
    usage: "courant bench [--stock-webgl]",
    summary: "print training and reader figures (in the Courant repository)",
    options: ["stock-webgl"]
  }
};

const usage = () =>
  [
    "usage: courant <command> [options]",
    "",
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(46)} ${c.summary}`),
    "",
    "courant <command> --help shows a command's options; courant --version its version."
  ].join("\n");

const commandHelp = (name: string) => {
  const command = COMMANDS[name];
  const options = command.options.map((o) => `  ${OPTIONS[o]}`);
  return [`usage: ${command.usage}`, "", command.summary, ...(options.length ? ["", "options:", ...options] : [])].join(
    "\n"
  );
};

export class UsageError extends Error {}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {version: string};
  return manifest.version;
}

async function main(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: {type: "string", default: "3000"},
        host: {type: "string", default: "127.0.0.1"},
        out: {type: "string", default: "dist"},
        help: {type: "boolean", short: "h"},
        version: {type: "boolean", short: "v"},
        "allow-errors": {type: "boolean", default: false},
        "stock-webgl": {type: "boolean", default: false}
      }
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage()}`);
  }
  const {values, positionals} = parsed;
  const [command, dir, ...extra] = positionals;
  if (values.version) return void console.log(version());
  if (!command) return void console.log(usage());
  if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command "${command}"\n\n${usage()}`);
  if (values.help) return void console.log(commandHelp(command));
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"\n\n${commandHelp(command)}`);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port!) || port > 65535) {
    throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  }

  switch (command) {
    case "dev":
      await dev({pagesDir: resolve(dir ?? "pages"), port, host: values.host!});
      return;
    case "build": {
      const outDir = resolve(values.out!);
      try {
        const pagesDir = resolve(dir ?? "pages");
        const pages = await buildSite({pagesDir, outDir, strict: !values["allow-errors"]});
        const errors = compileErrorsOf(pagesDir, pages);
        for (const e of errors) console.error(formatPageError(e));
        const note = errors.length ? ` (${errors.length} compile error(s), shown on their cells)` : "";
        console.log(`courant: built ${pages.length} page(s) into ${outDir}${note}`);
      } catch (error) {
        if (!(error instanceof CompileErrors)) throw error;
        for (const e of error.errors) console.error(formatPageError(e));
        throw new Error(`${error.errors.length} compile error(s); ${outDir} was left as it was`);
      }
      return;
    }
    case "preview": {
      const root = resolve(dir ?? values.out!);
      if (!existsSync(root) || !statSync(root).isDirectory()) {
        throw new Error(`no built site at ${root}: run \`courant build\` first, or name the folder to serve`);
      }
      const server = await serve({root, port, host: values.host!});
      console.log(`courant: previewing ${root} at http://${values.host}:${(server.address() as {port: number}).port}/`);
      return;
    }
    case "check": {
      const pagesDir = resolve(dir ?? "pages");
      const {checkPages, formatTypeProblem} = await import("./check.js");
      const problems = await checkPages(pagesDir);
      for (const problem of problems) console.error(formatTypeProblem(problem));
      if (problems.length) throw new Error(`${problems.length} type error(s) in ${pagesDir}`);
      console.log(`courant: no type error in ${pagesDir}`);
      return;
    }
    case "init": {
      const written = initProject(resolve(dir ?? "."));
      for (const file of written) console.log(`courant: wrote ${file}`);
      console.log("courant: now run `npx courant dev` and open the address it prints");
      return;
    }
    case "bench": {
      const bench = "./bench/run.js";
      const {runBench} = await import(bench).catch(() => {
        throw new Error("the bench runs in a clone of the Courant repository, with its development dependencies");
      });
      await runBench({stockWebgl: values["stock-webgl"]});
      return;
    }
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`courant: ${error instanceof Error ? error.message : error}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
