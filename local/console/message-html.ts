/**
 * One timeline entry → HTML: author, time, the body (blocks, or mrkdwn text when there are no
 * blocks, or the slash command the user typed), markers for ephemeral and edited messages, files,
 * and a thread's replies indented under their parent. Pure, like the block renderer it uses. The
 * console's own words (APP, edited, …) are written in every language (see ./l10n.ts).
 */
import { blocksToHtml } from './blocks-html.js';
import { localized, type ConsoleKey } from './l10n.js';
import { escapeHtml, mrkdwnToHtml, type MentionNames } from './mrkdwn-html.js';

export interface MessageAuthor {
  name: string;
  isBot: boolean;
  /** Picks one of a few avatar colours, so people are told apart at a glance. */
  colour?: number;
}

export interface MessageView {
  /** The element id, unique in the page. */
  id: string;
  channel: string;
  /** Slack's ts; absent for the console's own lines (a typed command). */
  ts?: string;
  author: MessageAuthor;
  /** Display time, already formatted (the renderer reads no clock). */
  time: string;
  text?: string;
  blocks?: readonly unknown[];
  /** A slash command as typed, shown literally instead of text or blocks. */
  command?: string;
  /** The one user who sees this message. */
  ephemeralTo?: string;
  /** Shown only to this user, without the "Only visible to you" note (a slash command as typed). */
  visibleTo?: string;
  edited?: boolean;
  files?: ReadonlyArray<{ name: string; title?: string }>;
  replies?: readonly MessageView[];
}

/** Renders a message, and its thread replies when it has any. */
export function messageToHtml(view: MessageView, names: MentionNames = {}): string {
  const classes = ['msg', view.author.isBot ? 'msg-bot' : 'msg-user'];
  if (view.ephemeralTo !== undefined) classes.push('msg-ephemeral');
  if (view.command !== undefined) classes.push('msg-command');
  const attrs = [
    `id="${escapeHtml(view.id)}"`,
    `class="${classes.join(' ')}"`,
    `data-channel="${escapeHtml(view.channel)}"`,
    ...(view.ts !== undefined ? [`data-ts="${escapeHtml(view.ts)}"`] : []),
    ...(view.ephemeralTo !== undefined || view.visibleTo !== undefined ? [`data-ephemeral-to="${escapeHtml(view.ephemeralTo ?? view.visibleTo ?? '')}"`] : []),
  ].join(' ');
  const colour = view.author.isBot ? 'bot' : String(Math.abs(view.author.colour ?? 0) % 6);
  const initial = escapeHtml(Array.from(view.author.name.trim())[0]?.toUpperCase() ?? '?');
  const meta = [
    `<span class="msg-author">${escapeHtml(view.author.name)}</span>`,
    ...(view.author.isBot ? [words('span', 'msg-app', 'msg.app')] : []),
    `<span class="msg-time">${escapeHtml(view.time)}</span>`,
    ...(view.edited ? [words('span', 'msg-edited', 'msg.edited')] : []),
  ].join('');
  const note = view.ephemeralTo !== undefined ? words('div', 'msg-note', 'msg.onlyVisible') : '';
  return (
    `<article ${attrs}>` +
    `<div class="avatar avatar-${colour}" aria-hidden="true">${initial}</div>` +
    `<div class="msg-main"><div class="msg-meta">${meta}</div>${note}` +
    `<div class="msg-body">${body(view, names)}</div>${files(view)}${thread(view, names)}</div>` +
    '</article>'
  );
}

/** An element holding one of the console's own texts, in every language. */
function words(tag: string, cls: string, key: ConsoleKey, values?: Record<string, string | number>): string {
  const l = localized(key, values);
  return `<${tag} class="${cls}"${l.attr}>${l.html}</${tag}>`;
}

function body(view: MessageView, names: MentionNames): string {
  if (view.command !== undefined) return `<span class="command">${escapeHtml(view.command)}</span>`;
  if (view.blocks && view.blocks.length > 0) return blocksToHtml(view.blocks, names);
  if (view.text !== undefined && view.text !== '') return `<div class="mrkdwn">${mrkdwnToHtml(view.text, names)}</div>`;
  return '';
}

function files(view: MessageView): string {
  if (!view.files || view.files.length === 0) return '';
  const items = view.files.map((f) => `<div class="file"><span class="file-icon" aria-hidden="true">📄</span><span>${escapeHtml(f.title || f.name)}</span></div>`);
  return `<div class="files">${items.join('')}</div>`;
}

function thread(view: MessageView, names: MentionNames): string {
  const replies = view.replies ?? [];
  if (replies.length === 0) return '';
  return `<div class="thread">${words('div', 'thread-count', 'msg.replies', { n: replies.length })}<div class="thread-replies">${replies.map((r) => messageToHtml(r, names)).join('')}</div></div>`;
}
