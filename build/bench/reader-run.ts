// `npx tsx build/bench/reader-run.ts [siteDir] [--runs N] [--gl]`: only the reader figures of `npm run bench` (builds the
// site unless given); `--gl` runs Chromium as the tests do (GL through SwiftShader) instead of as a reader's.
import {chromium} from "@playwright/test";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {chromiumArgs, findChromium, readerChromiumArgs} from "../../e2e/browser.js";
import {buildSite} from "../build-site.js";
import {longTasksSpread, measureReaders, readerLine, readerSpread} from "./reader.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
let siteDir = process.argv[2]?.startsWith("--") ? undefined : process.argv[2];
if (!siteDir) {
  siteDir = mkdtempSync(join(tmpdir(), "courant-reader-"));
  await buildSite({pagesDir: join(root, "pages"), outDir: siteDir});
}
const args = process.argv.includes("--gl") ? chromiumArgs : readerChromiumArgs;
const browser = await chromium.launch({executablePath: findChromium(), args});
// `--runs 1` for a single reader (the default is the bench's).
const runsArg = process.argv.indexOf("--runs");
const readers = await measureReaders(browser, siteDir, runsArg > 0 ? Number(process.argv[runsArg + 1]) : undefined);
await browser.close();
console.log(readerSpread(readers.runs));
console.log(`tasks of 50 ms or more: ${longTasksSpread(readers.runs)}`);
console.log(JSON.stringify(readers.median));
console.log(readerLine(readers.median));
