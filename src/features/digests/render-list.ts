/**
 * `/aicc digest list` and the short confirmations of `digest add`, `remove`, `pause`, `resume` and
 * `run`. Pure: the handler passes each subscription with its next run time (from schedule.ts) and
 * its last delivery, and these functions only lay them out.
 */
import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import { LOCALE_INFO, type Locale, type Translator } from '../../i18n/index.js';
import { channelLink, escapeMrkdwn, truncate } from '../../slack/format.js';
import { button, chunkLines, context, header, section } from '../../slack/render/blocks.js';
import { LIMITS } from '../../slack/render/limits.js';
import { plainCell } from './columns.js';
import { describeSchedule, weekdayName, type Weekday } from './schedule.js';

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
  /** Its own language; absent: the channel's. */
  lang?: Locale;
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

/** The button in the reader's language (English unless `tr` says otherwise). */
export function digestRunButton(id: number, tr: Translator): Button {
  return button(`:arrow_forward: ${tr.t('digests.run.button')}`, DIGEST_RUN_ACTION, String(id));
}

/** The subscription id a Run now button carries, or undefined for anything else. */
export function digestRunId(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

function scheduleWords(tr: Translator, item: DigestListItem): string {
  try {
    return describeSchedule(item, tr);
  } catch {
    return tr.t('digests.schedule.invalid', { schedule: escapeMrkdwn(truncate(plainCell(`${item.at} ${item.days} (${item.timeZone})`), 80)) });
  }
}

/** One formatter per zone: the short zone name every time in a list carries (`GMT+8`, `UTC`), and the weekday. */
const zoneParts = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Readonly<Record<string, Weekday>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function partsIn(date: Date, timeZone: string): { zone: string; weekday: Weekday | undefined } {
  let f = zoneParts.get(timeZone);
  if (!f) zoneParts.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short', weekday: 'short' })));
  const parts = f.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return { zone: part('timeZoneName') ?? timeZone, weekday: WEEKDAYS[part('weekday') ?? ''] };
}

/** A time in the subscription's zone, saying which (lists mix subscriptions of several zones): `Mon 2026-11-23 09:00 GMT+8`. */
function when(tr: Translator, date: Date, timeZone: string): string {
  try {
    const { zone, weekday } = partsIn(date, timeZone);
    return tr.t('digests.when', { weekday: weekday === undefined ? '' : weekdayName(tr, weekday), dateTime: tr.dateTime(date, timeZone), zone }).trim();
  } catch {
    return `${tr.dateTime(date, 'UTC')} UTC`;
  }
}

const code = (text: string): string => `\`${escapeMrkdwn(truncate(plainCell(text), 40))}\``;

function idList(tr: Translator, ids: readonly string[], max = 10): string {
  const shown = ids.slice(0, max).map(code).join(', ');
  return ids.length > max ? tr.t('digests.andMore', { items: shown, more: tr.count(ids.length - max) }) : shown;
}

/** "all campaigns of VDN 12; 1 bot (`943…`)", in English unless `tr` says otherwise. */
export function scopeWords(item: Pick<DigestListItem, 'vdn' | 'campaigns' | 'bots'>, tr: Translator): string {
  const vdn = String(item.vdn);
  const campaigns =
    item.campaigns === 'all' ? tr.t('digests.scope.all', { vdn }) : tr.t('digests.scope.some', { n: item.campaigns.length, vdn, ids: idList(tr, item.campaigns) });
  return item.bots.length > 0 ? tr.t('digests.scope.bots', { campaigns, n: item.bots.length, ids: idList(tr, item.bots) }) : campaigns;
}

/** "in 简体中文", or "in the channel's language". */
function languageWords(tr: Translator, lang: Locale | undefined): string {
  return lang ? tr.t('digests.lang.own', { language: LOCALE_INFO[lang].name }) : tr.t('digests.lang.channel');
}

const coversLine = (tr: Translator, item: DigestListItem): string =>
  tr.t('digests.item.covers', { scope: scopeWords(item, tr), when: tr.t('digests.whenMode', { mode: item.whenMode }), language: languageWords(tr, item.lang) });

function deliveryWords(tr: Translator, d: DigestDelivery, timeZone: string): string {
  const at = when(tr, d.at, timeZone);
  const due = d.scheduledFor ? when(tr, d.scheduledFor, timeZone) : undefined;
  switch (d.status) {
    case 'posted':
      return tr.t('digests.delivery.posted', { at });
    case 'posted-late':
      return due ? tr.t('digests.delivery.lateDue', { at, due }) : tr.t('digests.delivery.late', { at });
    case 'unchanged':
      return tr.t('digests.delivery.unchanged', { at });
    case 'missed':
      return due ? tr.t('digests.delivery.missedDue', { due }) : tr.t('digests.delivery.missed');
    case 'failed':
      return d.detail ? tr.t('digests.delivery.failedWhy', { at, detail: escapeMrkdwn(truncate(plainCell(d.detail), 150)) }) : tr.t('digests.delivery.failed', { at });
  }
}

function itemText(tr: Translator, item: DigestListItem): string {
  const title = { id: String(item.id), channel: channelLink(item.channelId) };
  const next = item.paused ? tr.t('digests.item.nextPaused') : item.nextRun ? tr.t('digests.item.next', { at: when(tr, item.nextRun, item.timeZone) }) : tr.t('digests.item.noNext');
  const lines = [
    tr.t(item.paused ? 'digests.item.titlePaused' : 'digests.item.title', title),
    `${scheduleWords(tr, item)}  ·  ${next}`,
    coversLine(tr, item),
  ];
  if (item.lastDelivery) lines.push(tr.t('digests.item.last', { delivery: deliveryWords(tr, item.lastDelivery, item.timeZone) }));
  return lines.join('\n');
}

/** Blocks the list may use: one is left for the Share button an ephemeral answer gets. */
const LIST_BLOCKS = LIMITS.blocksPerMessage - 1;

/** A digest in its own section, with a Run now button unless it is paused. */
function itemSection(tr: Translator, item: DigestListItem, text: string): SectionBlock {
  const s = section(text);
  return item.paused ? s : { ...s, accessory: digestRunButton(item.id, tr) };
}

/** Renders `/aicc digest list`. */
export function renderDigestList(tr: Translator, view: DigestListView): KnownBlock[] {
  const channel = view.channelId !== undefined ? channelLink(view.channelId) : undefined;
  if (view.items.length === 0) {
    return [
      header(tr.t('digests.list.title')),
      section(channel ? tr.t('digests.list.emptyIn', { channel }) : tr.t('digests.list.empty')),
      context(tr.t('digests.list.emptyHint')),
    ];
  }
  const items = [...view.items].sort((a, b) => a.id - b.id);
  const texts = items.map((item) => itemText(tr, item));
  // A button needs a section of its own (action ids are unique per block), so the first digests get
  // one each as far as the block budget allows; the rest share sections, a blank line apart, and
  // chunking never splits one digest across sections.
  const budget = LIST_BLOCKS - 3;
  const restChunks = (k: number) => chunkLines(texts.slice(k).map((t, i) => (i === 0 ? t : `\n${t}`)));
  let own = Math.min(items.length, budget);
  while (own > 0 && own + restChunks(own).length > budget) own--;
  const n = view.items.length;
  return [
    header(tr.t('digests.list.title')),
    context(channel ? tr.t('digests.list.countIn', { n, channel }) : tr.t('digests.list.count', { n })),
    ...items.slice(0, own).map((item, i) => itemSection(tr, item, texts[i]!)),
    ...restChunks(own).map((c) => section(c)),
    context(tr.t('digests.list.footer')),
  ];
}

/** Confirms `digest add` (or, `edited`, the digest form's Save). */
export function renderDigestAdded(tr: Translator, item: DigestListItem, edited = false): KnownBlock[] {
  const id = String(item.id);
  const where = { channel: channelLink(item.channelId), schedule: scheduleWords(tr, item) };
  const whereWords = item.nextRun && !item.paused ? tr.t('digests.added.whereFirst', { ...where, first: when(tr, item.nextRun, item.timeZone) }) : tr.t('digests.added.where', where);
  return [
    section(`${tr.t(edited ? 'digests.saved.headline' : 'digests.added.headline', { id })} ${whereWords}`),
    context(coversLine(tr, item)),
    context(tr.t('digests.added.commands', { id })),
  ];
}

/** Confirms `digest remove`. */
export function renderDigestRemoved(tr: Translator, id: number, channelId?: string): KnownBlock[] {
  const values = { id: String(id) };
  return [section(channelId !== undefined ? tr.t('digests.removedFrom', { ...values, channel: channelLink(channelId) }) : tr.t('digests.removed', values))];
}

/** Confirms `digest pause` or `digest resume`, from the subscription's new state. */
export function renderDigestPauseChanged(tr: Translator, item: DigestListItem): KnownBlock[] {
  const id = String(item.id);
  if (item.paused) return [section(tr.t('digests.paused', { id, channel: channelLink(item.channelId) }))];
  return [section(item.nextRun ? tr.t('digests.resumedNext', { id, at: when(tr, item.nextRun, item.timeZone), zone: escapeMrkdwn(item.timeZone) }) : tr.t('digests.resumed', { id }))];
}

/** Confirms `digest run`: the digest is being posted now. */
export function renderDigestRunStarted(tr: Translator, item: DigestListItem): KnownBlock[] {
  return [section(tr.t('digests.run.started', { id: String(item.id), channel: channelLink(item.channelId) }))];
}

/** A digest was posted by hand less than a minute ago. */
export function renderDigestRunTooSoon(tr: Translator, item: Pick<DigestListItem, 'id' | 'channelId'>, retryAt: Date, timeZone: string): KnownBlock[] {
  return [section(tr.t('digests.run.tooSoon', { id: String(item.id), channel: channelLink(item.channelId), time: tr.time(retryAt, timeZone), zone: escapeMrkdwn(timeZone) }))];
}

/** How a digest posted by **Run now** went (the shape of the digest service's outcome). */
export type DigestRunOutcome = { status: 'posted' | 'late'; ts?: string } | { status: 'unchanged' } | { status: 'failed'; error: string };

/** Answers a **Run now** click, privately: posted, or why not. */
export function renderDigestRunOutcome(tr: Translator, item: Pick<DigestListItem, 'id' | 'channelId'>, outcome: DigestRunOutcome): KnownBlock[] {
  const values = { id: String(item.id), channel: channelLink(item.channelId) };
  switch (outcome.status) {
    case 'posted':
    case 'late':
      return [section(tr.t('digests.run.posted', values))];
    case 'unchanged':
      return [section(tr.t('digests.run.unchanged', values))];
    case 'failed':
      return [section(`${tr.t('digests.run.failed', values)}\n${escapeMrkdwn(truncate(plainCell(outcome.error), 500))}`), context(tr.t('digests.run.failedHint'))];
  }
}

/** A digest id that does not exist. */
export function renderDigestNotFound(tr: Translator, id: number): KnownBlock[] {
  return [section(tr.t('digests.notFound', { id: String(id) })), context(tr.t('digests.notFound.hint'))];
}

/** One delivery in words, for other answers (`/aicc status`): `Digest 3 <#C1>: :white_check_mark: posted Mon …`. */
export function deliveryLine(tr: Translator, item: Pick<DigestListItem, 'id' | 'channelId' | 'timeZone'>, d: DigestDelivery): string {
  return tr.t('digests.delivery.line', { id: String(item.id), channel: channelLink(item.channelId), delivery: deliveryWords(tr, d, item.timeZone) });
}
