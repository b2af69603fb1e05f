/**
 * `/aicc digest list` and the short confirmations of `digest add`, `remove`, `pause`, `resume` and
 * `run`. Pure: the handler passes each subscription with its next run time (from schedule.ts) and
 * its last delivery, and these functions only lay them out.
 */
import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import { channelLink, escapeMrkdwn, formatCount, formatTime, plural, truncate } from '../../slack/format.js';
import { button, chunkLines, context, header, section } from '../../slack/render/blocks.js';
import { LIMITS } from '../../slack/render/limits.js';
import { plainCell } from './columns.js';
import { describeSchedule } from './schedule.js';

/** What became of a digest's last slot. */
export type DeliveryStatus = 'posted' | 'posted-late' | 'unchanged' | 'missed' | 'failed';

export interface DigestDelivery {
  status: DeliveryStatus;
  /** When it was posted, skipped or given up on. */
  at: Date;
  /** The slot it was for. */
  scheduledFor?: Date;
  /** Why it failed (may be vendor or Slack text; escaped when shown). */
  detail?: string;
}

/** A subscription as these renderers need it; a stored `DigestSubscription` fits, plus two fields. */
export interface DigestListItem {
  id: number;
  channelId: string;
  vdn: number;
  at: string;
  days: string;
  timeZone: string;
  campaigns: 'all' | readonly string[];
  bots: readonly string[];
  whenMode: 'always' | 'changed';
  paused: boolean;
  /** The next scheduled instant; absent when paused. */
  nextRun?: Date;
  lastDelivery?: DigestDelivery;
}

export interface DigestListView {
  items: readonly DigestListItem[];
  /** Set when the list was narrowed to one channel. */
  channelId?: string;
}

/** The **Run now** button: posts the digest named by its value (the subscription id) at once. */
export const DIGEST_RUN_ACTION = 'digest_run';

export function digestRunButton(id: number, label = 'Run now'): Button {
  return button(`:arrow_forward: ${label}`, DIGEST_RUN_ACTION, String(id));
}

/** The subscription id a Run now button carries, or undefined for anything else. */
export function digestRunId(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}


function scheduleWords(item: DigestListItem): string {
  try {
    return describeSchedule(item);
  } catch {
    return `${escapeMrkdwn(truncate(plainCell(`${item.at} ${item.days} (${item.timeZone})`), 80))} :warning: not a valid schedule`;
  }
}

/** `Mon 2026-11-23 09:00` in the subscription's zone. */
/** One formatter per zone: the short zone name every time in a list carries (`GMT+8`, `UTC`). */
const zoneNames = new Map<string, Intl.DateTimeFormat>();

function zoneName(date: Date, timeZone: string): string {
  let f = zoneNames.get(timeZone);
  if (!f) zoneNames.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })));
  return f.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** A time in the subscription's zone, saying which (lists mix subscriptions of several zones). */
function when(date: Date, timeZone: string): string {
  try {
    return `${format(date, 'EEE yyyy-MM-dd HH:mm', { in: tz(timeZone) })} ${zoneName(date, timeZone)}`;
  } catch {
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  }
}

const code = (text: string): string => `\`${escapeMrkdwn(truncate(plainCell(text), 40))}\``;

function idList(ids: readonly string[], max = 10): string {
  const shown = ids.slice(0, max).map(code).join(', ');
  return ids.length > max ? `${shown} and ${formatCount(ids.length - max)} more` : shown;
}

/** "all campaigns of VDN 12, bots `943…`". */
export function scopeWords(item: Pick<DigestListItem, 'vdn' | 'campaigns' | 'bots'>): string {
  const campaigns = item.campaigns === 'all' ? `all campaigns of VDN ${item.vdn}` : `${plural(item.campaigns.length, 'campaign')} of VDN ${item.vdn} (${idList(item.campaigns)})`;
  return item.bots.length > 0 ? `${campaigns}; ${plural(item.bots.length, 'bot')} (${idList(item.bots)})` : campaigns;
}

const whenWords = (mode: DigestListItem['whenMode']): string => (mode === 'changed' ? 'only when the figures changed' : 'every time');

function deliveryWords(d: DigestDelivery, timeZone: string): string {
  const at = when(d.at, timeZone);
  const slot = d.scheduledFor ? ` (due ${when(d.scheduledFor, timeZone)})` : '';
  switch (d.status) {
    case 'posted':
      return `:white_check_mark: posted ${at}`;
    case 'posted-late':
      return `:hourglass: posted late ${at}${slot}`;
    case 'unchanged':
      return `:zzz: not posted ${at}: nothing changed`;
    case 'missed':
      return `:x: missed${slot}: the bot was not running within the grace period`;
    case 'failed':
      return `:warning: failed ${at}${d.detail ? `: ${escapeMrkdwn(truncate(plainCell(d.detail), 150))}` : ''}`;
  }
}

function itemText(item: DigestListItem): string {
  const state = item.paused ? '  ·  :double_vertical_bar: *paused*' : '';
  const next = item.paused ? 'no run while paused' : item.nextRun ? `next ${when(item.nextRun, item.timeZone)}` : 'no next run';
  const lines = [
    `*Digest ${item.id}*  ·  ${channelLink(item.channelId)}${state}`,
    `${scheduleWords(item)}  ·  ${next}`,
    `Covers ${scopeWords(item)}  ·  posts ${whenWords(item.whenMode)}`,
  ];
  if (item.lastDelivery) lines.push(`Last: ${deliveryWords(item.lastDelivery, item.timeZone)}`);
  return lines.join('\n');
}

/** Blocks the list may use: one is left for the Share button an ephemeral answer gets. */
const LIST_BLOCKS = LIMITS.blocksPerMessage - 1;

