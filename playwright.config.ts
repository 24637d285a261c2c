import {defineConfig} from "@playwright/test";
import {chromiumArgs, findChromium} from "./e2e/browser.js";

// COURANT_E2E_PORT moves the four servers (and their output folder), so that two runs can share a machine.
const BASE_PORT = Number(process.env.COURANT_E2E_PORT ?? 3100);
const DEV_PORT = BASE_PORT + 1;
const PREVIEW_PORT = BASE_PORT + 2;
const SITE_PORT = BASE_PORT + 3;
const PREVIEW_SITE_PORT = BASE_PORT + 4;
const OUTPUT = `e2e/output${process.env.COURANT_E2E_PORT ? `-${BASE_PORT}` : ""}`;
const courant = "node build/courant.js";

/**
 * Every end-to-end test runs twice: against `courant dev` and against a `courant build` served by
 * `courant preview`. Fixture pages live in e2e/fixtures; the site's own pages in pages/.
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: `${OUTPUT}/test-results`,
  timeout: 180_000,
  expect: {timeout: 30_000},
  workers: 1,
  reporter: [["list"]],
  use: {
    launchOptions: {executablePath: findChromium(), args: chromiumArgs},
    viewport: {width: 1100, height: 900}
  },
  projects: [
    {
      name: "dev",
      use: {baseURL: `http://127.0.0.1:${DEV_PORT}/`},
      metadata: {siteURL: `http://127.0.0.1:${SITE_PORT}/`}
    },
    {
      name: "build",
      use: {baseURL: `http://127.0.0.1:${PREVIEW_PORT}/`},
      metadata: {siteURL: `http://127.0.0.1:${PREVIEW_SITE_PORT}/`}
    }
  ],
  webServer: [
    {
      command: `${courant} dev e2e/fixtures --port ${DEV_PORT}`,
      url: `http://127.0.0.1:${DEV_PORT}/`,
      timeout: 300_000,
      reuseExistingServer: false
    },
    {
      command: `${courant} build e2e/fixtures --allow-errors --out ${OUTPUT}/fixtures-dist && ${courant} preview ${OUTPUT}/fixtures-dist --port ${PREVIEW_PORT}`,
      url: `http://127.0.0.1:${PREVIEW_PORT}/`,
      timeout: 300_000,
      reuseExistingServer: false
    },
    {
      command: `${courant} dev pages --port ${SITE_PORT}`,
      url: `http://127.0.0.1:${SITE_PORT}/`,
      timeout: 300_000,
      reuseExistingServer: false
    },
    {
      command: `${courant} build pages --out ${OUTPUT}/site-dist && ${courant} preview ${OUTPUT}/site-dist --port ${PREVIEW_SITE_PORT}`,
      url: `http://127.0.0.1:${PREVIEW_SITE_PORT}/`,
      timeout: 300_000,
      reuseExistingServer: false
    }
  ]
});
