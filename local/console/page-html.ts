/**
 * The console page's HTML shell. Static: channels, users and messages arrive over `/events` (or
 * `/api/state`), and the script and styles are separate files so the Content-Security-Policy can
 * forbid inline script — a second guard behind the renderer's escaping.
 */

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

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AICC Ops · local Slack console</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/console.css">
<link rel="stylesheet" href="/console-views.css">
</head>
<body>
<div class="app">
  <aside class="sidebar">
    <div class="workspace">
      <div class="ws-name">AICC demo</div>
      <div class="ws-sub"><span id="conn" class="conn conn-wait">connecting…</span></div>
    </div>
    <nav aria-label="Channels">
      <div class="nav-title">Channels</div>
      <ul id="channels" class="channels"></ul>
    </nav>
    <nav class="apps" aria-label="Apps">
      <div class="nav-title">Apps</div>
      <ul class="channels"><li><button type="button" id="home-button"><span class="hash">⌂</span><span class="name">AICC Ops · Home</span></button></li></ul>
    </nav>
    <div class="as">
      <label for="user">Typing as</label>
      <select id="user"></select>
    </div>
  </aside>
  <main class="main">
    <header class="channel-header">
      <h1 id="channel-title">#general</h1>
      <p id="channel-topic"></p>
    </header>
    <div id="timelines" class="timelines" aria-live="polite"></div>
    <section id="home-pane" class="home-pane" aria-label="Home tab" hidden></section>
    <form id="composer" class="composer" autocomplete="off">
      <div class="composer-box">
        <input id="input" name="text" type="text" spellcheck="false" placeholder="/aicc help" aria-label="Slash command">
        <button type="submit" class="send" aria-label="Send">Send</button>
      </div>
      <div class="hint">try <code data-fill="/aicc help">/aicc help</code>, <code data-fill="/aicc stats">/aicc stats</code>, <code data-fill="/aicc campaigns">/aicc campaigns</code> · Enter sends · ↑ recalls earlier commands</div>
    </form>
  </main>
</div>
<div id="modal-layer" class="modal-layer" hidden></div>
<script src="/console.js" defer></script>
<script src="/console-views.js" defer></script>
</body>
</html>
`;

/** A small "A" in the app's manifest colour, so the tab is recognisable. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d3557"/><text x="16" y="23" font-family="Arial,sans-serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">A</text></svg>`;
