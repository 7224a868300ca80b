// Runs the site's own search script (static/search.js) under Node, without a browser, on a built
// site: for each query, the top results and the bytes of search data the query loaded.
// Usage: node bench/search.mjs SITE_DIR [QUERY…]       (queries default to a small fixed set)
//        node bench/search.mjs SITE_DIR --set tests/browser/queries.mjs   (hit rate of a query set)
// On a workspace's site, the query runs across every member, as its search page does; with
// `--in MEMBER` first, in that member only.
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";

let [site, ...rest] = process.argv.slice(2);
if (!site) {
  console.error("usage: node bench/search.mjs SITE_DIR [--in MEMBER] [QUERY…] | --set FILE.mjs");
  process.exit(2);
}
// A workspace's search page offers its members in a select; they are searched as it does.
let members = null;
{
  let page = "";
  try { page = readFileSync(join(site, "search/index.html"), "utf8"); } catch (e) { /* a site without a search page */ }
  if (page.includes('id="search-in"')) members = [...page.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
}
if (rest[0] === "--in") { members = [rest[1]]; rest = rest.slice(2); }

let loadedBytes = 0;
const loadedFiles = new Set();
function sandbox() {
  const head = {
    appendChild(script) {
      const path = script.src;
      setImmediate(() => {
        let code;
        try { code = readFileSync(path, "utf8"); } catch (e) { script.onerror && script.onerror(e); return; }
        if (!loadedFiles.has(path)) { loadedFiles.add(path); loadedBytes += statSync(path).size; }
        // Each index file registers with the engine that added its script, as in a browser.
        document.currentScript = script;
        vm.runInContext(code, context, { filename: path });
        document.currentScript = null;
      });
    },
  };
  const document = {
    readyState: "complete",
    documentElement: { getAttribute: () => resolve(site) + "/", classList: { add() {} } },
    head,
    createElement: () => ({}),
    getElementById: () => null,
    addEventListener() {},
  };
  const context = vm.createContext({ document, location: { search: "" }, URLSearchParams, Promise, Map, Set, Math, Array, Object, String, Number, JSON, setTimeout, clearTimeout, console });
  context.window = context;
  let code = readFileSync(join(site, "static/search.js"), "utf8");
  // Sites built before `resplistSearch.run` existed: reach the search function all the same.
  if (!code.includes("resplistSearch.run")) code = code.replace("async function search(query) {", "window.__search = search; async function search(query) {");
  vm.runInContext(code, context);
  return context;
}

async function query(q) {
  const context = sandbox();
  loadedBytes = 0;
  loadedFiles.clear();
  const run = context.resplistSearch.run || context.__search;
  const outcome = members ? await context.resplistSearch.across(members, q) : await run(q);
  const rows = outcome ? outcome.results.map((r) => ({ title: r.row[0], url: (r.site ? r.site + "/" : "") + r.row[5], partial: !!r.partial, kind: r.kind })) : [];
  if (process.env.READ && outcome) console.log(JSON.stringify(outcome.read), JSON.stringify(outcome.intents));
  return { rows, bytes: loadedBytes, files: loadedFiles.size, total: outcome ? outcome.total : 0 };
}

if (rest[0] === "--set") {
  const { everyday } = await import(pathToFileURL(resolve(rest[1])).href);
  let hits = 0, maxBytes = 0;
  for (const c of everyday) {
    const r = await query(c.q);
    const top = r.rows.slice(0, c.first ? 1 : 3);
    const ok = top.some((row) => c.href.some((h) => (h.includes("#") ? row.url.includes(h) : row.url.endsWith(h))));
    if (ok) hits++;
    maxBytes = Math.max(maxBytes, r.bytes);
    if (process.env.BYTES) console.log(r.bytes, r.files, c.q); else console.log(`${ok ? "ok  " : "MISS"} ${c.q} → ${c.want}${ok ? "" : `  [top: ${r.rows.slice(0, 3).map((x) => x.title.slice(0, 24) + (x.partial ? "(部分)" : "")).join(" | ")}]`}`);
  }
  console.log(`${hits}/${everyday.length} in the top ${3}; most bytes loaded by one query: ${maxBytes}`);
} else {
  const queries = rest.length ? rest : ["噪声", "违法停车", "食品安全", "宅基地", "0000-6301 0103", "噪音", "打疫苗", "环保局电话"];
  for (const q of queries) {
    const r = await query(q);
    console.log(`${q}\t${r.total} results\t${r.bytes} bytes in ${r.files} files\t${r.rows.slice(0, 3).map((x) => x.title.slice(0, 20)).join(" | ")}`);
  }
}
