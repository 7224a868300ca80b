// What the browser checks share: Chromium as they launch it, the tally of checks, the pages of a
// built site, the search page's results as a resident sees them, and axe-core's findings.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
export const AXE = require.resolve("axe-core/axe.min.js");

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
}

let passed = 0, failed = 0;
export function check(name, ok, detail = "") {
  if (ok) passed++; else { failed++; console.log(`FAIL ${name}${detail ? `: ${detail}` : ""}`); }
}
// The tally, in the line browser.rs reads, and the exit code.
export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

export function pages(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...pages(path));
    else if (name.endsWith(".html")) out.push(path);
  }
  return out.sort();
}
export const url = (site, page) => pathToFileURL(join(site, page)).href;

// The results once the list shows `query` (on a workspace's page, searched in `scope`: "" for
// every member): the list says which query it shows once the last (debounced) run is drawn.
export async function shownResults(page, query, scope = null) {
  await page.waitForFunction(([q, s]) => {
    const box = document.getElementById("search-results");
    return box.getAttribute("data-query") === q && (s === null || box.getAttribute("data-in") === s) &&
      document.getElementById("search-status").textContent !== "";
  }, [query, scope], { timeout: 10000 });
  return page.$$eval("#search-results li", (items) => items.map((li) => ({
    href: li.querySelector(".result-title a").getAttribute("href"),
    title: li.querySelector(".result-title a").textContent,
    kind: li.querySelector(".kind").textContent,
    place: li.querySelector(".place") ? li.querySelector(".place").textContent : null,
    meta: li.querySelector(".result-meta").textContent,
    partial: li.querySelector(".partial") !== null,
  })));
}

export async function searchFor(page, query, typed = true, scope = null) {
  await page.fill("#search-q", "");
  if (typed) await page.type("#search-q", query); else await page.fill("#search-q", query);
  return shownResults(page, query, scope);
}

// axe-core's critical and serious violations on the page as it is now, each with two of its nodes.
export async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.filter((v) => v.impact === "critical" || v.impact === "serious")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`);
}
