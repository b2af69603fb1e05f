/**
 * The console page's views: the Home tab (an "AICC Ops" entry under Apps in the sidebar) and modals
 * (drawn over the page for the person typing), served as `/console-views.js` and
 * `/console-views.css` beside the main script (plain ES2019, no build step). It inserts the
 * server-rendered, escaped HTML it receives over SSE, sends what people type and pick back as
 * plain values by block id (`/api/view/submit`, `/api/view/action`), asks the bot for an external
 * select's options as the user types (`/api/view/suggest`), and opens the Home tab (`/api/home`).
 * Its words come from `window.consoleI18n` (/console-i18n.js), as the main script's do.
 */
export const VIEWS_SCRIPT = String.raw`(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var ui = { user: $('user'), pane: $('home-pane'), layer: $('modal-layer'), home: $('home-button'), timelines: $('timelines'),
    composer: $('composer'), title: $('channel-title'), topic: $('channel-topic'), channels: $('channels') };
  var I = window.consoleI18n;
  var t = I.t;
  var views = new Map();
  var homeShown = false;

  function viewer() { return ui.user.value; }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (j) { j.ok = r.ok && j.ok !== false; return j; }); })
      .catch(function () { return { ok: false, error: t('note.unreachable') }; });
  }

  function setHtml(el, html, id) {
    if (el.dataset.viewId === id && el.dataset.html === html) return;
    el.dataset.viewId = id || '';
    el.dataset.html = html;
    var tpl = document.createElement('template');
    tpl.innerHTML = html;
    el.textContent = '';
    el.appendChild(tpl.content);
    I.translate(el);
  }

  function render() {
    var me = viewer();
    var all = Array.from(views.values());
    var home = all.filter(function (v) { return v.type === 'home' && v.user === me && !v.closed; }).pop();
    if (home) setHtml(ui.pane, home.html, home.id);
    else setHtml(ui.pane, '<div class="intro"><strong>AICC Ops</strong><span data-i18n="home.opening"></span></div>', '');
    var modal = all.filter(function (v) { return v.type === 'modal' && !v.closed && (!v.user || v.user === me); }).pop();
    ui.layer.hidden = !modal;
    if (modal) setHtml(ui.layer, modal.html, modal.id);
    else setHtml(ui.layer, '', '');
  }

  function showHome(on) {
    homeShown = on;
    ui.pane.hidden = !on;
    ui.timelines.hidden = on;
    ui.composer.hidden = on;
    ui.home.classList.toggle('active', on);
    if (on) {
      homeTitle();
      Array.prototype.forEach.call(ui.channels.querySelectorAll('button'), function (b) { b.classList.remove('active'); });
      post('/api/home', { user: viewer() });
    }
    render();
  }

  function homeTitle() {
    var who = ui.user.selectedOptions[0];
    ui.title.textContent = t('nav.home');
    ui.topic.textContent = t('home.topic', { name: who ? who.textContent : viewer() });
  }

  /** The values of a view's inputs, by block id, as the page shows them. */
  function collect(root) {
    var out = {};
    Array.prototype.forEach.call(root.querySelectorAll('.in[data-block-id]'), function (el) {
      var id = el.dataset.blockId;
      if (el.classList.contains('choices')) {
        var boxes = Array.prototype.filter.call(el.querySelectorAll('input'), function (i) { return i.checked; }).map(function (i) { return i.value; });
        out[id] = el.dataset.type === 'checkboxes' ? boxes : (boxes[0] || '');
      } else if (el.classList.contains('external')) {
        var sel = el.querySelector('select');
        out[id] = el.dataset.multi ? Array.prototype.filter.call(sel.options, function (o) { return o.selected; }).map(function (o) { return o.value; }) : sel.value;
      } else {
        out[id] = el.value;
      }
    });
    return out;
  }

  function noteIn(viewEl, text) {
    var n = viewEl.querySelector('.view-note');
    if (!n) { n = document.createElement('div'); n.className = 'view-note'; n.setAttribute('role', 'alert'); viewEl.appendChild(n); }
    n.textContent = text;
  }

  function onClick(e) {
    var viewEl = e.target.closest('[data-view-id]');
    if (!viewEl) return;
    var id = viewEl.dataset.viewId;
    if (e.target.closest('[data-modal-close]')) {
      post('/api/view/close', { user: viewer(), viewId: id });
      return;
    }
    if (e.target.closest('[data-modal-submit]')) {
      post('/api/view/submit', { user: viewer(), viewId: id, values: collect(viewEl) }).then(function (r) { if (!r.ok) noteIn(viewEl, r.error || t('note.notSent')); });
      return;
    }
    var b = e.target.closest('button[data-action-id], a[data-action-id]');
    if (!b) return;
    if (b.tagName !== 'A') e.preventDefault();
    if (b.dataset.confirm && !window.confirm(b.dataset.confirm)) return;
    if (b.classList.contains('busy')) return;
    b.classList.add('busy');
    post('/api/view/action', { user: viewer(), viewId: id, actionId: b.dataset.actionId, blockId: b.dataset.blockId, values: collect(viewEl) }).then(function (r) {
      b.classList.remove('busy');
      if (!r.ok) noteIn(viewEl, r.error || t('note.notSent'));
    });
  }

  var searchTimer = null;
  function onSearch(e) {
    var box = e.target.closest('.external .search');
    if (!box) return;
    var field = box.closest('.external');
    var viewEl = box.closest('[data-view-id]');
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      post('/api/view/suggest', { user: viewer(), viewId: viewEl.dataset.viewId, actionId: field.dataset.actionId, blockId: field.dataset.blockId, value: box.value }).then(function (r) {
        var sel = field.querySelector('select');
        var keep = Array.prototype.filter.call(sel.options, function (o) { return o.selected && o.value; });
        var kept = new Set(keep.map(function (o) { return o.value; }));
        sel.textContent = '';
        if (!field.dataset.multi) { var none = document.createElement('option'); none.value = ''; none.textContent = '—'; sel.appendChild(none); }
        keep.forEach(function (o) { sel.appendChild(o); });
        (r.options || []).forEach(function (o) {
          if (kept.has(o.value)) return;
          var opt = document.createElement('option');
          opt.value = o.value;
          opt.textContent = o.label;
          sel.appendChild(opt);
        });
        if (!r.ok) noteIn(viewEl, r.error || t('note.noOptions'));
      });
    }, 250);
  }

  ui.home.addEventListener('click', function () { showHome(true); });
  ui.channels.addEventListener('click', function () { if (homeShown) showHome(false); });
  ui.user.addEventListener('change', function () { if (homeShown) post('/api/home', { user: viewer() }); render(); });
  // A new language: the Home tab's header, and the bot's Home tab itself (the bot writes it in the person's language).
  document.addEventListener('console-language', function () {
    if (!homeShown) return;
    homeTitle();
    post('/api/home', { user: viewer() });
  });
  ui.pane.addEventListener('click', onClick);
  ui.layer.addEventListener('click', onClick);
  ui.layer.addEventListener('input', onSearch);
  ui.layer.addEventListener('focusin', function (e) { if (e.target.closest('.external .search') && !e.target.dataset.asked) { e.target.dataset.asked = '1'; onSearch(e); } });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape' || ui.layer.hidden) return;
    var m = ui.layer.querySelector('[data-view-id]');
    if (m) post('/api/view/close', { user: viewer(), viewId: m.dataset.viewId });
  });

  function take(item) { views.set(item.id, item); }
  function connect() {
    if (!('EventSource' in window)) return;
    var es = new EventSource('/events');
    es.addEventListener('state', function (e) { views.clear(); (JSON.parse(e.data).views || []).forEach(take); render(); });
    es.addEventListener('view', function (e) { take(JSON.parse(e.data)); render(); });
  }
  connect();
})();
`;

