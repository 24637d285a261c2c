import {defineConfig} from "@playwright/test";
import {chromiumArgs, findChromium} from "./e2e/browser.js";

const DEV_PORT = 3101;
const PREVIEW_PORT = 3102;
const SITE_PORT = 3103;
const PREVIEW_SITE_PORT = 3104;
const courant = "node build/courant.js";

/**
 * Every end-to-end test runs twice: against `courant dev` and against a `courant build` served by
 * `courant preview`. Fixture pages live in e2e/fixtures; the site's own pages in pages/.
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/output/test-results",
  timeout: 180_000,
  expect: {timeout: 30_000},
  workers: 1,
  reporter: [["list"]],
  use: {
    launchOptions: {executablePath: findChromium(), args: chromiumArgs},
    viewport: {width: 1100, height: 900}
  },
  projects: [
    {name: "dev", use: {baseURL: `http://127.0.0.1:${DEV_PORT}/`}, metadata: {siteURL: `http://127.0.0.1:${SITE_PORT}/`}},
    {name: "build", use: {baseURL: `http://127.0.0.1:${PREVIEW_PORT}/`}, metadata: {siteURL: `http://127.0.0.1:${PREVIEW_SITE_PORT}/`}}
  ],
  webServer: [
    {command: `${courant} dev e2e/fixtures --port ${DEV_PORT}`, url: `http://127.0.0.1:${DEV_PORT}/`, timeout: 120_000, reuseExistingServer: false},
    {
      command: `${courant} build e2e/fixtures --out e2e/output/fixtures-dist && ${courant} preview e2e/output/fixtures-dist --port ${PREVIEW_PORT}`,
      url: `http://127.0.0.1:${PREVIEW_PORT}/`, timeout: 120_000, reuseExistingServer: false
    },
    {command: `${courant} dev pages --port ${SITE_PORT}`, url: `http://127.0.0.1:${SITE_PORT}/`, timeout: 120_000, reuseExistingServer: false},
    {
      command: `${courant} build pages --out e2e/output/site-dist && ${courant} preview e2e/output/site-dist --port ${PREVIEW_SITE_PORT}`,
      url: `http://127.0.0.1:${PREVIEW_SITE_PORT}/`, timeout: 120_000, reuseExistingServer: false
    }
  ]
});
