/**
 * The console page's script, served as `/console.js` (plain ES2019, no build step). It inserts the
 * server-rendered HTML it receives over SSE (or by polling `/api/state` when SSE fails), and turns
 * the composer and button clicks into `/api/command` and `/api/action` calls. Everything it builds
 * itself uses `textContent`; the only HTML it inserts is the server's escaped rendering.
 *
 * Its words come from `window.consoleI18n` (/console-i18n.js, see ./l10n.ts), in the language of
 * the person it types as; the language picker changes that person's Slack language through
 * `/api/language`, so the bot answers them in it too.
 */
export const PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var I = window.consoleI18n;
  var t = I.t;
  var ui = { channels: $('channels'), user: $('user'), lang: $('lang'), timelines: $('timelines'), title: $('channel-title'),
    topic: $('channel-topic'), form: $('composer'), input: $('input'), conn: $('conn') };
  var channels = [];
  var people = new Map();   // user id -> { locale, labels }
  var current = null;
  var known = new Map();   // element id -> html, to skip unchanged items when polling
  var unread = {};
  var gotState = false;
  var pollTimer = null;
  var HISTORY_KEY = 'aicc-console-history';
  var sent = loadHistory();
  var sentPos = sent.length;
  var draft = '';

  function store(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  function stored(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function loadHistory() {
    try {
      var h = JSON.parse(stored(HISTORY_KEY) || '[]');
      return Array.isArray(h) ? h.filter(function (x) { return typeof x === 'string'; }).slice(-50) : [];
    } catch (e) { return []; }
  }
  function viewer() { return ui.user.value; }

  function setConn(kind, key) { ui.conn.className = 'conn conn-' + kind; ui.conn.dataset.i18n = key; ui.conn.textContent = t(key); }

  /** The console speaks the language of the person it types as (their Slack language). */
  function speakAs(id) {
    var p = people.get(id);
    var locale = p && p.locale ? p.locale : I.locale();
    ui.lang.value = locale;
    I.use(locale);
  }

  function labelUsers() {
    Array.prototype.forEach.call(ui.user.options, function (o) {
      var p = people.get(o.value);
      if (p && p.labels) o.textContent = p.labels[I.locale()] || o.textContent;
    });
  }

  function renderChannels() {
    ui.channels.textContent = '';
    channels.forEach(function (c) {
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.dataset.channel = c.id;
      var hash = document.createElement('span'); hash.className = 'hash'; hash.textContent = '#';
      var name = document.createElement('span'); name.className = 'name'; name.textContent = c.name;
      b.appendChild(hash); b.appendChild(name);
      var n = unread[c.id] || 0;
      if (c.id === current) b.classList.add('active');
      if (n > 0 && c.id !== current) {
        b.classList.add('unread');
        var badge = document.createElement('span'); badge.className = 'badge'; badge.textContent = String(n);
        b.appendChild(badge);
      }
      b.addEventListener('click', function () { selectChannel(c.id); ui.input.focus(); });
      li.appendChild(b);
      ui.channels.appendChild(li);
    });
  }

  function renderUsers(users) {
    var before = people.get(viewer());
    var was = before ? before.locale : null;
    users.forEach(function (u) { people.set(u.id, { locale: u.locale, labels: u.labels }); });
    if (ui.user.options.length === 0) {
      var saved = stored('aicc-console-user');
      users.forEach(function (u) {
        var o = document.createElement('option');
        o.value = u.id;
        o.textContent = u.realName + ' (' + u.role + ')';
        ui.user.appendChild(o);
      });
      if (saved && users.some(function (u) { return u.id === saved; })) ui.user.value = saved;
    }
    var now = people.get(viewer());
    if (!was || (now && now.locale !== was)) speakAs(viewer());
    labelUsers();
  }

  function timelineFor(id) {
    var tl = ui.timelines.querySelector('.timeline[data-channel="' + CSS.escape(id) + '"]');
    if (tl) return tl;
    tl = document.createElement('section');
    tl.className = 'timeline';
    tl.dataset.channel = id;
    tl.hidden = id !== current;
    var c = channels.find(function (x) { return x.id === id; });
    var intro = document.createElement('div');
    intro.className = 'intro';
    var strong = document.createElement('strong');
    strong.textContent = '#' + (c ? c.name : id);
    intro.appendChild(strong);
    var words = document.createElement('span');
    words.dataset.i18n = 'channel.intro';
    words.textContent = t('channel.intro');
    intro.appendChild(words);
    tl.appendChild(intro);
    ui.timelines.appendChild(tl);
    return tl;
  }

  function selectChannel(id) {
    current = id;
    unread[id] = 0;
    var c = channels.find(function (x) { return x.id === id; });
    ui.title.textContent = '#' + (c ? c.name : id);
    ui.topic.textContent = c && c.topic ? c.topic : '';
    ui.input.placeholder = t('composer.placeholder', { channel: c ? c.name : id });
    timelineFor(id);
    Array.prototype.forEach.call(ui.timelines.children, function (tl) { tl.hidden = tl.dataset.channel !== id; });
    renderChannels();
    if (c) window.history.replaceState(null, '', '#' + encodeURIComponent(c.name));
    scrollToEnd();
  }

  function scrollToEnd() { ui.timelines.scrollTop = ui.timelines.scrollHeight; }
  function nearEnd() { return ui.timelines.scrollHeight - ui.timelines.scrollTop - ui.timelines.clientHeight < 80; }

  /** Ephemeral messages show only to the person they were sent to, as in Slack. */
  function applyViewer(root) {
    var nodes = root.matches && root.matches('[data-ephemeral-to]') ? [root] : [];
    Array.prototype.push.apply(nodes, root.querySelectorAll('[data-ephemeral-to]'));
    nodes.forEach(function (n) { n.classList.toggle('viewer-hidden', n.dataset.ephemeralTo !== viewer()); });
  }

  function fromHtml(html) {
    var tpl = document.createElement('template');
    tpl.innerHTML = html;
    return tpl.content.firstElementChild;
  }

  /** A channel the bot posted to that is not in the list (a DM, a channel a digest targets). */
  function ensureChannel(id) {
    if (channels.some(function (c) { return c.id === id; })) return;
    channels.push({ id: id, name: id.toLowerCase() });
    renderChannels();
  }

  function upsert(item, quiet) {
    if (known.get(item.id) === item.html) return;
    ensureChannel(item.channel);
    var node = fromHtml(item.html);
    if (!node) return;
    known.set(item.id, item.html);
    I.translate(node);
    node.dataset.order = String(item.order);
    applyViewer(node);
    var stick = item.channel === current && nearEnd();
    var old = document.getElementById(item.id);
    if (old) {
      old.replaceWith(node);
    } else {
      var tl = timelineFor(item.channel);
      var after = null;
      var items = tl.querySelectorAll(':scope > .msg');
      for (var i = items.length - 1; i >= 0; i--) {
        if (Number(items[i].dataset.order) < item.order) { after = items[i]; break; }
      }
      if (after) after.after(node);
      else if (items.length > 0) items[0].before(node);
      else tl.appendChild(node);
      if (!quiet && item.channel !== current && !node.classList.contains('viewer-hidden')) {
        unread[item.channel] = (unread[item.channel] || 0) + 1;
        renderChannels();
      }
    }
    if (stick) scrollToEnd();
  }

  function remove(id) {
    known.delete(id);
    var n = document.getElementById(id);
    if (n) n.remove();
  }

  function loadState(s) {
    gotState = true;
    var first = channels.length === 0;
    var extra = channels.filter(function (c) { return !s.channels.some(function (x) { return x.id === c.id; }); });
    channels = s.channels.concat(extra);
    renderUsers(s.users);
    if (first) {
      var wanted = '';
      try { wanted = decodeURIComponent(location.hash.slice(1)); } catch (e) { /* a hand-typed hash */ }
      var pick = channels.find(function (c) { return c.name === wanted; }) || channels[0];
      current = pick ? pick.id : null;
      renderChannels();
    }
    var ids = new Set(s.items.map(function (it) { return it.id; }));
    Array.from(known.keys()).forEach(function (id) { if (!ids.has(id)) remove(id); });
    // Only the first load is quiet: items that arrive by polling count as unread like live ones.
    s.items.forEach(function (it) { upsert(it, first); });
    if (first && current) selectChannel(current);
  }

  function note(channel, text) {
    var n = document.createElement('div');
    n.className = 'note note-error';
    n.setAttribute('role', 'alert');
    n.textContent = text;
    timelineFor(channel || current).appendChild(n);
    if ((channel || current) === current) scrollToEnd();
  }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) {
          return { ok: r.ok && j.ok !== false, error: j.error || ('HTTP ' + r.status) };
        });
      })
      .catch(function () { return { ok: false, error: t('note.unreachable') }; });
  }

  function pushHistory(text) {
    if (sent[sent.length - 1] !== text) sent.push(text);
    sent = sent.slice(-50);
    sentPos = sent.length;
    draft = '';
    store(HISTORY_KEY, JSON.stringify(sent));
  }

  ui.form.addEventListener('submit', function (e) {
    e.preventDefault();
    var raw = ui.input.value.trim();
    if (!raw || !current) return;
    var channel = current;
    var m = /^\/(\S+)\s*([\s\S]*)$/.exec(raw);
    if (!m) { note(channel, t('note.notSlash')); return; }
    if (m[1].toLowerCase() !== 'aicc') { note(channel, t('note.unknownCommand', { command: m[1] })); return; }
    pushHistory(raw);
    ui.input.value = '';
    post('/api/command', { channel: channel, user: viewer(), text: m[2] }).then(function (r) {
      if (!r.ok) note(channel, r.error);
    });
  });

  ui.input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowUp' && sentPos > 0) {
      if (sentPos === sent.length) draft = ui.input.value;
      sentPos--;
      ui.input.value = sent[sentPos];
      e.preventDefault();
    } else if (e.key === 'ArrowDown' && sentPos < sent.length) {
      sentPos++;
      ui.input.value = sentPos === sent.length ? draft : sent[sentPos];
      e.preventDefault();
    }
  });

  document.querySelector('.hint').addEventListener('click', function (e) {
    var fill = e.target.closest('[data-fill]');
    if (!fill) return;
    ui.input.value = fill.dataset.fill;
    ui.input.focus();
  });

  ui.user.addEventListener('change', function () {
    store('aicc-console-user', viewer());
    applyViewer(ui.timelines);
    speakAs(viewer());
  });

  // Picking a language is the person picking it in Slack: the bot answers them in it from now on.
  ui.lang.addEventListener('change', function () {
    var user = viewer();
    var locale = ui.lang.value;
    post('/api/language', { user: user, locale: locale }).then(function (r) {
      if (!r.ok) { note(current, r.error); speakAs(user); return; }
      var p = people.get(user) || {};
      p.locale = locale;
      people.set(user, p);
      if (viewer() === user) speakAs(user);
    });
  });

  document.addEventListener('console-language', function () {
    labelUsers();
    if (current) {
      var c = channels.find(function (x) { return x.id === current; });
      ui.input.placeholder = t('composer.placeholder', { channel: c ? c.name : current });
    }
  });

  ui.timelines.addEventListener('click', function (e) {
    var b = e.target.closest('[data-action-id]');
    if (!b) return;
    var msg = b.closest('.msg[data-ts]');
    if (!msg) return;
    if (b.tagName !== 'A') e.preventDefault();
    if (b.dataset.confirm && !window.confirm(b.dataset.confirm)) return;
    if (b.classList.contains('busy')) return;
    b.classList.add('busy');
    var channel = msg.dataset.channel;
    post('/api/action', {
      channel: channel, user: viewer(), messageTs: msg.dataset.ts, actionId: b.dataset.actionId,
      value: b.dataset.value, blockId: b.dataset.blockId, isEphemeral: msg.hasAttribute('data-ephemeral-to')
    }).then(function (r) {
      b.classList.remove('busy');
      if (!r.ok) note(channel, r.error);
    });
  });

  function poll() {
    fetch('/api/state').then(function (r) { return r.json(); }).then(function (s) {
      loadState(s);
      setConn('wait', 'conn.polling');
    }).catch(function () { setConn('down', 'conn.offline'); });
  }
  function startPolling() { if (!pollTimer) { poll(); pollTimer = setInterval(poll, 2000); } }
  function stopPolling() { if (pollTimer) { clearInterval(pollTimer); pollTimer = null; } }

  function connect() {
    if (!('EventSource' in window)) { startPolling(); return; }
    var es = new EventSource('/events');
    es.addEventListener('state', function (e) { stopPolling(); loadState(JSON.parse(e.data)); setConn('live', 'conn.live'); });
    // Someone's Slack language changed (here, in another tab, or by a test): follow it.
    es.addEventListener('user', function (e) {
      var u = JSON.parse(e.data);
      var p = people.get(u.id);
      if (!p) return;
      p.locale = u.locale;
      if (u.id === viewer()) speakAs(u.id);
    });
    es.addEventListener('upsert', function (e) { upsert(JSON.parse(e.data)); });
    es.addEventListener('remove', function (e) { remove(JSON.parse(e.data).id); });
    es.addEventListener('error', function () {
      if (es.readyState === EventSource.CLOSED) { setConn('down', 'conn.failed'); startPolling(); }
      else setConn('wait', 'conn.reconnecting');
    });
    setTimeout(function () { if (!gotState) startPolling(); }, 4000);
  }

  connect();
  ui.input.focus();
})();
`;
