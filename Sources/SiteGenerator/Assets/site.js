/* HelpCenter: relative "updated" dates, feedback form, client-side search.
   Every visible string comes from the page (data-* attributes or its text):
   this file holds no user-visible text. */
(function () {
  'use strict';

  var doc = document;
  var lang = doc.documentElement.lang || '';
  var DAY = 86400000;

  /* 1. "Mis à jour le 18 novembre 2026" → "Mis à jour il y a 3 jours", in the page's language only. */
  function relativeDates() {
    var times = doc.querySelectorAll('time[data-relative]');
    if (!times.length || !lang || typeof Intl !== 'object' || typeof Intl.RelativeTimeFormat !== 'function') return;
    var rtf;
    try {
      if (!Intl.RelativeTimeFormat.supportedLocalesOf([lang]).length) return;
      rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    } catch (e) {
      return;
    }
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    Array.prototype.forEach.call(times, function (time) {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(time.getAttribute('datetime') || '');
      if (!m) return;
      var days = Math.round((today - Date.UTC(+m[1], +m[2] - 1, +m[3])) / DAY);
      if (days < 0 || isNaN(days)) return;
      var value = days, unit = 'day';
      if (days >= 365) { value = Math.max(1, Math.round(days / 365.25)); unit = 'year'; }
      else if (days >= 30) { value = Math.max(1, Math.round(days / 30.44)); unit = 'month'; }
      else if (days >= 7) { value = Math.round(days / 7); unit = 'week'; }
      var absolute = time.textContent;
      time.textContent = rtf.format(value === 0 ? 0 : -value, unit);
      time.title = absolute;
      var label = time.parentNode && time.parentNode.querySelector('.updated-label');
      var relativeLabel = label && label.getAttribute('data-relative-label');
      if (relativeLabel) label.textContent = relativeLabel;
    });
  }

  /* 2. Feedback form: send with fetch and stay on the page. */
  function feedback(form) {
    if (typeof fetch !== 'function' || typeof URLSearchParams !== 'function') return;
    var status = form.querySelector('.feedback-status');
    var commentBox = form.querySelector('.feedback-comment');
    var textarea = commentBox && commentBox.querySelector('textarea');
    var voteButtons = form.querySelectorAll('fieldset button[name="vote"]');
    var firstVote = null;
    var lastClicked = null;
    var busy = false;

    function say(attribute) {
      if (status) status.textContent = form.getAttribute(attribute) || '';
    }
    function setVoteButtons(disabled) {
      Array.prototype.forEach.call(voteButtons, function (b) { b.disabled = disabled; });
    }

    form.addEventListener('click', function (event) {
      var button = event.target.closest && event.target.closest('button');
      if (button && form.contains(button)) lastClicked = button;
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = event.submitter || lastClicked;
      lastClicked = null;
      if (busy || !button || button.name !== 'vote') return;
      var isComment = button.value === 'comment';
      if (isComment && (!firstVote || !textarea || !textarea.value.trim())) {
        if (textarea) textarea.focus();
        return;
      }
      var body = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        if (name !== 'vote' && name !== 'comment' && typeof value === 'string') body.append(name, value);
      });
      body.append('vote', isComment ? firstVote : button.value);
      if (isComment) body.append('comment', textarea.value);

      busy = true;
      if (!isComment) setVoteButtons(true);
      button.disabled = true;
      fetch(form.action, { method: 'POST', body: body, mode: 'cors', credentials: 'omit' })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          say('data-thanks');
          if (isComment) {
            commentBox.hidden = true;
            if (status) { status.tabIndex = -1; status.focus(); }
          } else {
            firstVote = button.value;
            button.classList.add('selected');
            if (commentBox && textarea) {
              commentBox.hidden = false;
              textarea.focus();
            }
          }
        })
        .catch(function () {
          say('data-error');
          if (!isComment) setVoteButtons(false);
          button.disabled = false;
        })
        .then(function () { busy = false; });
    });
  }

  /* 3. Search page: filter self.helpCenterSearchIndex in the browser. */
  var SPLIT;
  try { SPLIT = new RegExp('[\\s\\p{P}\\p{S}]+', 'u'); } catch (e) { SPLIT = /[\s!-\/:-@[-`{-~\u00a1-\u00bf\u2010-\u205e\u3000-\u303f]+/; }

  function normalize(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function words(query) {
    return normalize(query).split(SPLIT).filter(Boolean);
  }
  function occurrences(text, word) {
    var n = 0, i = text.indexOf(word);
    while (i !== -1) { n++; i = text.indexOf(word, i + word.length); }
    return n;
  }

  function search(list) {
    var index = self.helpCenterSearchIndex;
    var articles = (index && index.articles) || [];
    var status = doc.querySelector('.search-status');
    var form = doc.querySelector('.search-form');
    var input = (form && form.querySelector('input[name="q"]')) || doc.getElementById('search-query');
    var titles = articles.map(function (a) { return normalize(a.t || ''); });
    var keys = articles.map(function (a) { return normalize(a.k || ''); });
    var timer = 0;

    function element(tag, className, text) {
      var el = doc.createElement(tag);
      if (className) el.className = className;
      if (text) el.textContent = text;
      return el;
    }

    function run(query) {
      var terms = words(query);
      var found = [];
      if (terms.length) {
        articles.forEach(function (a, i) {
          var hits = 0;
          for (var w = 0; w < terms.length; w++) {
            var n = occurrences(keys[i], terms[w]);
            if (!n) return;
            hits += n;
          }
          var inTitle = terms.filter(function (t) { return titles[i].indexOf(t) !== -1; }).length;
          found.push({ a: a, title: inTitle, hits: hits, i: i });
        });
        found.sort(function (x, y) { return y.title - x.title || y.hits - x.hits || x.i - y.i; });
      }
      list.textContent = '';
      found.slice(0, 50).forEach(function (f) {
        var li = element('li');
        var link = element('a', '', f.a.t);
        var href = String(f.a.u || '');
        if (!/^\s*(javascript|data|vbscript):/i.test(href)) link.setAttribute('href', href);
        li.appendChild(link);
        if (f.a.x) li.appendChild(element('p', 'search-excerpt', f.a.x));
        if (f.a.c) li.appendChild(element('p', 'search-category', f.a.c));
        list.appendChild(li);
      });
      if (status) {
        var text = '';
        if (terms.length) {
          var count = found.length;
          text = count === 0 ? status.getAttribute('data-no-results')
            : count === 1 ? status.getAttribute('data-results-one')
            : status.getAttribute('data-results-other');
          text = (text || '').replace('{count}', String(count));
        }
        status.textContent = text;
      }
    }

    function remember(query) {
      try {
        var params = new URLSearchParams(location.search);
        if (query) params.set('q', query); else params.delete('q');
        var qs = params.toString();
        history.replaceState(history.state, '', qs ? '?' + qs : location.pathname);
      } catch (e) { /* file:// or sandboxed: keep the URL as it is */ }
    }

    var initial = new URLSearchParams(location.search).get('q') || '';
    if (input) {
      input.value = initial;
      input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { run(input.value); remember(input.value.trim()); }, 150);
      });
    }
    if (form && input) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        clearTimeout(timer);
        run(input.value);
        remember(input.value.trim());
      });
    }
    run(initial);
  }

  function start() {
    relativeDates();
    Array.prototype.forEach.call(doc.querySelectorAll('form.feedback'), feedback);
    var list = doc.querySelector('.search-results');
    if (list) {
      if (self.helpCenterSearchIndex) search(list);
      else self.addEventListener('load', function () { if (self.helpCenterSearchIndex) search(list); });
    }
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
  else start();
})();