export const VIEWS_CSS = `
.apps { flex: none; padding-bottom: 8px; }
.home-pane { flex: 1; overflow-y: auto; padding: 16px 24px; }
.home-pane[hidden], .composer[hidden], .timelines[hidden] { display: none; }
.modal-layer { position: fixed; inset: 0; background: rgba(29,28,29,.45); display: flex; align-items: flex-start; justify-content: center; padding: 5vh 16px; z-index: 10; overflow-y: auto; }
.modal-layer[hidden] { display: none; }
.modal-view { background: #fff; border-radius: 8px; width: min(620px, 100%); box-shadow: 0 18px 48px rgba(0,0,0,.35); display: flex; flex-direction: column; max-height: 90vh; }
.modal-title { font-size: 20px; font-weight: 900; padding: 18px 24px 10px; border-bottom: 1px solid var(--line); }
.modal-body { padding: 12px 24px; overflow-y: auto; }
.modal-foot { display: flex; justify-content: flex-end; gap: 8px; padding: 12px 24px; border-top: 1px solid var(--line); }
.b-input { margin: 10px 0 14px; }
.in-label { display: block; font-weight: 700; margin-bottom: 4px; }
.optional { color: var(--muted); font-weight: 400; font-size: 13px; }
.in { font: inherit; font-size: 15px; }
input.in, select.in { width: 100%; padding: 7px 10px; border: 1px solid #bbbabb; border-radius: 6px; background: #fff; }
.choices { display: flex; flex-wrap: wrap; gap: 6px 14px; }
.choice { display: inline-flex; align-items: center; gap: 4px; font-weight: 400; }
.external { display: flex; flex-direction: column; gap: 4px; }
.external .search, .external select { font: inherit; font-size: 14px; padding: 6px 10px; border: 1px solid #bbbabb; border-radius: 6px; width: 100%; background: #fff; }
.hint-text { color: var(--muted); font-size: 13px; margin-top: 3px; }
.has-error input.in, .has-error select.in, .has-error .search { border-color: var(--red); }
.field-error { color: #a0173f; font-size: 13px; margin-top: 4px; }
.view-note { margin: 6px 24px 12px; color: #a0173f; font-size: 13px; }
`;
