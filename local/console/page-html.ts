/**
 * The console page's HTML shell. Static: channels, users and messages arrive over `/events` (or
 * `/api/state`), and the script and styles are separate files so the Content-Security-Policy can
 * forbid inline script — a second guard behind the renderer's escaping. Its words carry
 * `data-i18n` keys, which `/console-i18n.js` turns into the reader's language (see ./l10n.ts).
 */
import { DEFAULT_LOCALE, LOCALE_INFO, translator } from '../../src/i18n/index.js';
import { CONSOLE_LANGUAGES, pageStrings, type PageKey } from './l10n.js';
import { escapeHtml } from './mrkdwn-html.js';

/** Served with every page response. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Block Kit images point anywhere on the web; they may load, but never run.
  'img-src * data:',
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page in its default language (English); the page script switches it to its reader's. */
export function pageHtml(): string {
  const tr = translator(DEFAULT_LOCALE);
  const s = pageStrings(tr);
  const info = LOCALE_INFO[DEFAULT_LOCALE];
  const x = (key: PageKey) => escapeHtml(s[key]);
  const text = (key: PageKey, tag = 'span', cls = '') => `<${tag}${cls ? ` class="${cls}"` : ''} data-i18n="${key}">${x(key)}</${tag}>`;
  const languages = CONSOLE_LANGUAGES.map((l) => `<option value="${escapeHtml(l.locale)}" lang="${escapeHtml(l.lang)}">${escapeHtml(l.name)}</option>`).join('');
  return `<!doctype html>
<html lang="${info.intl}" dir="${info.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${x('page.title')}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/console.css">
<link rel="stylesheet" href="/console-views.css">
</head>
<body>
<div class="app">
  <aside class="sidebar">
    <div class="workspace">
      ${text('page.workspace', 'div', 'ws-name')}
      <div class="ws-sub"><span id="conn" class="conn conn-wait" data-i18n="conn.connecting">${x('conn.connecting')}</span></div>
    </div>
    <nav aria-label="${x('nav.channels')}" data-i18n-aria-label="nav.channels">
      ${text('nav.channels', 'div', 'nav-title')}
      <ul id="channels" class="channels"></ul>
    </nav>
    <nav class="apps" aria-label="${x('nav.apps')}" data-i18n-aria-label="nav.apps">
      ${text('nav.apps', 'div', 'nav-title')}
      <ul class="channels"><li><button type="button" id="home-button"><span class="hash">⌂</span>${text('nav.home', 'span', 'name')}</button></li></ul>
    </nav>
    <div class="as">
      <label for="user" data-i18n="user.typingAs">${x('user.typingAs')}</label>
      <select id="user"></select>
      <label for="lang" data-i18n="language.label" title="${x('language.hint')}" data-i18n-title="language.hint">${x('language.label')}</label>
      <select id="lang" title="${x('language.hint')}" data-i18n-title="language.hint">${languages}</select>
    </div>
  </aside>
  <main class="main">
    <header class="channel-header">
      <h1 id="channel-title">#general</h1>
      <p id="channel-topic"></p>
    </header>
    <div id="timelines" class="timelines" aria-live="polite"></div>
    <section id="home-pane" class="home-pane" aria-label="${x('home.label')}" data-i18n-aria-label="home.label" hidden></section>
    <form id="composer" class="composer" autocomplete="off">
      <div class="composer-box">
        <input id="input" name="text" type="text" spellcheck="false" placeholder="/aicc help" aria-label="${x('composer.label')}" data-i18n-aria-label="composer.label">
        <button type="submit" class="send" aria-label="${x('composer.send')}" data-i18n-aria-label="composer.send" data-i18n="composer.send">${x('composer.send')}</button>
      </div>
      <div class="hint">${text('composer.try')} <code data-fill="/aicc help">/aicc help</code>, <code data-fill="/aicc stats">/aicc stats</code>, <code data-fill="/aicc campaigns">/aicc campaigns</code> · ${text('composer.keys')}</div>
    </form>
  </main>
</div>
<div id="modal-layer" class="modal-layer" hidden></div>
<script src="/console-i18n.js" defer></script>
<script src="/console.js" defer></script>
<script src="/console-views.js" defer></script>
</body>
</html>
`;
}

/** A small "A" in the app's manifest colour, so the tab is recognisable. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d3557"/><text x="16" y="23" font-family="Arial,sans-serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">A</text></svg>`;
