/* resplist search: a character-bigram index split into small script files, loaded on demand.
   Script tags (not fetch) so that search works from file:// as well as from any web server. */
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";
  var loaded = {}, waiting = {}, meta = null, index = {}, docs = {};
  // Kind codes as in the index: department, office, duty, work item, boundary, regime, service.
  // Boundaries outweigh a title match elsewhere: they are where a citizen learns who leads.
  var WEIGHT = [4, 5, 3, 2, 9, 6, 5];
  var TITLE_BONUS = 6, SHOWN = 20;

  function done(name) {
    loaded[name] = true;
    (waiting[name] || []).forEach(function (f) { f(); });
    delete waiting[name];
  }
  window.resplistSearch = {
    meta: function (m) { meta = m; done("meta"); },
    index: function (n, grams) {
      var decoded = {};
      Object.keys(grams).forEach(function (g) {
        var sum = 0;
        decoded[g] = grams[g].map(function (d) { sum += d; return sum; });
      });
      index[n] = decoded;
      done("i" + n);
    },
    docs: function (n, rows) { docs[n] = rows; done("d" + n); }
  };

  function load(name) {
    return new Promise(function (resolve, reject) {
      if (loaded[name]) { resolve(); return; }
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push(resolve);
      if (!first) return;
      var s = document.createElement("script");
      s.src = root + "search/" + name + ".js";
      s.onerror = function () { reject(new Error("cannot load " + s.src)); };
      document.head.appendChild(s);
    });
  }

  var WORD = /[\p{Alphabetic}\p{N}]/u;
  function normalize(text) {
    var out = "";
    for (var ch of text) {
      var c = ch.codePointAt(0);
      if (c >= 0xFF01 && c <= 0xFF5E) ch = String.fromCodePoint(c - 0xFEE0);
      if (WORD.test(ch)) out += ch.toLowerCase();
    }
    return out;
  }
  function bigrams(term) {
    var chars = Array.from(term), grams = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      var g = chars[i] + chars[i + 1];
      if (grams.indexOf(g) < 0) grams.push(g);
    }
    return grams;
  }
  function shardOf(gram) {
    var h = 0;
    for (var ch of gram) h = (Math.imul(h, 31) + ch.codePointAt(0)) >>> 0;
    return h % meta.shards;
  }

  // Documents containing every bigram of the term: id → kind, whether every bigram is in the
  // title, and the fewest times any of them occurs (how often the term does, at most).
  function match(term) {
    var grams = bigrams(term), result = null;
    for (var g of grams) {
      var list = index[shardOf(g)][g] || [], next = new Map();
      for (var p of list) {
        var id = Math.floor(p / 128), hit = { kind: (p >> 1) & 7, title: (p & 1) === 1, count: (p >> 4) & 7 };
        if (result === null) next.set(id, hit);
        else if (result.has(id)) {
          var r = result.get(id);
          r.title = r.title && hit.title;
          r.count = Math.min(r.count, hit.count);
          next.set(id, r);
        }
      }
      result = next;
      if (result.size === 0) break;
    }
    return result || new Map();
  }



  async function search(query) {
    var terms = query.split(/\s+/).map(normalize).filter(function (t) { return t.length >= 2; });
    if (terms.length === 0) return null;
    await load("meta");
    var shards = new Set();
    terms.forEach(function (t) { bigrams(t).forEach(function (g) { shards.add(shardOf(g)); }); });
    await Promise.all(Array.from(shards).map(function (n) { return load("i" + n); }));
    var scores = null;
    for (var t of terms) {
      var m = match(t), next = new Map();
      m.forEach(function (hit, id) {
        if (scores !== null && !scores.has(id)) return;
        var base = scores === null ? WEIGHT[hit.kind] : scores.get(id).score;
        // How often the term occurs says how much the entry is about it.
        var score = base + (hit.title ? TITLE_BONUS : 0) + Math.min(hit.count, 6);
        next.set(id, { kind: hit.kind, score: score, title: (scores === null || scores.get(id).title) && hit.title });
      });
      scores = next;
    }
    var ranked = Array.from(scores.entries()).sort(function (a, b) { return b[1].score - a[1].score || a[0] - b[0]; });
    var total = ranked.length, results = [];
    // Load only the documents that will be shown (and a few spare, for the ones dropped below).
    for (var start = 0; results.length < SHOWN && start < ranked.length; start += SHOWN) {
      var batch = ranked.slice(start, start + SHOWN);
      var need = new Set(batch.map(function (e) { return Math.floor(e[0] / meta.docs_per_shard); }));
      await Promise.all(Array.from(need).map(function (n) { return load("d" + n); }));
      for (var e of batch) {
        var id = e[0], row = docs[Math.floor(id / meta.docs_per_shard)][id % meta.docs_per_shard];
        var title = normalize(row[0]);
        var score = e[1].score - Math.min(title.length, 100) / 100;
        // A title can hold every bigram without the term itself: then it is no title match.
        if (e[1].title && !terms.every(function (t) { return title.indexOf(t) >= 0; })) score -= TITLE_BONUS;
        if (terms.some(function (t) { return title.indexOf(t) === 0; })) score += 1;
        results.push({ id: id, score: score, kind: e[1].kind, row: row });
      }
    }
    results.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return { total: total, results: results.slice(0, SHOWN) };
  }

  function render(box, status, outcome, query) {
    box.textContent = "";
    var t = box.dataset;
    if (outcome === null) { status.textContent = query.trim() ? t.hint : ""; return; }
    status.textContent = outcome.results.length ? t.found.replace("{n}", outcome.total) : t.none;
    outcome.results.forEach(function (r) {
      var li = document.createElement("li"), row = r.row;
      li.className = "result";
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = meta.kinds[r.kind];
      var a = document.createElement("a");
      a.href = root + row[5];
      a.textContent = row[0];
      var head = document.createElement("p");
      head.className = "result-title";
      head.append(kind, " ", a);
      li.append(head);
      var facts = document.createElement("p");
      facts.className = "result-meta";
      facts.append(row[1]);
      if (row[2]) facts.append(" · " + row[2]);
      if (row[3]) {
        var tel = document.createElement("a");
        tel.className = "tel";
        tel.href = row[4];
        tel.textContent = row[3];
        facts.append(" · ", tel);
      }
      li.append(facts);
      box.append(li);
    });
  }

  function start() {
    var input = document.getElementById("search-q"), box = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!input || !box) return;
    document.documentElement.classList.add("js");
    var q = new URLSearchParams(location.search).get("q") || "";
    input.value = q;
    var latest = 0, timer = null;
    function run() {
      var mine = ++latest, query = input.value;
      search(query).then(function (outcome) {
        if (mine === latest) render(box, status, outcome, query);
      }, function (err) { status.textContent = String(err); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); });
    if (q) run();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
