// An open page of `resplist serve` reloads itself after an edit: open the page, mark its window,
// edit the file, and wait for a new window (the mark gone) showing the new text.
// Usage: node serve.mjs URL FILE OLD NEW
import { readFileSync, writeFileSync } from "node:fs";
import { launch } from "./lib.mjs";

const [url, file, before, after] = process.argv.slice(2);
const browser = await launch();
const page = await browser.newPage();
await page.goto(url);
const shown = await page.textContent("body");
if (!shown.includes(before)) {
  console.log(`FAIL the page does not show ${before} before the edit`);
  process.exit(1);
}
await page.evaluate(() => { window.__beforeEdit = true; });
// Let the page's wait reach the server before the file changes.
await page.waitForTimeout(500);
const started = Date.now();
writeFileSync(file, readFileSync(file, "utf8").replace(before, after));
try {
  await page.waitForFunction((text) => !window.__beforeEdit && document.body && document.body.textContent.includes(text), after, { timeout: 20000 });
} catch (e) {
  console.log(`FAIL the page did not reload with ${after}: ${e.message}`);
  process.exit(1);
}
console.log(`reloaded ${Date.now() - started} ms after the save`);
await browser.close();
console.log("1 passed, 0 failed");
