/** The console page's styles: Slack's layout and type scale, no web fonts (the machine may be offline). */
export const PAGE_CSS = `
:root {
  --sidebar: #3f0e40; --sidebar-text: #cfc3cf; --sidebar-active: #1164a3;
  --text: #1d1c1d; --muted: #616061; --line: #e8e8e8; --hover: #f8f8f8;
  --link: #1264a3; --green: #007a5a; --red: #e01e5a; --mention-bg: #e8f5fa; --mention: #1264a3;
  --code-bg: #f6f6f6; --code-line: #dddddd; --code-red: #c01343;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  font-size: 15px; line-height: 1.46668; color: var(--text);
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { background: #fff; }
.app { display: grid; grid-template-columns: 240px 1fr; height: 100vh; }

.sidebar { background: var(--sidebar); color: var(--sidebar-text); display: flex; flex-direction: column; min-height: 0; }
.workspace { padding: 14px 16px 12px; border-bottom: 1px solid rgba(255,255,255,.12); }
.ws-name { color: #fff; font-weight: 900; font-size: 18px; }
.ws-sub { font-size: 13px; margin-top: 2px; }
.conn::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; background: #e8912d; vertical-align: 1px; }
.conn-live::before { background: #2bac76; }
.conn-down::before { background: var(--red); }
nav { flex: 1; overflow-y: auto; padding: 12px 0; }
.nav-title { padding: 0 16px 6px; font-size: 14px; }
.channels { list-style: none; margin: 0; padding: 0 8px; }
.channels button { all: unset; box-sizing: border-box; display: flex; align-items: center; width: 100%; padding: 4px 8px 4px 16px; border-radius: 6px; cursor: pointer; font-size: 15px; color: var(--sidebar-text); }
.channels button:hover { background: rgba(0,0,0,.2); }
.channels button:focus-visible { outline: 2px solid #fff; }
.channels button.active { background: var(--sidebar-active); color: #fff; }
.channels button.unread { color: #fff; font-weight: 900; }
.channels .hash { width: 18px; opacity: .8; }
.channels .name { flex: 1; }
.badge { background: var(--red); color: #fff; border-radius: 9px; font-size: 12px; font-weight: 700; padding: 0 7px; }
.as { padding: 12px 16px 16px; border-top: 1px solid rgba(255,255,255,.12); font-size: 13px; }
.as label { display: block; margin-bottom: 6px; }
.as select { width: 100%; padding: 6px 8px; border-radius: 6px; border: 1px solid rgba(255,255,255,.3); background: #fff; color: var(--text); font: inherit; font-size: 14px; }
.as select + label { margin-top: 10px; }

.main { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
.channel-header { padding: 10px 20px; border-bottom: 1px solid var(--line); }
.channel-header h1 { margin: 0; font-size: 18px; font-weight: 900; }
.channel-header p { margin: 0; color: var(--muted); font-size: 13px; min-height: 1em; }
.timelines { flex: 1; overflow-y: auto; padding: 8px 0 12px; }
.timeline[hidden] { display: none; }
.intro { padding: 24px 20px 12px; color: var(--muted); }
.intro strong { display: block; color: var(--text); font-size: 22px; font-weight: 900; margin-bottom: 4px; }

.msg { display: flex; gap: 8px; padding: 8px 20px; }
.msg:hover { background: var(--hover); }
.msg.viewer-hidden { display: none; }
.avatar { flex: none; width: 36px; height: 36px; border-radius: 6px; display: flex; align-items: center; justify-content: center; color: #fff; font-weight: 900; font-size: 16px; margin-top: 3px; }
.avatar-bot { background: #1d3557; }
.avatar-0 { background: #2bac76; } .avatar-1 { background: #e8912d; } .avatar-2 { background: #1264a3; }
.avatar-3 { background: #9b59b6; } .avatar-4 { background: #e01e5a; } .avatar-5 { background: #4a8b8c; }
.msg-main { flex: 1; min-width: 0; }
.msg-meta { display: flex; align-items: baseline; gap: 6px; }
.msg-author { font-weight: 900; }
.msg-app { background: #e8e8e8; color: #616061; font-size: 10px; font-weight: 700; padding: 1px 4px; border-radius: 3px; letter-spacing: .02em; }
.msg-time { color: var(--muted); font-size: 12px; }
.msg-edited { color: var(--muted); font-size: 12px; }
.msg-note { color: var(--muted); font-size: 13px; display: flex; align-items: center; gap: 6px; }
/* Drawn, not an emoji, so it shows on machines without an emoji font. */
.msg-note::before { content: ""; width: 15px; height: 15px; background: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%23616061' stroke-width='2'%3E%3Cpath d='M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z'/%3E%3Ccircle cx='12' cy='12' r='3'/%3E%3C/svg%3E") no-repeat center / contain; }
.msg-ephemeral { background: #f4f8fb; border-left: 3px solid #1264a3; padding-left: 17px; }
.msg-ephemeral:hover { background: #eef4f9; }
.command { font-family: Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 14px; color: #1d1c1d; background: var(--code-bg); border: 1px solid var(--code-line); border-radius: 4px; padding: 1px 6px; }

.mrkdwn { white-space: pre-wrap; overflow-wrap: anywhere; }
.mrkdwn code, .b code { font-family: Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; color: var(--code-red); background: var(--code-bg); border: 1px solid var(--code-line); border-radius: 3px; padding: 1px 3px; }
.md-pre { font-family: Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; background: var(--code-bg); border: 1px solid var(--code-line); border-radius: 4px; padding: 8px; margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.md-quote { border-left: 4px solid #ddd; margin: 2px 0; padding: 0 0 0 12px; }
.md-li { display: flex; gap: 6px; padding-left: 4px; }
.md-li-nested { padding-left: 24px; }
.md-dot { flex: none; }
.md-nolink { text-decoration: underline dotted; color: var(--muted); }
.mention { background: var(--mention-bg); color: var(--mention); border-radius: 3px; padding: 0 2px; font-weight: 500; }
.mention-broadcast { background: #fef6e1; color: #8a5a00; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }

.b { margin: 4px 0; }
.b-header { font-size: 18px; font-weight: 900; margin: 4px 0 6px; }
.b-section { display: flex; gap: 12px; align-items: flex-start; }
.b-section-main { flex: 1; min-width: 0; }
.b-fields { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px 16px; margin-top: 2px; max-width: 600px; }
.b-field { min-width: 0; }
.b-accessory { flex: none; }
.b-accessory-img { width: 88px; height: 88px; object-fit: cover; border-radius: 6px; }
.b-context { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; color: var(--muted); font-size: 13px; }
.b-context-img { width: 20px; height: 20px; border-radius: 4px; }
.b-divider { border: 0; border-top: 1px solid var(--line); margin: 10px 0; }
.b-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.b-image img { max-width: min(100%, 480px); border-radius: 6px; display: block; }
.b-image figcaption { font-size: 13px; color: var(--muted); }
.b-img-missing, .b-unsupported { display: inline-block; color: var(--muted); font-size: 13px; border: 1px dashed #bbb; border-radius: 4px; padding: 1px 6px; }
.b-unknown { border: 1px dashed #c7a500; background: #fffbea; border-radius: 6px; padding: 6px 8px; }
.b-unknown-label { font-size: 12px; font-weight: 700; color: #7a5d00; }
.b-unknown pre { margin: 4px 0 0; font-size: 12px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 240px; overflow: auto; }
.b-table { overflow-x: auto; max-width: 100%; }
.b-table table { border-collapse: collapse; font-size: 14px; margin: 2px 0; }
.b-table td, .b-table th { border: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; white-space: nowrap; }
.b-table th { background: var(--hover); }
.b-table tr:first-child td { background: var(--hover); }
.b-table .al-right { text-align: right; font-variant-numeric: tabular-nums; }
.b-table .al-center { text-align: center; }
.b-table caption { text-align: left; color: var(--muted); font-size: 13px; padding-bottom: 2px; }
.b-table .rt-section { display: inline; }
.b-chart { margin: 6px 0; max-width: 100%; }
.chart-title { font-weight: 700; font-size: 14px; margin-bottom: 2px; }
.chart-svg { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.chart-grid { stroke: #eeeeee; stroke-width: 1; }
.chart-axis { stroke: #9a9a9a; stroke-width: 1; }
.chart-tick { fill: var(--muted); font-size: 11px; }
.chart-axis-title { fill: var(--muted); font-size: 11px; font-weight: 700; }
.chart-line { fill: none; stroke-width: 2.2; stroke-linejoin: round; }
.chart-area { stroke: none; fill-opacity: .18; }
.chart-dot { stroke: #fff; stroke-width: 1; }
.chart-slice { stroke: #fff; stroke-width: 1.5; }
.chart-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 13px; color: var(--muted); margin-top: 4px; }
.chart-key { display: inline-flex; align-items: center; gap: 5px; }
.chart-swatch { width: 10px; height: 10px; border-radius: 2px; display: inline-block; }
.chart-c0 { stroke: #1264a3; fill: #1264a3; } .chart-swatch.chart-c0 { background: #1264a3; }
.chart-c1 { stroke: #2bac76; fill: #2bac76; } .chart-swatch.chart-c1 { background: #2bac76; }
.chart-c2 { stroke: #e8912d; fill: #e8912d; } .chart-swatch.chart-c2 { background: #e8912d; }
.chart-c3 { stroke: #9b59b6; fill: #9b59b6; } .chart-swatch.chart-c3 { background: #9b59b6; }
.chart-c4 { stroke: #e01e5a; fill: #e01e5a; } .chart-swatch.chart-c4 { background: #e01e5a; }
.chart-c5 { stroke: #4a8b8c; fill: #4a8b8c; } .chart-swatch.chart-c5 { background: #4a8b8c; }
.chart-line.chart-c0, .chart-line.chart-c1, .chart-line.chart-c2, .chart-line.chart-c3, .chart-line.chart-c4, .chart-line.chart-c5 { fill: none; }
.rt-list { margin: 2px 0; padding-left: 24px; }
.rt-indent-1 { padding-left: 48px; } .rt-indent-2 { padding-left: 72px; } .rt-indent-3 { padding-left: 96px; }

.btn { display: inline-flex; align-items: center; gap: 4px; height: 32px; padding: 0 12px; border: 1px solid rgba(29,28,29,.3); border-radius: 4px; background: #fff; color: var(--text); font: inherit; font-size: 14px; font-weight: 700; cursor: pointer; white-space: nowrap; text-decoration: none; }
.btn:hover { background: #f8f8f8; box-shadow: 0 1px 3px rgba(0,0,0,.08); text-decoration: none; }
.btn:focus-visible { outline: 2px solid #1264a3; outline-offset: 1px; }
.btn-primary { background: var(--green); border-color: var(--green); color: #fff; }
.btn-primary:hover { background: #148567; }
.btn-danger { background: #fff; border-color: var(--red); color: var(--red); }
.btn-danger:hover { background: #fdf2f5; }
.btn:disabled, .btn.busy { opacity: .55; cursor: progress; }

.thread { margin-top: 6px; }
.thread-count { color: var(--link); font-size: 13px; font-weight: 700; }
.thread-replies { border-left: 2px solid var(--line); margin-top: 4px; }
.thread-replies .msg { padding: 6px 0 6px 12px; }
.files { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; }
.file { display: flex; gap: 6px; align-items: center; border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; font-size: 14px; }

.note { margin: 4px 20px 4px 64px; padding: 6px 10px; border-radius: 6px; font-size: 14px; }
.note-error { background: #fdf2f5; color: #a0173f; border: 1px solid #f5c6d5; }

.composer { padding: 0 20px 14px; }
.composer-box { display: flex; align-items: center; border: 1px solid #bbbabb; border-radius: 8px; padding: 4px 4px 4px 12px; background: #fff; }
.composer-box:focus-within { border-color: #868686; box-shadow: 0 0 0 3px rgba(29,155,209,.15); }
.composer input { flex: 1; border: 0; outline: 0; font: inherit; font-size: 15px; padding: 8px 0; min-width: 0; background: transparent; }
.send { border: 0; border-radius: 4px; background: var(--green); color: #fff; font: inherit; font-weight: 700; font-size: 14px; padding: 6px 14px; cursor: pointer; }
.send:hover { background: #148567; }
.hint { color: var(--muted); font-size: 12px; margin-top: 6px; }
.hint code { font-family: Menlo, Consolas, "DejaVu Sans Mono", monospace; background: var(--code-bg); border: 1px solid var(--code-line); border-radius: 3px; padding: 0 3px; cursor: pointer; color: var(--text); }
.hint code:hover { border-color: #aaa; }

@media (max-width: 700px) {
  .app { grid-template-columns: 1fr; grid-template-rows: auto 1fr; }
  .sidebar { flex-direction: row; flex-wrap: wrap; align-items: center; }
  nav { padding: 4px 0; }
  .b-fields { grid-template-columns: 1fr; }
}
`;