/** A digest in its own section, with a Run now button unless it is paused. */
function itemSection(item: DigestListItem, text: string): SectionBlock {
  const s = section(text);
  return item.paused ? s : { ...s, accessory: digestRunButton(item.id) };
}

/** Renders `/aicc digest list`. */
export function renderDigestList(view: DigestListView): KnownBlock[] {
  const where = view.channelId !== undefined ? ` in ${channelLink(view.channelId)}` : '';
  if (view.items.length === 0) {
    return [
      header('Digests'),
      section(`No digests${where} yet.`),
      context('Add one with `/aicc digest add #channel at:09:00 days:mon-fri`.'),
    ];
  }
  const items = [...view.items].sort((a, b) => a.id - b.id);
  const texts = items.map(itemText);
  // A button needs a section of its own (action ids are unique per block), so the first digests get
  // one each as far as the block budget allows; the rest share sections, a blank line apart, and
  // chunking never splits one digest across sections.
  const budget = LIST_BLOCKS - 3;
  const restChunks = (k: number) => chunkLines(texts.slice(k).map((t, i) => (i === 0 ? t : `\n${t}`)));
  let own = Math.min(items.length, budget);
  while (own > 0 && own + restChunks(own).length > budget) own--;
  return [
    header('Digests'),
    context(`${plural(view.items.length, 'digest')}${where}`),
    ...items.slice(0, own).map((item, i) => itemSection(item, texts[i]!)),
    ...restChunks(own).map((c) => section(c)),
    context('*Run now* or `/aicc digest run ID` posts one now  ·  `pause ID` / `resume ID`  ·  `remove ID`'),
  ];
}

/** Confirms `digest add`. */
export function renderDigestAdded(item: DigestListItem): KnownBlock[] {
  const next = item.nextRun && !item.paused ? `, first on ${when(item.nextRun, item.timeZone)}` : '';
  return [
    section(`:white_check_mark: *Digest ${item.id} added.* ${channelLink(item.channelId)} gets it at ${scheduleWords(item)}${next}.`),
    context(`Covers ${scopeWords(item)}  ·  posts ${whenWords(item.whenMode)}`),
    context(`\`/aicc digest run ${item.id}\` posts it now  ·  \`/aicc digest remove ${item.id}\` stops it`),
  ];
}

/** Confirms `digest remove`. */
export function renderDigestRemoved(id: number, channelId?: string): KnownBlock[] {
  const where = channelId !== undefined ? ` ${channelLink(channelId)} will not get it any more.` : '';
  return [section(`:wastebasket: *Digest ${id} removed.*${where}`)];
}

/** Confirms `digest pause` or `digest resume`, from the subscription's new state. */
export function renderDigestPauseChanged(item: DigestListItem): KnownBlock[] {
  if (item.paused) {
    return [section(`:double_vertical_bar: *Digest ${item.id} paused.* ${channelLink(item.channelId)} gets nothing until \`/aicc digest resume ${item.id}\`.`)];
  }
  const next = item.nextRun ? ` Next: ${when(item.nextRun, item.timeZone)} (${escapeMrkdwn(item.timeZone)}).` : '';
  return [section(`:arrow_forward: *Digest ${item.id} resumed.*${next}`)];
}

/** Confirms `digest run`: the digest is being posted now. */
export function renderDigestRunStarted(item: DigestListItem): KnownBlock[] {
  return [section(`:outbox_tray: Posting digest ${item.id} to ${channelLink(item.channelId)} now.`)];
}

/** A digest was posted by hand less than a minute ago. */
export function renderDigestRunTooSoon(item: Pick<DigestListItem, 'id' | 'channelId'>, retryAt: Date, timeZone: string): KnownBlock[] {
  return [section(`:hourglass: Digest ${item.id} was posted to ${channelLink(item.channelId)} a moment ago; it can be posted again at ${formatTime(retryAt, timeZone)} (${escapeMrkdwn(timeZone)}).`)];
}

/** How a digest posted by **Run now** went (the shape of the digest service's outcome). */
export type DigestRunOutcome = { status: 'posted' | 'late'; ts?: string } | { status: 'unchanged' } | { status: 'failed'; error: string };

/** Answers a **Run now** click, privately: posted, or why not. */
export function renderDigestRunOutcome(item: Pick<DigestListItem, 'id' | 'channelId'>, outcome: DigestRunOutcome): KnownBlock[] {
  switch (outcome.status) {
    case 'posted':
    case 'late':
      return [section(`:white_check_mark: Digest ${item.id} posted to ${channelLink(item.channelId)}.`)];
    case 'unchanged':
      return [section(`:zzz: Digest ${item.id} was not posted: nothing changed since the last one.`)];
    case 'failed':
      return [
        section(`:warning: *Digest ${item.id} could not be posted to ${channelLink(item.channelId)}.*\n${escapeMrkdwn(truncate(plainCell(outcome.error), 500))}`),
        context('Invite the bot to the channel, or check its permissions.'),
      ];
  }
}

/** A digest id that does not exist. */
export function renderDigestNotFound(id: number): KnownBlock[] {
  return [section(`:thinking_face: There is no digest ${id}.`), context('`/aicc digest list` shows the digests.')];
}

/** One delivery in words, for other answers (`/aicc status`): `Digest 3 <#C1>: :white_check_mark: posted Mon …`. */
export function deliveryLine(item: Pick<DigestListItem, 'id' | 'channelId' | 'timeZone'>, d: DigestDelivery): string {
  return `Digest ${item.id} ${channelLink(item.channelId)}: ${deliveryWords(d, item.timeZone)}`;
}
