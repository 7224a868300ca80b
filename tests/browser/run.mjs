// Browser checks of built resplist sites, in Debian's headless Chromium driven by playwright-core:
// search (typed into the search box, results read back), no-JS fallback, no sideways scrolling at
// 390 px, tap targets, and axe-core (no critical or serious violation) on every page.
// A third site, built from sources with 400-character runs without spaces in every one-line text,
// must not scroll sideways at 390 or 1280 px either.
// Usage: node run.mjs ZH_SITE_DIR EN_SITE_DIR [LONG_LINES_SITE_DIR]
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import { check, finish, launch, pages, searchFor, seriousViolations, url } from "./lib.mjs";
import { everyday } from "./queries.mjs";
import { everyday as heldout } from "./queries-heldout.mjs";

const [zhSite, enSite, longSite] = process.argv.slice(2);
if (!zhSite || !enSite) {
  console.error("usage: node run.mjs ZH_SITE_DIR EN_SITE_DIR");
  process.exit(2);
}

const browser = await launch();

// A result is the target when its link ends with it (a page), or holds it (a page and anchor).
const leadsTo = (href, target) => target.includes("#") ? href.includes(target) : href.endsWith(target);

// Everyday queries (what residents type): each must find its target in the top three, or first.
async function everydaySuite(site, set, name, atLeast) {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await page.goto(url(site, "search/index.html"));
  const misses = [];
  for (const c of set) {
    const results = await searchFor(page, c.q, false);
    const top = results.slice(0, c.first ? 1 : 3);
    if (!top.some((r) => c.href.some((h) => leadsTo(r.href, h)))) {
      misses.push(`${JSON.stringify(c.q)} → ${c.want}; top: ${results.slice(0, 3).map((r) => r.title).join(" | ")}`);
    }
  }
  const hits = set.length - misses.length;
  console.log(`${name}: ${hits}/${set.length} in the top three`);
  check(`${name}: at least ${atLeast} of ${set.length} queries find their target`, hits >= atLeast, misses.join("\n  "));
  await page.close();
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
await everydaySuite(zhSite, everyday, "everyday queries", everyday.length);
// Written without seeing the dictionary or the first set: a floor, not a target to tune to.
await everydaySuite(zhSite, heldout, "held-out everyday queries", 38);

// What a resident sees around the results.
{
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await page.goto(url(zhSite, "search/index.html"));
  let results = await searchFor(page, "环保局电话");
  check("环保局电话: 环保局 first, with its phone", results[0] && results[0].href.endsWith("departments/huanbao.html") && results[0].meta.includes("0000-6301 0000"),
    JSON.stringify(results[0]));
  results = await searchFor(page, "噪");
  check("a one-character query matches titles", results.length > 0 && results.slice(0, 3).some((r) => r.href.endsWith("boundaries/environmental-noise.html")),
    results.slice(0, 3).map((r) => r.title).join(" | "));
  results = await searchFor(page, "村里有没有免费律师");
  const help = await page.isVisible("#search-help");
  check("partial matches are marked 部分匹配 and the help is shown", results.length > 0 && results.every((r) => r.partial) && help,
    `${results.length} results, help ${help}`);
  results = await searchFor(page, "哈哈哈哈");
  const status = await page.textContent("#search-status");
  const helpLinks = await page.$$eval("#search-help a", (as) => as.map((a) => a.getAttribute("href")));
  check("nothing found: the status says so, and the help offers the departments, the boundaries and the comments phone",
    results.length === 0 && status.includes("没有找到") && helpLinks.some((h) => h.endsWith("index.html#departments")) &&
      helpLinks.some((h) => h.endsWith("boundaries/index.html")) && helpLinks.some((h) => h.startsWith("tel:")), `${status} ${JSON.stringify(helpLinks)}`);
  results = await searchFor(page, "河水变色了");
  const suggested = await page.$$eval("#search-suggest a", (as) => as.map((a) => a.getAttribute("href")));
  check("weak results suggest the closest boundaries", suggested.some((h) => h.includes("boundaries/")), JSON.stringify(suggested));
  // The examples are the project's own, and each finds something.
  const examples = await page.$$eval(".search-examples a", (as) => as.map((a) => a.textContent));
  check("the search page's examples come from the project's boundaries", examples.length === 3 && examples.includes("食品安全") && examples.includes("森林火灾"), JSON.stringify(examples));
  await page.click(".search-examples a");
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, { timeout: 10000 });
  check("an example query finds something", true);
  await searchFor(page, "村里有没有免费律师", false);
  const bad = await seriousViolations(page);
  check("search page with results and help: axe-core finds no critical or serious violation", bad.length === 0, bad.join("; "));
  await page.close();
}

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
    const bad = await seriousViolations(page);
    check(`${name}: axe-core finds no critical or serious violation`, bad.length === 0, bad.join("; "));
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
finish();
