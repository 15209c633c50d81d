/* HelpCenter search: words, not substrings. The index is split (see SearchIndex.swift):
   index.js (the manifest) first, then the term files a query's words need, then the result
   files of the best documents. Every file is a same-origin script calling self.helpCenterSearch,
   so search works from file:// and under a CSP without eval. Holds no visible text. */
(function (root) {
  'use strict';

  // ---- The core: pure functions, shared with the tests (node) ----

  var fold = function (s) { return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); };
  var letter = /[\p{L}\p{N}]/u;

  /** The words the index would keep of a query, as the indexer splits them: runs of letters and
      digits, an apostrophe or a hyphen ending one, a hyphenated word also kept whole. */
  function words(text, stopWords) {
    var found = [], word = '', joined = '', hyphenated = false;
    function keep(w) {
      var f = fold(w);
      if ((f.length > 1 || /^\p{N}$/u.test(f)) && !stopWords[f]) found.push(f);
    }
    function flush(end) {
      if (word) keep(word);
      word = '';
      if (end) { if (hyphenated) keep(joined); joined = ''; hyphenated = false; }
    }
    for (var ch of String(text)) {
      if (letter.test(ch)) { word += ch; joined += ch; }
      else if ((ch === '-' || ch === '\u2011') && word) { hyphenated = true; flush(false); }
      else flush(true);
    }
    flush(true);
    return found;
  }

  /** Optimal-string-alignment distance (a transposition counts one), or limit + 1 past it. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = [], row;
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        row[j] = v;
        if (v < best) best = v;
      }
      if (best > limit) return limit + 1;
      prev2 = prev; prev = row;
    }
    return prev[b.length];
  }

  /** How many typos a word may hold: none under five letters, one, two from nine. */
  function typos(word) { return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0; }

  /** The term file that holds `word`: the longest prefix of it the manifest has. */
  function fileFor(word, files) {
    for (var n = Math.min(word.length, 6); n >= 0; n--) {
      var p = word.slice(0, n);
      if (Object.prototype.hasOwnProperty.call(files, p)) return p;
    }
    return null;
  }

  /** Prefixes whose files hold words starting with `start` (the word typed so far). */
  function filesStarting(start, files) {
    var found = [], own = fileFor(start, files);
    if (own !== null) found.push(own);
    for (var p in files) if (p.length > start.length && p.indexOf(start) === 0) found.push(p);
    return found;
  }

  /** What one query word matches in the loaded term files: [{word, df, postings, factor}].
      The word itself; else the longest stem of the index that starts it ("reinitialis" for
      "reinitialisation": the index holds the stems of the words that occur, so the page needs
      no stemmer); the last word as a prefix too; a typo when nothing else matched. */
  function matches(word, isLast, loaded) {
    var found = [], seen = {};
    function add(entry, w, factor) {
      if (!entry || seen[entry[2]]) return;
      seen[entry[2]] = true;
      found.push({ word: w, df: entry[1], postings: entry[2], factor: factor });
    }
    var has = Object.prototype.hasOwnProperty;
    loaded.forEach(function (chunk) { if (has.call(chunk.w, word)) add(chunk.s[chunk.w[word]], word, 1); });
    var exact = found.length > 0;
    if (!found.length) {
      var longest = null, from = null;
      loaded.forEach(function (chunk) {
        chunk.s.forEach(function (entry) {
          var stem = entry[0];
          if (stem.length >= 4 && stem.length < word.length && word.indexOf(stem) === 0 && (!longest || stem.length > longest[0].length)) {
            longest = entry; from = chunk;
          }
        });
      });
      if (longest) {
        var shown = word;
        for (var w in from.w) if (from.s[from.w[w]] === longest) { shown = w; break; }
        add(longest, shown, 0.9);
      }
    }
    if (isLast && word.length >= 3) {
      var prefixed = 0;
      loaded.forEach(function (chunk) {
        for (var w in chunk.w) {
          if (prefixed < 30 && w.length > word.length && w.indexOf(word) === 0) { add(chunk.s[chunk.w[w]], w, 0.8); prefixed++; }
        }
      });
    }
    // Typos unless the word itself is indexed: a stem that merely starts the word (a rare
    // form's short stem) must not hide the word the reader meant ("modifer" → "modifier").
    var limit = typos(word);
    if (!exact && limit) {
      loaded.forEach(function (chunk) {
        for (var w in chunk.w) if (distance(word, w, limit) <= limit) add(chunk.s[chunk.w[w]], w, 0.5);
      });
    }
    return found;
  }

  /** BM25: each stem's idf from its document frequency times the weights the index stored
      (already boosted by field and normalised by length), summed per document, times the
      share of the query's words the document holds. → [{doc, score, words}] best first. */
  function rank(queryMatches, documentCount) {
    var scores = {}, hits = {}, matched = {};
    queryMatches.forEach(function (list, q) {
      var stems = {};
      list.forEach(function (m) {
        if (stems[m.postings]) return; // two words of one stem count once
        stems[m.postings] = true;
        var idf = Math.log(1 + (documentCount - m.df + 0.5) / (m.df + 0.5));
        m.postings.split(' ').forEach(function (p) {
          if (!p) return;
          var colon = p.lastIndexOf(':'), doc = p.slice(0, colon), w = +p.slice(colon + 1) / 100;
          scores[doc] = (scores[doc] || 0) + idf * w * m.factor;
          (hits[doc] = hits[doc] || {})[q] = true;
          (matched[doc] = matched[doc] || []).push(m.word);
        });
      });
    });
    var total = queryMatches.filter(function (l) { return l.length; }).length || 1;
    return Object.keys(scores).map(function (doc) {
      var share = Object.keys(hits[doc]).length / total;
      return { doc: doc, score: scores[doc] * share, words: matched[doc] };
    }).sort(function (a, b) { return b.score - a.score || (a.doc < b.doc ? -1 : 1); });
  }

  /** The best document of each article, in order: a result names one place per article. */
  function perArticle(ranked, limit) {
    var seen = {}, out = [];
    for (var i = 0; i < ranked.length && out.length < limit; i++) {
      var article = ranked[i].doc.split('.')[0];
      if (seen[article]) continue;
      seen[article] = true;
      out.push(ranked[i]);
    }
    return out;
  }

  /** An excerpt of `text` around the first word found, as segments [text, isMatch]: the page
      builds text nodes and <mark> elements from them, never HTML. */
  function excerpt(text, found, size) {
    size = size || 180;
    var wanted = {};
    found.forEach(function (w) { wanted[w] = true; });
    var re = /[\p{L}\p{N}]+/gu, m, spans = [];
    while ((m = re.exec(text))) if (wanted[fold(m[0])]) spans.push([m.index, m.index + m[0].length]);
    var start = 0;
    if (spans.length && spans[0][0] > size / 3) {
      start = text.lastIndexOf(' ', spans[0][0] - size / 3) + 1;
    }
    var end = Math.min(text.length, start + size);
    if (end < text.length) { var space = text.lastIndexOf(' ', end); if (space > start) end = space; }
    var out = [], at = start;
    if (start > 0) out.push(['… ', false]);
    spans.forEach(function (s) {
      if (s[0] < at || s[1] > end) return;
      if (s[0] > at) out.push([text.slice(at, s[0]), false]);
      out.push([text.slice(s[0], s[1]), true]);
      at = s[1];
    });
    if (at < end) out.push([text.slice(at, end), false]);
    if (end < text.length) out.push([' …', false]);
    return out;
  }

  /** Every word of the loaded term files whose stem a query word matched: the forms an
      excerpt marks ("réinitialiser" for "réinitialisation", "passwords" for "pasword"), where
      the matched words alone are one form per stem. */
  function forms(perWord, loaded) {
    var stems = {}, out = [];
    perWord.forEach(function (list) { list.forEach(function (m) { stems[m.postings] = true; }); });
    loaded.forEach(function (chunk) {
      for (var w in chunk.w) if (stems[chunk.s[chunk.w[w]][2]]) out.push(w);
    });
    return out;
  }

  /** The indexed word nearest to `word` in the loaded term files, for "did you mean". */
  function nearest(word, loaded) {
    var best = null, bestDistance = 3;
    loaded.forEach(function (chunk) {
      for (var w in chunk.w) {
        var d = distance(word, w, 2);
        if (d < bestDistance || (d === bestDistance && best !== null && w < best)) { best = w; bestDistance = d; }
      }
    });
    return best;
  }

  /**
   * The form body that reports a query with no result to the collector, or null when it must
   * not be sent: blank, longer than the collector keeps (100 characters), or already sent from
   * this page (`sent`, normalised queries). Only the words and the locale: nothing of the reader.
   */
  function missBody(query, locale, sent) {
    var normal = String(query).replace(/\s+/g, ' ').trim().toLowerCase();
    if (!normal || normal.length > 100 || sent[normal]) return null;
    sent[normal] = true;
    return 'query=' + encodeURIComponent(normal) + '&locale=' + encodeURIComponent(locale);
  }

  var core = { fold: fold, words: words, distance: distance, fileFor: fileFor, filesStarting: filesStarting,
    matches: matches, rank: rank, perArticle: perArticle, excerpt: excerpt, forms: forms, nearest: nearest, missBody: missBody };
  if (typeof module === 'object' && module.exports) { module.exports = core; return; }

  // ---- The page: load what a query needs, show the results ----

  var doc = root.document;
  var manifest = null, termFiles = {}, docFiles = {}, waiting = {};
  function arrived(key) { (waiting[key] || []).forEach(function (f) { f(); }); delete waiting[key]; }
  root.helpCenterSearch = {
    index: function (m) { manifest = m; arrived('index'); },
    terms: function (prefix, data) { termFiles[prefix] = data; arrived('t:' + prefix); },
    docs: function (bucket, data) { docFiles[bucket] = data; arrived('d:' + bucket); }
  };
  function load(key, src, done) {
    (waiting[key] = waiting[key] || []).push(done);
    if (waiting[key].length > 1) return;
    var s = doc.createElement('script');
    s.src = src;
    s.onerror = function () { arrived(key); };
    doc.head.appendChild(s);
  }
  function loadAll(list, done) { // list: [[key, src, isLoaded]]
    var left = list.length;
    if (!left) return done();
    list.forEach(function (item) {
      if (item[2]()) { if (!--left) done(); return; }
      load(item[0], item[1], function () { if (!--left) done(); });
    });
  }
  function bucketOf(key) { return parseInt(key, 36) % manifest.b; }

  function start() {
    var list = doc.querySelector('.search-results');
    if (!list) return;
    var status = doc.querySelector('.search-status');
    var form = doc.querySelector('.search-form');
    var input = form && form.querySelector('input[name="q"]');
    var timer, missTimer, generation = 0, sentMisses = {};
    var missEndpoint = list.getAttribute('data-misses'), missLocale = list.getAttribute('data-locale') || '';
    // A query that still finds nothing after the reader stopped typing for 2 s goes to the
    // collector once: the words and the locale, no cookie, no referrer.
    function reportMiss(query) {
      clearTimeout(missTimer);
      if (!missEndpoint || !window.fetch) return;
      missTimer = setTimeout(function () {
        var body = missBody(query, missLocale, sentMisses);
        if (!body) return;
        fetch(missEndpoint, { method: 'POST', body: body, credentials: 'omit', keepalive: true, referrerPolicy: 'no-referrer',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' } })
          .catch(function () { /* the collector is down: the reader is not told */ });
      }, 2000);
    }
    function add(parent, tag, text, className) {
      var el = parent.appendChild(doc.createElement(tag));
      if (text) el.textContent = text;
      if (className) el.className = className;
      return el;
    }
    function say(attribute, count, suggestion) {
      if (!status) return;
      status.textContent = (status.getAttribute(attribute) || '').replace('{count}', count);
      if (suggestion) {
        status.appendChild(doc.createTextNode(' '));
        var text = status.getAttribute('data-did-you-mean') || '{word}';
        var parts = text.split('{word}');
        status.appendChild(doc.createTextNode(parts[0]));
        var link = add(status, 'a', suggestion);
        link.setAttribute('href', '?q=' + encodeURIComponent(suggestion));
        status.appendChild(doc.createTextNode(parts[1] || ''));
      }
    }
    function run(query) {
      var mine = ++generation;
      clearTimeout(missTimer);
      var stop = {};
      manifest.s.split(' ').forEach(function (w) { stop[w] = true; });
      var typed = words(query, stop);
      var typing = true; // the last word is a prefix, typed or submitted (as it would be while typing)
      if (!typed.length) { list.textContent = ''; if (status) status.textContent = ''; return; }
      var needed = {};
      typed.forEach(function (w, i) {
        var prefixes = i === typed.length - 1 && typing && w.length >= 3 ? filesStarting(w, manifest.t) : [fileFor(w, manifest.t)];
        prefixes.forEach(function (p) { if (p !== null) needed[p] = true; });
      });
      loadAll(Object.keys(needed).map(function (p) {
        return ['t:' + p, manifest.t[p], function () { return !!termFiles[p]; }];
      }), function () {
        if (mine !== generation) return;
        var loaded = Object.keys(needed).map(function (p) { return termFiles[p]; }).filter(Boolean);
        var perWord = typed.map(function (w, i) {
          return matches(w, i === typed.length - 1 && typing, loaded.filter(function (c) {
            for (var p in termFiles) if (termFiles[p] === c) return w.indexOf(p) === 0 || p.indexOf(w) === 0;
            return false;
          }));
        });
        var best = perArticle(rank(perWord, manifest.n), 10);
        var marked = forms(perWord, loaded);
        if (!best.length) {
          list.textContent = '';
          say('data-no-results', 0, nearest(typed[typed.length - 1], loaded));
          reportMiss(query);
          return;
        }
        loadAll(best.map(function (r) {
          var b = bucketOf(r.doc.split('.')[0]);
          return ['d:' + b, 'docs/' + b + '.js', function () { return !!docFiles[b]; }];
        }), function () {
          if (mine !== generation) return;
          list.textContent = '';
          var shown = 0;
          best.forEach(function (r) {
            var key = r.doc.split('.'), article = (docFiles[bucketOf(key[0])] || {})[key[0]];
            var section = article && article.s[+key[1]];
            if (!section) return;
            shown++;
            var li = add(list, 'li');
            var heading = add(li, 'h2', '', 'search-result-title');
            var link = add(heading, 'a', article.t);
            if (!/^\s*javascript:/i.test(article.u)) link.setAttribute('href', article.u + (section[1] ? '#' + section[1] : ''));
            if (section[0]) add(li, 'p', section[0], 'search-section');
            var p = add(li, 'p', '', 'search-excerpt');
            excerpt(section[2], r.words.concat(marked)).forEach(function (seg) {
              if (seg[1]) add(p, 'mark', seg[0]); else p.appendChild(doc.createTextNode(seg[0]));
            });
            if (article.c) add(li, 'p', article.c, 'search-category');
          });
          say(shown === 1 ? 'data-results-one' : 'data-results-other', shown);
        });
      });
    }
    function update() {
      clearTimeout(timer);
      run(input.value);
      try {
        var params = new URLSearchParams(location.search);
        if (input.value.trim()) params.set('q', input.value.trim()); else params.delete('q');
        history.replaceState(history.state, '', String(params) ? '?' + params : location.pathname);
      } catch (e) { /* refused (some file:// setups): results are shown anyway */ }
    }
    var query = new URLSearchParams(location.search).get('q') || '';
    if (input) {
      input.value = query;
      input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(update, 120); });
      form.addEventListener('submit', function (e) { e.preventDefault(); update(); });
    }
    if (query) run(query);
  }
  function ready() {
    if (manifest) start();
    else (waiting.index = waiting.index || []).push(start);
  }
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', ready);
  else ready();
})(this);
