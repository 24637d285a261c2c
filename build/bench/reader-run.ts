// `npx tsx build/bench/reader-run.ts [siteDir]`: only the reader figures of `npm run bench` (builds the site unless given).
import {chromium} from "@playwright/test";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {chromiumArgs, findChromium} from "../../e2e/browser.js";
import {buildSite} from "../build-site.js";
import {measureReader, readerLine} from "./reader.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
let siteDir = process.argv[2];
if (!siteDir) {
  siteDir = mkdtempSync(join(tmpdir(), "courant-reader-"));
  await buildSite({pagesDir: join(root, "pages"), outDir: siteDir});
}
const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
const figures = await measureReader(browser, siteDir);
await browser.close();
console.log(JSON.stringify(figures));
console.log(readerLine(figures));
