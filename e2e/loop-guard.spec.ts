import {expect, test} from "@playwright/test";
import {setInput} from "./helpers.js";

test("in dev, an infinite loop errors on its cell after a few seconds and the page stays usable", async ({
  page
}, testInfo) => {
  test.skip(testInfo.project.name !== "dev", "the loop guard is a dev feature: a built site has no guard");
  await page.goto("loop-guard.html");
  await expect(page.locator("#square")).toHaveText("4");
  await page.getByRole("button", {name: "Spin forever"}).click();
  const spinning = page.locator(".courant-cell", {hasText: "the loop at line"});
  await expect(spinning).toHaveAttribute("data-state", "error");
  await expect(spinning).toContainText(/the loop at line 12 kept the page busy for more than \d+ s/);
  await setInput(page, "input[type=range]", 7);
  await expect(page.locator("#square")).toHaveText("49");
});
