/**
 * The report's only script, inlined: the status and check-id filters, the copy buttons, and
 * unfolding every `<details>` before printing. It reads the page's own markup (`data-status`,
 * `data-check`) and never fetches anything; without it the page shows everything.
 *
 * Written as plain ES2019 in a string: it runs in the reader's browser, not in Node, and the page's
 * Content-Security-Policy allows exactly this text (by its hash).
 */
export const PAGE_SCRIPT = `(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('.filters input[name="status"]'));
  var text = document.getElementById('check-filter');
  var shown = document.getElementById('shown-count');
  var checks = Array.prototype.slice.call(document.querySelectorAll('tbody.check'));

  function matcher(query) {
    var q = query.trim().toLowerCase();
    if (q === '') return function () { return true; };
    if (q.indexOf('*') >= 0) {
      var re = new RegExp('^' + q.split('*').map(function (part) { return part.replace(/[.+?^$\\{\\}()|[\\]\\\\]/g, '\\\\$&'); }).join('.*') + '$');
      return function (id) { return re.test(id.toLowerCase()); };
    }
    return function (id) { return id.toLowerCase().indexOf(q) >= 0; };
  }

  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var match = matcher(text ? text.value : '');
    var visible = 0;
    checks.forEach(function (tbody) {
      var show = on[tbody.getAttribute('data-status')] === true && match(tbody.getAttribute('data-check') || '');
      tbody.hidden = !show;
      if (show) visible++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('table.checks'), function (table) {
      var none = table.querySelector('tbody.none-match');
      if (none) none.hidden = table.querySelector('tbody.check:not([hidden])') !== null;
    });
    if (shown) shown.textContent = 'showing ' + visible + ' of ' + checks.length + ' checks';
  }

  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  if (text) text.addEventListener('input', apply);
  Array.prototype.forEach.call(document.querySelectorAll('.filters button[data-statuses]'), function (button) {
    button.addEventListener('click', function () {
      var wanted = button.getAttribute('data-statuses').split(' ');
      boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
      apply();
    });
  });

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (button) {
    button.addEventListener('click', function () {
      var code = button.parentNode.querySelector('.replay-cmd');
      var done = function (label) {
        button.textContent = label;
        setTimeout(function () { button.textContent = 'Copy'; }, 1500);
      };
      // The clipboard API needs a secure context and permission; selecting the text always works.
      var fallback = function () {
        selectText(code);
        var ok = false;
        try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
        done(ok ? 'Copied' : 'Selected');
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code.textContent).then(function () { done('Copied'); }, fallback);
      } else {
        fallback();
      }
    });
  });

  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
  apply();
})();
`;
