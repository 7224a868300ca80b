/* resplist search: ranked partial matching over a character-bigram index split into small script
   files, loaded on demand; synonyms, words of asking and pinyin are read at query time.
   Script tags (not fetch) so that search works from file:// as well as from any web server.
   On a workspace's search page (the one with the #search-in select), the same engine runs over
   each member's own index, under <member>/search/, and the results are merged by score.
   How a query is read and ranked: docs/search.md. */
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";
  // Kind codes as in the index: department, office, duty, work item, boundary, regime, service.
  // Boundaries weigh most: they are where a resident learns who leads.
  var KIND_WEIGHT = [1.3, 1.2, 1.05, 1, 2.4, 1.25, 1.3];
  // What the words of asking ask for: phone → departments and offices (they show a number);
  // ask → boundaries (who is responsible); complaint → boundaries and departments.
  var INTENT_WEIGHT = {
    phone: [3, 2.2, 1, 1, 1, 1, 1],
    ask: [1, 1, 1, 1, 1.4, 1, 1],
    complaint: [1.2, 1, 1, 1, 1.2, 1, 1]
  };
  var SYNONYM = 0.85, PINYIN = 0.9, INITIALS = 0.7, SHOWN = 10, MAX_KEYS = 24, SUGGESTED = 3;
  var STOP = "的了吗呢啊吧呀么我你他她";

  // One engine per site whose index the page reads: the site itself (""), or each member of a
  // workspace. An index file registers with the engine whose script element is running it
  // (document.currentScript), so that files of different members may load at the same time.
  var engines = {}, owner = new WeakMap();
  function engineOf(site) { return engines[site] || (engines[site] = engine(site)); }
  function registered(name) {
    return function () {
      var script = document.currentScript, e = (script && owner.get(script)) || engineOf("");
      e.register[name].apply(null, arguments);
    };
  }
  window.resplistSearch = {
    meta: registered("meta"),
    words: registered("words"),
    index: registered("index"),
    docs: registered("docs"),
    pinyin: registered("pinyin"),
    // The search of this site; `across` searches the members named, as a workspace's page does.
    run: function (query, shown) { return searchIn([""], query, shown); },
    across: searchIn
  };

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
  // The keys of a text: its bigrams, or the character itself for one character.
  function keysOf(text) {
    var chars = Array.from(text), keys = [];
    if (chars.length === 1) return chars;
    for (var i = 0; i + 1 < chars.length; i++) {
      var g = chars[i] + chars[i + 1];
      if (keys.indexOf(g) < 0) keys.push(g);
    }
    return keys;
  }
  function shardOf(key, shards) {
    var h = 0;
    for (var ch of key) h = (Math.imul(h, 31) + ch.codePointAt(0)) >>> 0;
    return h % shards;
  }

  // A concept is one thing the resident asked for, with the texts that would each satisfy it.
  function concept(alts, optional) { return { alts: alts, optional: !!optional }; }
  function alt(text, weight) { return { text: text, weight: weight, keys: keysOf(text), latin: /^[a-z]{3,}$/.test(text) }; }
  // The keys to load, the resident's own words first, within MAX_KEYS (a phone's budget).
  function keysToLoad(parsed) {
    var keys = [];
    [1, 0].forEach(function (typed) {
      parsed.concepts.forEach(function (c) {
        c.alts.forEach(function (a, i) {
          if ((i === 0) === !!typed) a.keys.forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); });
        });
      });
    });
    return keys.slice(0, MAX_KEYS);
  }

  // The index of one site, `site` ("" for the page's own, else a member's folder), as far as it
  // is loaded, and the query engine over it.
  function engine(site) {
    var base = root + (site ? site + "/" : "") + "search/";
    var loaded = {}, waiting = {}, meta = null, words = null, index = {}, cut = {}, docs = {}, pinyin = {};
    var lexicon = null, longest = 2, syllables = null, self;

    function done(name) {
      loaded[name] = true;
      (waiting[name] || []).forEach(function (f) { f(); });
      delete waiting[name];
    }
    var register = {
      meta: function (m) { meta = m; done("meta"); },
      words: function (w) { words = w; done("words"); },
      index: function (n, grams, truncated) {
        var decoded = {};
        Object.keys(grams).forEach(function (g) {
          var sum = 0;
          decoded[g] = grams[g].map(function (d) { sum += d; return sum; });
        });
        index[n] = decoded;
        Object.keys(truncated || {}).forEach(function (g) { cut[g] = truncated[g]; });
        done("i" + n);
      },
      docs: function (n, rows) { docs[n] = rows; done("d" + n); },
      pinyin: function (n, keys) { pinyin[n] = keys; done("p" + n); }
    };

    function load(name) {
      return new Promise(function (resolve, reject) {
        if (loaded[name]) { resolve(); return; }
        var first = !waiting[name];
        (waiting[name] = waiting[name] || []).push(resolve);
        if (!first) return;
        var s = document.createElement("script");
        s.src = base + name + ".js";
        owner.set(s, self);
        s.onerror = function () { reject(new Error("cannot load " + s.src)); };
        document.head.appendChild(s);
      });
    }

    // The dictionary as a lookup: word → its synonym group, or the intent it expresses.
    function lexiconOf() {
      if (lexicon) return;
      lexicon = new Map();
      words.groups.forEach(function (group, i) {
        group.forEach(function (w) { lexicon.set(w, { group: i }); });
      });
      Object.keys(words.intent).forEach(function (intent) {
        words.intent[intent].forEach(function (w) { lexicon.set(w, { intent: intent }); });
      });
      lexicon.forEach(function (_, w) { longest = Math.max(longest, Array.from(w).length); });
      syllables = new Set(words.syllables || []);
    }

    function groupAlts(word, group, weight) {
      var alts = [alt(word, weight)];
      // Only the group's words that are in the list are worth looking up.
      words.found[group].forEach(function (i) {
        var w = words.groups[group][i];
        if (w !== word) alts.push(alt(w, weight * SYNONYM));
      });
      return alts;
    }

    // The query read as concepts and intents: each run of text is cut at the dictionary's words
    // and the words of asking (longest first); the words of asking become intents, dictionary
    // words bring their synonyms, what is left is searched as typed.
    function parse(query) {
      var concepts = [], intents = {}, asking = [];
      query.split(/\s+/).map(normalize).filter(Boolean).forEach(function (term) {
        if (/^[a-z]{2,24}$/.test(term) && syllables.size) { concepts.push(concept([alt(term, 1)].concat(pinyinPlaceholder(term)))); return; }
        var chars = Array.from(term), gap = "";
        function flush() {
          if (gap) concepts.push(concept([alt(gap, 1)], Array.from(gap).length === 1));
          gap = "";
        }
        for (var i = 0; i < chars.length;) {
          var hit = null;
          for (var len = Math.min(longest, chars.length - i); len >= 2 && !hit; len--) {
            var w = chars.slice(i, i + len).join(""), entry = lexicon.get(w);
            if (entry) hit = { word: w, entry: entry, len: len };
          }
          if (hit) {
            flush();
            if (hit.entry.intent) { intents[hit.entry.intent] = true; asking.push(hit.word); }
            else concepts.push(concept(groupAlts(hit.word, hit.entry.group, 1)));
            i += hit.len;
          } else {
            if (STOP.indexOf(chars[i]) >= 0) flush(); else gap += chars[i];
            i++;
          }
        }
        flush();
      });
      // Only words of asking ("投诉"): they are what is searched for.
      if (!concepts.some(function (c) { return !c.optional; }) && asking.length) {
        asking.forEach(function (w) { concepts.push(concept([alt(w, 1)])); });
        intents = {};
      }
      // A lone character is what the resident wants: it matches titles.
      if (concepts.length === 1) concepts[0].optional = false;
      return { concepts: concepts, intents: intents };
    }

    // Pinyin: the term split into syllables every way it can be (at most a few), and the keys of
    // neighbouring pairs (full pinyin, `zao'sheng`) and of initials (`#zs`); the lists they give
    // are chained into words once their shards are loaded.
    function pinyinPlaceholder(term) { return [{ pinyin: term, weight: PINYIN, keys: [] }]; }
    function segmentations(term) {
      var n = term.length, ends = [], out = [];
      // ends[i]: whether term[i..] splits into syllables.
      ends[n] = true;
      for (var i = n - 1; i >= 0; i--) {
        ends[i] = false;
        for (var len = 1; len <= 6 && i + len <= n && !ends[i]; len++) ends[i] = syllables.has(term.substr(i, len)) && ends[i + len];
      }
      (function go(i, acc) {
        if (out.length >= 4) return;
        if (i === n) { out.push(acc.slice()); return; }
        for (var len = Math.min(6, n - i); len >= 1; len--) {
          var s = term.substr(i, len);
          if (syllables.has(s) && ends[i + len]) { acc.push(s); go(i + len, acc); acc.pop(); }
        }
      })(0, []);
      return out.filter(function (s) { return s.length >= 2; });
    }
    function pinyinChains(term) {
      var chains = [];
      segmentations(term).forEach(function (syl) {
        var keys = [];
        for (var i = 0; i + 1 < syl.length; i++) keys.push(syl[i] + "'" + syl[i + 1]);
        chains.push({ keys: keys, weight: PINYIN });
      });
      if (term.length <= 6) {
        var keys = [];
        for (var i = 0; i + 1 < term.length; i++) keys.push("#" + term[i] + term[i + 1]);
        chains.push({ keys: keys, weight: INITIALS });
      }
      return chains;
    }
    function pieces(key) {
      var list = pinyin[shardOf(key, meta.pinyin_shards)][key] || "", chars = Array.from(list), out = [];
      for (var i = 0; i + 1 < chars.length; i += 2) out.push(chars[i] + chars[i + 1]);
      return out;
    }
    // Words whose neighbouring pairs are in the lists in turn, sharing a character: 环保 + 保局.
    function chain(keys) {
      var beam = pieces(keys[0]).map(function (p, r) { return { text: p, rank: r }; });
      for (var k = 1; k < keys.length; k++) {
        var next = [], list = pieces(keys[k]);
        beam.forEach(function (c) {
          list.forEach(function (p, r) {
            if (p[0] === c.text[c.text.length - 1]) next.push({ text: c.text + p[1], rank: c.rank + r });
          });
        });
        next.sort(function (a, b) { return a.rank - b.rank; });
        beam = next.slice(0, 16);
      }
      // Words the dictionary knows (department names among them) before chance chains.
      beam.forEach(function (c) { if (lexicon.has(c.text)) c.rank -= 1000; });
      beam.sort(function (a, b) { return a.rank - b.rank; });
      return beam.slice(0, 3).map(function (c) { return c.text; });
    }
    async function expandPinyin(parsed) {
      var todo = [];
      parsed.concepts.forEach(function (c) {
        c.alts.forEach(function (a) { if (a.pinyin) todo.push({ concept: c, alt: a, chains: pinyinChains(a.pinyin) }); });
      });
      if (!todo.length) return;
      var shards = new Set();
      todo.forEach(function (t) { t.chains.forEach(function (ch) { ch.keys.forEach(function (k) { shards.add(shardOf(k, meta.pinyin_shards)); }); }); });
      await Promise.all(Array.from(shards).map(function (n) { return load("p" + n); }));
      todo.forEach(function (t) {
        var seen = new Set(), typed = t.concept.alts.filter(function (a) { return !a.pinyin; }), alts = [];
        t.chains.forEach(function (ch) {
          chain(ch.keys).forEach(function (word) {
            if (seen.has(word) || seen.size >= 4) return;
            seen.add(word);
            var entry = lexicon.get(word);
            if (entry && entry.group !== undefined) alts.push.apply(alts, groupAlts(word, entry.group, ch.weight));
            else alts.push(alt(word, ch.weight));
          });
        });
        // The letters as typed come last: the words they spell are what the resident means.
        t.concept.alts = alts.concat(typed);
      });
    }

    function postings(key) {
      var shard = index[shardOf(key, meta.shards)];
      return (shard && shard[key]) || [];
    }

    // Every document holding any key, scored: per concept, the best of its texts by how much of
    // the text it holds (pieces weighted by rarity) and how well (title, repeats); documents that
    // hold every concept rank before partial matches.
    function score(parsed, loadedKeys) {
      var n = meta.docs, found = new Map(), alts = [];
      parsed.concepts.forEach(function (c) { c.alts.forEach(function (a) { alts.push(a); }); });
      alts.forEach(function (a, ai) {
        a.index = ai;
        a.den = 0;
        a.keys.forEach(function (key) {
          if (!loadedKeys.has(key)) return;
          var list = postings(key), df = cut[key] || list.length;
          var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          // A piece found nowhere still counts as missing from every document.
          if (df === 0) { a.den += idf; return; }
          // A key in very many documents is listed only for its best: it is not required.
          if (!cut[key]) a.den += idf;
          for (var p of list) {
            var id = Math.floor(p / 128), count = (p >> 4) & 7, title = (p & 1) === 1;
            var rec = found.get(id);
            if (!rec) { rec = { kind: (p >> 1) & 7, held: new Float64Array(alts.length), weight: new Float64Array(alts.length) }; found.set(id, rec); }
            if (!cut[key]) rec.held[ai] += idf;
            rec.weight[ai] += idf * (count * 2.2 / (count + 1.2)) * (title ? 2.5 : 1);
          }
        });
      });
      // Words found nowhere in the list still count: what holds the rest is a partial match.
      var required = parsed.concepts.filter(function (c) { return !c.optional; });
      var ranked = [];
      found.forEach(function (rec, id) {
        var total = 0, full = 0;
        parsed.concepts.forEach(function (c) {
          var best = 0, complete = false;
          c.alts.forEach(function (a) {
            var held = a.den > 0 ? rec.held[a.index] / a.den : (rec.weight[a.index] > 0 ? 1 : 0);
            // A word of Latin letters is there or not: its pieces ("is", "sh") are in any text.
            if (a.latin && held < 0.999) held = 0;
            // A long run of text is held when most of its pieces are: 建筑施工 in 建筑工地夜间施工.
            if (held > 0.999 || (a.keys.length >= 3 && held >= 0.6)) complete = true;
            best = Math.max(best, rec.weight[a.index] * a.weight * held * (c.optional ? 0.3 : 1));
          });
          total += best;
          if (complete && required.indexOf(c) >= 0) full++;
        });
        if (total <= 0) return;
        var weight = KIND_WEIGHT[rec.kind];
        Object.keys(parsed.intents).forEach(function (i) { weight *= INTENT_WEIGHT[i][rec.kind]; });
        var coverage = required.length ? full / required.length : 1;
        ranked.push({ id: id, kind: rec.kind, full: coverage === 1, score: total * weight * (0.5 + 0.5 * coverage) });
      });
      ranked.sort(function (a, b) { return (b.full - a.full) || (b.score - a.score) || (a.id - b.id); });
      return ranked;
    }

    async function rows(entries) {
      var need = new Set(entries.map(function (e) { return Math.floor(e.id / meta.docs_per_shard); }));
      await Promise.all(Array.from(need).map(function (n) { return load("d" + n); }));
      return entries.map(function (e) {
        return {
          id: e.id, kind: e.kind, kindName: meta.kinds[e.kind], site: site, order: e.order || 0,
          partial: !e.full, score: e.score, row: docs[Math.floor(e.id / meta.docs_per_shard)][e.id % meta.docs_per_shard]
        };
      });
    }

    // The boundaries whose titles share the most characters with the query's words: where a
    // resident with no match may still find who leads.
    async function closestBoundaries(parsed, exclude) {
      var chars = [];
      parsed.concepts.forEach(function (c) {
        c.alts.forEach(function (a) {
          for (var ch of a.text || "") if (!/[a-z0-9]/.test(ch) && chars.indexOf(ch) < 0) chars.push(ch);
        });
      });
      chars = chars.slice(0, 8);
      await Promise.all(Array.from(new Set(chars.map(function (c) { return shardOf(c, meta.shards); }))).map(function (s) { return load("i" + s); }));
      // A boundary shares two of the characters, or one that few boundary titles have.
      var shared = new Map();
      chars.forEach(function (c) {
        var titles = postings(c).filter(function (p) { return ((p >> 1) & 7) === 4; });
        var weight = titles.length <= 2 ? 2 : 1;
        titles.forEach(function (p) {
          var id = Math.floor(p / 128);
          if (!exclude.has(id)) shared.set(id, (shared.get(id) || 0) + weight);
        });
      });
      var best = Array.from(shared.entries()).filter(function (e) { return e[1] >= 2; });
      best.sort(function (a, b) { return (b[1] - a[1]) || (a[0] - b[0]); });
      return rows(best.slice(0, SUGGESTED).map(function (e) { return { id: e[0], kind: 4, full: true }; }));
    }

    // The query read and scored against this site's index: every document that holds any of
    // it, best first (null for a query with nothing to search).
    async function rank(query) {
      await Promise.all([load("meta"), load("words")]);
      lexiconOf();
      var parsed = parse(query);
      if (!parsed.concepts.length) return null;
      await expandPinyin(parsed);
      var keys = keysToLoad(parsed);
      await Promise.all(Array.from(new Set(keys.map(function (k) { return shardOf(k, meta.shards); }))).map(function (n) { return load("i" + n); }));
      var ranked = score(parsed, new Set(keys));
      return {
        parsed: parsed, ranked: ranked,
        full: ranked.filter(function (r) { return r.full; }).length,
        // Whether a piece of the query was listed only for its best documents: then there are more.
        capped: keys.some(function (k) { return cut[k]; })
      };
    }

    // The entries of a ranking to show, with what they show. A title or phone that holds a word
    // whole outranks one that holds only its pieces.
    async function show(ranking, entries) {
      var results = await rows(entries);
      results.forEach(function (r) {
        var title = normalize(r.row[0]), phone = normalize(r.row[3]);
        ranking.parsed.concepts.forEach(function (c) {
          var whole = c.alts.some(function (a) {
            return a.text && a.keys.length > 1 && (title.indexOf(a.text) >= 0 || phone.indexOf(a.text) >= 0);
          });
          if (whole) r.score *= 1.5;
        });
      });
      return results;
    }

    self = { register: register, rank: rank, show: show, suggest: closestBoundaries };
    return self;
  }

  // Entries ranked across sites: complete matches first, then by score; a tie keeps the order
  // of the sites, then of the documents.
  function byScore(a, b) { return (b.full - a.full) || (b.score - a.score) || (a.order - b.order) || (a.id - b.id); }
  function byShown(a, b) { return (a.partial - b.partial) || (b.score - a.score) || (a.order - b.order) || (a.id - b.id); }

  // The query over the sites named, in parallel, each with its own index: every site's best,
  // merged by score, and the rows of those shown. On one site, its own search.
  async function searchIn(sites, query, shown) {
    if (!normalize(query)) return null;
    shown = shown || SHOWN;
    var each = sites.map(engineOf);
    var rankings = await Promise.all(each.map(function (e) { return e.rank(query); }));
    var read = rankings.filter(Boolean);
    if (!read.length) return null;
    // The best `shown` of all are among each site's best `shown`.
    var best = [];
    rankings.forEach(function (r, order) {
      if (r) r.ranked.slice(0, shown).forEach(function (e) { e.order = order; best.push(e); });
    });
    best = best.sort(byScore).slice(0, shown);
    var parts = await Promise.all(each.map(function (e, order) {
      var mine = best.filter(function (b) { return b.order === order; });
      return mine.length ? e.show(rankings[order], mine) : [];
    }));
    var results = [].concat.apply([], parts).sort(byShown);
    var parsed = read[0].parsed, full = 0, total = 0;
    read.forEach(function (r) { full += r.full; total += r.ranked.length; });
    var outcome = {
      capped: read.some(function (r) { return r.capped; }),
      total: total, full: full, results: results, intents: parsed.intents, suggestions: [],
      // How the query was read: each concept's texts, for tests and for debugging.
      read: parsed.concepts.map(function (c) { return c.alts.map(function (a) { return a.text; }); })
    };
    if (each.length === 1 && full < SUGGESTED) {
      outcome.suggestions = await each[0].suggest(parsed, new Set(results.map(function (r) { return r.id; })));
    }
    return outcome;
  }

  // Where a result leads: into its own site, which on a workspace's page is the member's folder.
  function hrefOf(r) { return root + (r.site ? r.site + "/" : "") + r.row[5]; }

  function resultItem(r, places) {
    var li = document.createElement("li"), row = r.row;
    li.className = "result";
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = r.kindName;
    var a = document.createElement("a");
    a.href = hrefOf(r);
    a.textContent = row[0];
    var head = document.createElement("p");
    head.className = "result-title";
    // On a workspace's page, every result names its jurisdiction.
    if (r.site && places[r.site]) {
      var place = document.createElement("span");
      place.className = "place";
      place.textContent = places[r.site];
      head.append(place, " ");
    }
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
    if (r.partial) {
      var badge = document.createElement("span");
      badge.className = "partial";
      badge.textContent = document.getElementById("search-results").dataset.partial;
      head.append(" ", badge);
    }
    return li;
  }

  function render(els, outcome, query, scope) {
    var box = els.box, t = box.dataset;
    box.textContent = "";
    // Which query, and where, the list shows: tests wait for it.
    box.setAttribute("data-query", query);
    if (els.scope) box.setAttribute("data-in", scope);
    els.suggest.textContent = "";
    els.help.hidden = true;
    els.more.hidden = true;
    if (outcome === null) { els.status.textContent = query.trim() ? t.hint : ""; return; }
    var n = outcome.results.length;
    els.status.textContent = outcome.full > 0 ? (outcome.capped ? t.foundMany : t.found).replace("{n}", outcome.full)
      : n > 0 ? t.partialFound.replace("{n}", outcome.total) : t.none;
    outcome.results.forEach(function (r) { box.append(resultItem(r, els.places)); });
    els.more.hidden = outcome.total <= n;
    if (outcome.full < SUGGESTED) {
      els.help.hidden = false;
      // With no full match, the way on comes before the partial matches.
      if (outcome.full === 0) els.box.before(els.help); else els.more.parentNode.after(els.help);
      outcome.suggestions.forEach(function (r) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = hrefOf(r);
        a.textContent = r.row[0];
        li.append(a, " · " + r.row[1]);
        els.suggest.append(li);
      });
      els.suggestTitle.hidden = outcome.suggestions.length === 0;
    }
  }

  // A workspace's page offers its members in the #search-in select: all of them (""), or one.
  // Their names label the results.
  function scopeOf(select, wanted) {
    if (!select) return null;
    var members = [], places = {};
    Array.from(select.options).forEach(function (o) {
      if (o.value) { members.push(o.value); places[o.value] = o.textContent; }
    });
    if (members.indexOf(wanted) >= 0) select.value = wanted;
    return {
      places: places,
      sites: function () { return select.value ? [select.value] : members; }
    };
  }

  function start() {
    var input = document.getElementById("search-q"), box = document.getElementById("search-results");
    if (!input || !box) return;
    var params = new URLSearchParams(location.search), select = document.getElementById("search-in");
    var scope = scopeOf(select, params.get("in") || "");
    var els = {
      box: box,
      scope: scope,
      places: scope ? scope.places : {},
      status: document.getElementById("search-status"),
      help: document.getElementById("search-help"),
      suggest: document.getElementById("search-suggest"),
      suggestTitle: document.getElementById("search-suggest-title"),
      more: document.getElementById("search-more")
    };
    document.documentElement.classList.add("js");
    var q = params.get("q") || "";
    input.value = q;
    var latest = 0, timer = null, shown = SHOWN;
    function run() {
      var mine = ++latest, query = input.value, where = select ? select.value : "";
      searchIn(scope ? scope.sites() : [""], query, shown).then(function (outcome) {
        if (mine === latest) render(els, outcome, query, where);
      }, function (err) { els.status.textContent = String(err); });
    }
    // The address keeps the query, and where it was searched, for the back button and sharing.
    function remember() {
      var address = "?q=" + encodeURIComponent(input.value);
      if (select && select.value) address += "&in=" + encodeURIComponent(select.value);
      history.replaceState(null, "", address);
    }
    input.addEventListener("input", function () { shown = SHOWN; clearTimeout(timer); timer = setTimeout(run, 120); });
    input.form.addEventListener("submit", function (ev) { ev.preventDefault(); shown = SHOWN; run(); remember(); });
    if (select) select.addEventListener("change", function () { shown = SHOWN; run(); remember(); });
    els.more.addEventListener("click", function () { shown += SHOWN; run(); });
    if (q) run();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
