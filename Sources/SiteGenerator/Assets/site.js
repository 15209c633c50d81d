/* HelpCenter: relative dates, feedback form (search is search.js). Holds no visible text: it all comes from the page. */
(function () {
  'use strict';
  var doc = document;
  var lang = doc.documentElement.lang;
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  // 1. "Mis à jour le 18 novembre 2026" → "Mis à jour la semaine dernière", in the page's language only
  function relativeDates() {
    var rtf;
    try {
      if (!Intl.RelativeTimeFormat.supportedLocalesOf([lang]).length) return;
      rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    } catch (e) { return; } // unsupported or invalid lang: keep the absolute date
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    each(doc.querySelectorAll('time[data-relative]'), function (time) {
      var m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(time.getAttribute('datetime'));
      if (!m) return;
      var days = Math.round((today - Date.UTC(m[1], m[2] - 1, m[3])) / 864e5);
      if (days < 0) return; // a future date stays absolute
      var n = days, unit = 'day';
      if (days >= 365) { n = Math.round(days / 365.25); unit = 'year'; }
      else if (days >= 30) { n = Math.round(days / 30.44); unit = 'month'; }
      else if (days >= 7) { n = Math.round(days / 7); unit = 'week'; }
      time.title = time.textContent;
      time.textContent = rtf.format(n ? -n : 0, unit);
      var label = time.parentNode.querySelector('.updated-label[data-relative-label]');
      if (label) label.textContent = label.getAttribute('data-relative-label');
    });
  }

  // 2. Feedback: post the vote with fetch (the collector answers JSON), then offer the comment,
  //    which is a post of its own (vote=comment)
  function feedback(form) {
    var status = form.querySelector('.feedback-status');
    var box = form.querySelector('.feedback-comment');
    var comment = box && box.querySelector('textarea');
    var votes = form.querySelectorAll('fieldset button[name="vote"]');
    var vote = null, clicked = null, busy = false;
    var say = function (attr) { if (status) status.textContent = form.getAttribute(attr) || ''; };
    var enableVotes = function (on) { each(votes, function (b) { b.disabled = !on; }); };

    form.addEventListener('click', function (e) {
      clicked = e.target.closest ? e.target.closest('button') : null;
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var button = e.submitter || clicked;
      var isComment = button && button.value === 'comment';
      if (busy || !button || button.name !== 'vote') return;
      if (isComment && !(vote && comment.value.trim())) { if (comment) comment.focus(); return; }
      var body = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        if (name !== 'vote' && name !== 'comment') body.append(name, value);
      });
      body.append('vote', button.value);
      if (isComment) body.append('comment', comment.value);
      busy = true;
      enableVotes(false);
      button.disabled = true;
      fetch(form.action, {
        method: 'POST', body: body, mode: 'cors', credentials: 'omit', headers: { Accept: 'application/json' }
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          say('data-thanks');
          if (isComment) {
            box.hidden = true;
            if (status) { status.tabIndex = -1; status.focus(); }
          } else {
            vote = button.value;
            button.classList.add('selected');
            var support = form.querySelector('.feedback-support');
            if (support && vote === 'no') support.hidden = false;
            if (box && comment) { box.hidden = false; comment.focus(); }
          }
        })
        .catch(function () {
          say('data-error');
          button.disabled = false;
          if (!vote) enableVotes(true);
        })
        .then(function () { busy = false; });
    });
  }

  function start() {
    if (self.Intl && Intl.RelativeTimeFormat && lang) relativeDates();
    if (self.fetch && self.URLSearchParams) each(doc.querySelectorAll('form.feedback'), feedback);
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
  else start();
})();
