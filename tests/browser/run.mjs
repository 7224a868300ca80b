// Browser checks of built resplist sites, in Debian's headless Chromium driven by playwright-core:
// search (typed into the search box, results read back), no-JS fallback, no sideways scrolling at
// 390 px, tap targets, and axe-core (no critical or serious violation) on every page.
// A third site, built from sources with 400-character runs without spaces in every one-line text,
// must not scroll sideways at 390 or 1280 px either.
// Usage: node run.mjs ZH_SITE_DIR EN_SITE_DIR [LONG_LINES_SITE_DIR]
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const [zhSite, enSite, longSite] = process.argv.slice(2);
if (!zhSite || !enSite) {
  console.error("usage: node run.mjs ZH_SITE_DIR EN_SITE_DIR");
  process.exit(2);
}

let passed = 0, failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++; else { failed++; console.log(`FAIL ${name}${detail ? `: ${detail}` : ""}`); }
}

function pages(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...pages(path));
    else if (name.endsWith(".html")) out.push(path);
  }
  return out.sort();
}
const url = (site, page) => pathToFileURL(join(site, page)).href;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
});

async function searchFor(page, query) {
  await page.fill("#search-q", "");
  await page.type("#search-q", query);
  await page.waitForFunction((q) => {
    const s = document.getElementById("search-status").textContent;
    return s !== "" && document.getElementById("search-q").value === q;
  }, query, { timeout: 10000 });
  await page.waitForTimeout(250); // let a debounced run for the full query settle
  return page.$$eval("#search-results li", (items) => items.map((li) => ({
    href: li.querySelector(".result-title a").getAttribute("href"),
    title: li.querySelector(".result-title a").textContent,
    kind: li.querySelector(".kind").textContent,
    meta: li.querySelector(".result-meta").textContent,
  })));
}

async function searchSuite(site, cases) {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await page.goto(url(site, "search/index.html"));
  for (const c of cases) {
    const results = await searchFor(page, c.q);
    const top = results.slice(0, c.first ? 1 : 3);
    const hit = top.find((r) => c.expect(r));
    check(`search ${JSON.stringify(c.q)} → ${c.want}`, hit !== undefined,
      `top results: ${results.slice(0, 5).map((r) => `${r.kind} ${r.title} (${r.href})`).join(" | ")}`);
    if (hit && c.phone) check(`search ${JSON.stringify(c.q)} shows the phone in the result`, hit.meta.includes(c.phone), hit.meta);
  }
  // A query arriving in the address, as the header search box sends it.
  await page.goto(url(site, "search/index.html") + "?q=" + encodeURIComponent(cases[0].q));
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, { timeout: 10000 });
  check("search reads ?q= from the address", true);
  await page.close();
}

const zhCases = [
  { q: "违法停车", want: "the illegal-parking boundary", expect: (r) => r.href.includes("boundaries/illegal-parking.html") },
  { q: "停车", want: "the illegal-parking boundary", expect: (r) => r.href.includes("boundaries/illegal-parking.html") },
  { q: "噪声", want: "the noise boundary", expect: (r) => r.href.includes("boundaries/environmental-noise.html") },
  { q: "死鱼", want: "the water-pollution boundary", expect: (r) => r.href.includes("boundaries/water-pollution.html") },
  { q: "偷排", want: "the water-pollution boundary", expect: (r) => r.href.includes("boundaries/water-pollution.html") },
  { q: "宅基地", want: "the homestead-approval regime", expect: (r) => r.href.includes("departments/guotu.html") && r.href.includes("#regime-zhaijidi") },
  { q: "汽车维修", want: "the car-repair service", expect: (r) => r.href.includes("departments/jiaotong.html") && r.href.includes("#service-qiche-weixiu") },
  { q: "食品", first: true, want: "the food-safety boundary first", expect: (r) => r.href.includes("boundaries/food-safety.html") },
  { q: "0000-6301 0103", want: "污染防治科", phone: "0000-6301 0103", expect: (r) => r.href.endsWith("departments/huanbao.html#section-wrfz") },
  { q: "63010103", want: "污染防治科 (digits only)", expect: (r) => r.href.includes("#section-wrfz") },
  { q: "PM2.5", want: "the PM2.5 monitoring work item", expect: (r) => r.href.includes("departments/huanbao.html#item-") },
  { q: "染防", want: "a match inside a word (污染防治)", expect: (r) => r.title.includes("染防") || r.href.includes("water-pollution") },
];
const enCases = [
  { q: "dumping", want: "the river-dumping boundary", expect: (r) => r.href.includes("boundaries/river-dumping.html") },
  { q: "ferry", want: "the ferry safety-check service", expect: (r) => r.title.toLowerCase().includes("ferry") },
  { q: "0000-5550 2001", want: "the Waterways Office", phone: "0000-5550 2001", expect: (r) => r.href.includes("#section-waterways") },
];
await searchSuite(zhSite, zhCases);
await searchSuite(enSite, enCases);

// Without JavaScript the search page says so and links to the indexes.
{
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url(zhSite, "search/index.html"));
  const visible = await page.isVisible(".no-js");
  const links = await page.$$eval(".no-js a", (as) => as.map((a) => a.getAttribute("href")));
  check("without JavaScript the search page explains and links to the indexes", visible && links.length === 4, JSON.stringify(links));
  await context.close();
}

// Every page: no sideways scrolling at 390 px, tap targets, axe-core.
for (const site of [zhSite, enSite]) {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  for (const file of pages(site)) {
    const name = relative(site, file);
    await page.goto(pathToFileURL(file).href);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(`${name}: no horizontal scrolling at 390 px`, width <= 390, `page is ${width} px wide`);
    if (name === "print.html") continue; // a document for paper, not for tapping
    const small = await page.$$eval("a.tel, button, input, .main-nav a", (els) =>
      els.filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 80)));
    check(`${name}: tap targets at least 44 px high`, small.length === 0, small.slice(0, 3).join(" "));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const file of pages(site)) {
    const name = relative(site, file);
    await page.goto(pathToFileURL(file).href);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations.filter((v) => v.impact === "critical" || v.impact === "serious");
    check(`${name}: axe-core finds no critical or serious violation`, bad.length === 0,
      bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`).join("; "));
  }
  await page.close();
}

// Long unbroken text: the page may wrap or scroll inside a table, never widen.
if (longSite) {
  for (const width of [390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const file of pages(longSite)) {
      const name = relative(longSite, file);
      await page.goto(pathToFileURL(file).href);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      check(`long lines, ${name}: no horizontal scrolling at ${width} px`, wide <= width, `page is ${wide} px wide`);
    }
    // Results are put on the page by script: they must wrap too.
    await page.goto(url(longSite, "search/index.html"));
    const results = await searchFor(page, "Waterways");
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    check(`long lines, search results: no horizontal scrolling at ${width} px`, results.length > 0 && wide <= width,
      `${results.length} results, page is ${wide} px wide`);
    await page.close();
  }
}

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
