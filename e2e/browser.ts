import {existsSync} from "node:fs";
import {chromium} from "@playwright/test";

/**
 * The Chromium the tests drive: CHROMIUM_PATH if set, else Playwright's own Chromium if installed, else
 * Debian's /usr/bin/chromium.
 */
export function findChromium(): string | undefined {
  const found = locateChromium();
  if (found === null) throw new Error(NO_CHROMIUM);
  return found;
}

/** As `findChromium`, but null when there is none (undefined still means "Playwright's own"). */
export function locateChromium(): string | undefined | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return undefined; // Playwright finds its own
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return null;
}

export const NO_CHROMIUM =
  "No Chromium found for the end-to-end tests. Install one of:\n" +
  "  - Debian/Ubuntu: sudo apt-get install chromium   (then it is found at /usr/bin/chromium)\n" +
  "  - Playwright's own: npx playwright install chromium\n" +
  "  - or point CHROMIUM_PATH at a Chromium or Chrome binary.";

const quietChromium = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic"
];

/**
 * Chromium as the tests run it: GL through SwiftShader, so WebGL (the webgl backend's tests) works without a GPU.
 * Chromium then composites, rasterises and draws canvases "on the GPU" too, which here is the CPU.
 */
export const chromiumArgs = [...quietChromium, "--use-angle=swiftshader", "--enable-unsafe-swiftshader"];

/**
 * Chromium as a reader's runs it on a machine without a GPU (the bench's reader figures): software compositing,
 * raster and canvas, as chrome://gpu reports there. The SwiftShader flags would add GL emulation on the CPU to every
 * frame, which no reader's browser does.
 */
export const readerChromiumArgs = quietChromium;
