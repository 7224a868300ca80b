// Browser checks of a built workspace (examples/province): the home page of jurisdictions, a
// topic compared member by member, and the one search over every member's own index, narrowed
// to one member by the select or by ?in=. Every page of the workspace's own: no sideways
// scrolling at 390 px, tap targets, axe-core.
// Usage: node workspace.mjs WORKSPACE_SITE_DIR
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { check, finish, launch, pages, searchFor, seriousViolations, shownResults, url } from "./lib.mjs";

const [site] = process.argv.slice(2);
if (!site) {
  console.error("usage: node workspace.mjs WORKSPACE_SITE_DIR");
  process.exit(2);
}
// The members of examples/province, in order, and who leads the noise topic in each.
const MEMBERS = [["chunjiang", "春江县"], ["qiushui", "秋水县"], ["qingshan", "青山县"]];
const NAME = Object.fromEntries(MEMBERS);
const NOISE_LEADS = { 春江县: "春江县环境保护局", 秋水县: "秋水县城市管理行政执法局", 青山县: "青山县公安局" };
const NOISE_BOUNDARIES = ["chunjiang/boundaries/zaosheng.html", "qiushui/boundaries/zaosheng.html", "qingshan/boundaries/zaosheng-raomin.html"];

// Whether a link of the page `from` (a path in the site) leads to a file of the site, and to an
// element of that file when it names one.
function resolves(from, href) {
  const [path, fragment] = href.split("#");
  const file = path ? resolve(dirname(join(site, from)), path) : join(site, from);
  if (!existsSync(file)) return false;
  return !fragment || readFileSync(file, "utf8").includes(`id="${fragment}"`);
}
const local = (hrefs) => hrefs.filter((h) => !/^(tel:|mailto:|https?:)/.test(h));
const memberOf = (href) => href.replace(/^\.\.\//, "").split("/")[0];
const browser = await launch();

// The home page lists the three counties, and its links lead somewhere.
{
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await page.goto(url(site, "index.html"));
  const rows = await page.$$eval("#members tbody th a", (as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
  check("home page: the three counties, in order, each linked to its site",
    JSON.stringify(rows) === JSON.stringify(MEMBERS.map(([id, name]) => [`${id}/index.html`, name])), JSON.stringify(rows));
  const links = local(await page.$$eval("main a", (as) => as.map((a) => a.getAttribute("href"))));
  const broken = links.filter((h) => !resolves("index.html", h));
  check("home page: every link leads to a file of the site", links.length > 0 && broken.length === 0, broken.join(" "));
  await page.click("#members tbody th a >> text=秋水县");
  const h1 = await page.textContent("h1");
  check("home page: following 秋水县 opens its list", page.url().endsWith("/qiushui/index.html") && h1.includes("秋水县"), `${page.url()} ${h1}`);
  await page.close();
}

// The noise topic compared: each county with the department that leads it there.
{
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await page.goto(url(site, "topics/zaosheng.html"));
  const rows = await page.$$eval("table.compare tbody tr", (trs) => trs.map((tr) => [
    tr.querySelector("th").textContent.trim(), tr.querySelector("td a") ? tr.querySelector("td a").textContent : null]));
  check("topics/zaosheng.html: 春江县, 秋水县 and 青山县, each with its lead department",
    JSON.stringify(rows) === JSON.stringify(Object.entries(NOISE_LEADS)), JSON.stringify(rows));
  const links = local(await page.$$eval("main a", (as) => as.map((a) => a.getAttribute("href"))));
  const broken = links.filter((h) => !resolves("topics/zaosheng.html", h));
  check("topics/zaosheng.html: every link leads to a file of the site", links.length > 0 && broken.length === 0, broken.join(" "));
  await page.close();
}

// The workspace's own pages (not the members' sites, which run.mjs covers as sites of their own).
{
  const own = pages(site).filter((f) => !NAME[relative(site, f).split("/")[0]]);
  check("the workspace's own pages: home, topics, search and 404", own.length >= 5, own.join(" "));
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  for (const file of own) {
    const name = relative(site, file);
    await page.goto(url(site, name));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(`${name}: no horizontal scrolling at 390 px`, width <= 390, `page is ${width} px wide`);
    const small = await page.$$eval("a.tel, button, input, select, .main-nav a", (els) =>
      els.filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 80)));
    check(`${name}: tap targets at least 44 px high`, small.length === 0, small.slice(0, 3).join(" "));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const file of own) {
    const name = relative(site, file);
    await page.goto(url(site, name));
    const bad = await seriousViolations(page);
    check(`${name}: axe-core finds no critical or serious violation`, bad.length === 0, bad.join("; "));
  }
  await page.close();
}

// The search files a page asks for, by member: [member, file] in the order requested.
function recordLoads(page) {
  const loads = [];
  page.on("request", (r) => {
    const m = /\/([^/]+)\/search\/([a-z]+\d*)\.js$/.exec(decodeURIComponent(r.url()));
    if (m) loads.push([m[1], m[2]]);
  });
  return loads;
}
const shards = (member) => JSON.parse(/resplistSearch\.meta\((.*)\);/.exec(readFileSync(join(site, member, "search/meta.js"), "utf8"))[1]).shards;
const statusCount = async (page) => Number(/\d+/.exec(await page.textContent("#search-status"))[0]);

// One search over every member; then the same narrowed to 秋水县 by the select.
let everywhere;
const counts = {};
{
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  const loads = recordLoads(page);
  await page.goto(url(site, "search/index.html"));
  everywhere = await searchFor(page, "噪声", true, "");
  const places = new Set(everywhere.map((r) => r.place));
  check("噪声 in every jurisdiction: results from the three counties", ["春江县", "秋水县", "青山县"].every((p) => places.has(p)),
    everywhere.map((r) => `${r.place} ${r.title}`).join(" | "));
  const mislabelled = everywhere.filter((r) => NAME[memberOf(r.href)] !== r.place || !r.href.startsWith("../"));
  check("噪声 in every jurisdiction: each result is labelled with the jurisdiction it leads into", everywhere.length > 0 && mislabelled.length === 0,
    mislabelled.map((r) => `${r.place} → ${r.href}`).join(" "));
  const broken = everywhere.filter((r) => !resolves("search/index.html", r.href));
  check("噪声 in every jurisdiction: every result's link leads to its page and entry", broken.length === 0, broken.map((r) => r.href).join(" "));
  const top = everywhere.slice(0, 3).map((r) => r.href.replace(/^\.\.\//, "")).sort();
  check("噪声 in every jurisdiction: the three counties' noise boundaries rank first",
    JSON.stringify(top) === JSON.stringify([...NOISE_BOUNDARIES].sort()), JSON.stringify(top));
  counts[""] = await statusCount(page);
  // Loaded in parallel: every member's meta.js is asked for before any member's index shard.
  const firstShard = loads.findIndex(([, f]) => /^i\d/.test(f));
  const metas = loads.map(([m, f], i) => f === "meta" ? [m, i] : null).filter(Boolean);
  check("every member's index is read in parallel", metas.length === 3 && metas.every(([, i]) => i < firstShard), JSON.stringify(loads));
  const excess = MEMBERS.map(([id]) => id).filter((id) => {
    const mine = loads.filter(([m, f]) => m === id && /^[ip]\d/.test(f));
    return mine.some(([, f]) => f.startsWith("p")) || mine.length >= shards(id);
  });
  check("a member loads only the index shards the query needs (no pinyin for 噪声, not every shard)", excess.length === 0,
    `${excess.join(" ")}: ${JSON.stringify(loads)}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check("workspace search results: no horizontal scrolling at 390 px", width <= 390, `page is ${width} px wide`);
  const bad = await seriousViolations(page);
  check("workspace search page with results: axe-core finds no critical or serious violation", bad.length === 0, bad.join("; "));

  // More results: the next ten of the merged list.
  if (counts[""] > everywhere.length) {
    await page.click("#search-more");
    await page.waitForFunction((n) => document.querySelectorAll("#search-results li").length > n, everywhere.length, { timeout: 10000 });
    const more = await shownResults(page, "噪声", "");
    check("显示更多结果 shows ten more, the first ten unchanged",
      more.length === Math.min(counts[""], 2 * everywhere.length) && more.slice(0, everywhere.length).every((r, i) => r.href === everywhere[i].href),
      `${more.length} shown of ${counts[""]}`);
  }

  for (const [id, name] of MEMBERS) {
    await page.selectOption("#search-in", id);
    const within = await shownResults(page, "噪声", id);
    counts[id] = await statusCount(page);
    const elsewhere = within.filter((r) => memberOf(r.href) !== id || r.place !== name);
    check(`噪声 in ${name} (the select): only ${name}'s results`, within.length > 0 && elsewhere.length === 0,
      elsewhere.map((r) => `${r.place} ${r.href}`).join(" "));
    // Merged by score, each member's results keep their order: those in the list of every
    // member are, in turn, among the member's own.
    const mine = everywhere.filter((r) => memberOf(r.href) === id).map((r) => r.href);
    let at = 0;
    for (const r of within) if (at < mine.length && r.href === mine[at]) at++;
    check(`噪声 in ${name}: its results in every jurisdiction's list keep its own order`, at === mine.length,
      `${JSON.stringify(mine)} in ${JSON.stringify(within.map((r) => r.href))}`);
  }
  const address = new URL(page.url()).searchParams;
  check("the address keeps the query and where it was searched", address.get("q") === "噪声" && address.get("in") === "qingshan", page.url());
  check("the count in every jurisdiction is the sum of the counts in each",
    counts[""] === counts.chunjiang + counts.qiushui + counts.qingshan, JSON.stringify(counts));
  await page.selectOption("#search-in", "");
  const again = await shownResults(page, "噪声", "");
  check("back to every jurisdiction, the list is the first one again", JSON.stringify(again.map((r) => r.href)) === JSON.stringify(everywhere.map((r) => r.href)));
  await page.close();
}

// A page opened with ?in=qiushui searches 秋水县 only, and loads nothing of the others.
{
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  const loads = recordLoads(page);
  await page.goto(url(site, "search/index.html") + "?q=" + encodeURIComponent("噪声") + "&in=qiushui");
  const results = await shownResults(page, "噪声", "qiushui");
  const chosen = await page.inputValue("#search-in");
  check("?in=qiushui: the select shows 秋水县", chosen === "qiushui", chosen);
  check("?in=qiushui: only 秋水县's results", results.length > 0 && results.every((r) => r.place === "秋水县" && memberOf(r.href) === "qiushui"),
    results.map((r) => `${r.place} ${r.href}`).join(" "));
  const others = loads.filter(([m]) => m !== "qiushui");
  check("?in=qiushui: no other member's search files are loaded", loads.length > 0 && others.length === 0, JSON.stringify(loads));
  // Pinyin is read with each member's own words too.
  await page.selectOption("#search-in", "");
  const pinyin = await searchFor(page, "zaosheng", false, "");
  check("zaosheng in every jurisdiction: the three noise boundaries first",
    JSON.stringify(pinyin.slice(0, 3).map((r) => r.href.replace(/^\.\.\//, "")).sort()) === JSON.stringify([...NOISE_BOUNDARIES].sort()),
    pinyin.slice(0, 5).map((r) => `${r.place} ${r.title}`).join(" | "));
  await page.close();
}

// A member's own search page, inside the workspace, is the site's search as before.
{
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await page.goto(url(site, "qiushui/search/index.html"));
  const results = await searchFor(page, "噪声");
  check("qiushui/search: its own results, without a jurisdiction label, links within its site",
    results.length > 0 && results.every((r) => r.place === null && resolves("qiushui/search/index.html", r.href)) &&
      results[0].href === "../boundaries/zaosheng.html", results.slice(0, 3).map((r) => r.href).join(" "));
  await page.close();
}

// Without JavaScript, the workspace's search page links to every jurisdiction.
{
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url(site, "search/index.html"));
  const links = await page.$$eval(".no-js a", (as) => as.map((a) => a.textContent));
  check("without JavaScript the workspace's search page links to every jurisdiction",
    (await page.isVisible(".no-js")) && JSON.stringify(links) === JSON.stringify(MEMBERS.map(([, n]) => n)), JSON.stringify(links));
  await context.close();
}

await browser.close();
finish();
