/**
 * Run before the end-to-end tests: makes sure a Chromium is there. If none is found it tries Playwright's own
 * download, then (as root, on Debian or Ubuntu) `apt-get install chromium`, and only then gives up with the
 * message saying what to install.
 */
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {locateChromium, NO_CHROMIUM} from "../e2e/browser.js";

function attempt(what: string, command: string, args: string[]): void {
  console.error(`courant: no Chromium for the end-to-end tests; trying ${what}…`);
  const run = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: {...process.env, DEBIAN_FRONTEND: "noninteractive"}
  });
  if (run.status !== 0)
    console.error(`courant: ${what} did not succeed (${run.error?.message ?? `exit ${run.status}`})`);
}

if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
  console.error(`courant: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
  process.exit(1);
}
if (locateChromium() === null) {
  attempt("Playwright's own Chromium", process.execPath, [
    "node_modules/@playwright/test/cli.js",
    "install",
    "chromium"
  ]);
}
if (locateChromium() === null && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  attempt("apt-get update", "apt-get", ["update", "-qq"]);
  attempt("Debian's chromium (apt-get install chromium)", "apt-get", ["install", "-y", "-qq", "chromium"]);
}
if (locateChromium() === null) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
