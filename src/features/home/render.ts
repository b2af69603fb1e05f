/**
 * The Home tab, per user: what is firing now (with Acknowledge and Mute…), the health of each AICC
 * source, the next digests, the alert rules and digests (the viewer's first, each with Edit), and
 * New alert / New digest, in the viewer's language. Pure: the data and a translator in, a `home`
 * view of at most 100 blocks out. Nothing in it ticks by itself (no "last data 10:05" while
 * healthy), so a refresh changes the view only when something it shows changed; the one time it
 * carries sits in its own block (`updated`).
 */
import { recordedFailure } from '../../slack/explain-error.js';
import type { Button, HomeView, KnownBlock, SectionBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';
import { channelLink, escapeMrkdwn, userMention } from '../../slack/format.js';
import { actions, button, context, divider, header, section } from '../../slack/render/blocks.js';

/** Block Kit's limit for a Home tab. */
export const HOME_MAX_BLOCKS = 100;
/** The block holding the time of the update, left out of the view's fingerprint. */
export const UPDATED_BLOCK = 'updated';

export interface HomeFiring {
  ruleId: number;
  /** `*Success rate 5.2%* < 40%  ·  campaign *X* (`1`)`, ready mrkdwn. */
  headline: string;
  since: Date;
  ackedBy?: string;
  mutedUntil?: Date;
  /** What the buttons carry (the alert's button value). */
  buttonValue: string;
}

export interface HomeSource {
  label: string;
  ok: boolean;
  /** Consecutive failed ticks, when failing. */
  failures: number;
  /** The last good data, shown only while failing. */
  lastOkAt?: Date;
  lastError?: string;
  /** Never collected yet. */
  unknown?: boolean;
}

export interface HomeRule {
  id: number;
  /** `` `success_rate` < 40% · campaign `1` of VDN 8 → #ops``, ready mrkdwn. */
  line: string;
  /** `:red_circle: 1 firing · :large_green_circle: 2 ok`, ready mrkdwn. */
  states: string;
  mine: boolean;
  mutedUntil?: Date;
}

export interface HomeDigest {
  id: number;
  channelId: string;
  /** `09:00 Mon–Fri (Asia/Shanghai)`. */
  schedule: string;
  /** `all campaigns of VDN 8`, ready mrkdwn. */
  scope: string;
  paused: boolean;
  nextRun?: Date;
  timeZone: string;
  mine: boolean;
}

export interface HomeData {
  userId: string;
  now: Date;
  timeZone: string;
  firing: HomeFiring[];
  sources: HomeSource[];
  rules: HomeRule[];
  digests: HomeDigest[];
  /** What the viewer may do (buttons for the rest are not shown). */
  can: { addAlerts: boolean; addDigests: boolean; changeAlerts: boolean; changeDigests: boolean };
  /** The action ids of the buttons (owned by the alerts and digests features). */
  ids: { ack: string; mute: string; newAlert: string; editAlert: string; newDigest: string; editDigest: string };
}

const MAX_FIRING = 10;
const MAX_RULES = 25;
const MAX_DIGESTS = 20;
const MAX_NEXT = 5;

const withButton = (s: SectionBlock, b: Button | undefined): SectionBlock => (b ? { ...s, accessory: b } : s);
const yes = (b: boolean) => (b ? 'yes' : 'no');

function firingBlocks(tr: Translator, d: HomeData): KnownBlock[] {
  const tz = d.timeZone;
  if (d.firing.length === 0) return [section(tr.t('home.firing.none'))];
  const blocks: KnownBlock[] = [section(tr.t('home.firing.title', { n: d.firing.length }))];
  for (const f of d.firing.slice(0, MAX_FIRING)) {
    const notes = [tr.t('home.firing.since', { time: tr.time(f.since, tz) })];
    if (f.ackedBy) notes.push(`:eyes: ${userMention(f.ackedBy)}`);
    if (f.mutedUntil) notes.push(tr.t('home.firing.mutedUntil', { time: tr.time(f.mutedUntil, tz) }));
    blocks.push(section(tr.t('home.firing.item', { headline: f.headline, id: String(f.ruleId), notes: notes.join('  ·  ') })));
    const buttons: Button[] = [];
    if (!f.ackedBy) buttons.push(button(tr.t('home.button.acknowledge'), d.ids.ack, f.buttonValue, 'primary'));
    buttons.push(button(tr.t(f.mutedUntil ? 'home.button.muteLonger' : 'home.button.mute'), d.ids.mute, f.buttonValue));
    blocks.push(actions(buttons));
  }
  if (d.firing.length > MAX_FIRING) blocks.push(context(tr.t('home.firing.more', { n: d.firing.length - MAX_FIRING })));
  return blocks;
}

function sourceLine(tr: Translator, s: HomeSource, tz: string): string {
  const source = escapeMrkdwn(s.label);
  if (s.unknown) return tr.t('home.source.unknown', { source });
  if (s.ok) return tr.t('home.source.ok', { source });
  const line = s.lastOkAt ? tr.t('home.source.failing', { source, n: s.failures, time: tr.dateTime(s.lastOkAt, tz) }) : tr.t('home.source.failingNoData', { source, n: s.failures });
  return s.lastError ? tr.t('home.source.error', { line, error: recordedFailure(tr, s.lastError, 120) }) : line;
}

function nextDigestsBlock(tr: Translator, d: HomeData): KnownBlock {
  const next = d.digests
    .filter((x) => x.nextRun && !x.paused)
    .sort((a, b) => a.nextRun!.getTime() - b.nextRun!.getTime())
    .slice(0, MAX_NEXT)
    .map((x) => tr.t('home.next.item', { id: String(x.id), channel: channelLink(x.channelId), time: tr.dateTime(x.nextRun!, x.timeZone), zone: escapeMrkdwn(x.timeZone) }));
  return section(`${tr.t('home.next.heading')}\n${next.length > 0 ? next.join('\n') : tr.t('home.next.none')}`);
}

/** Mine first, then the rest, each by id. */
const mineFirst = <T extends { mine: boolean; id: number }>(xs: readonly T[]) => [...xs].sort((a, b) => Number(b.mine) - Number(a.mine) || a.id - b.id);

function ruleBlocks(tr: Translator, d: HomeData): KnownBlock[] {
  const tz = d.timeZone;
  const blocks: KnownBlock[] = [section(tr.t('home.rules.title', { n: d.rules.length, mine: yes(d.rules.some((r) => r.mine)) }))];
  if (d.rules.length === 0) blocks.push(context(tr.t('home.rules.none')));
  for (const r of mineFirst(d.rules).slice(0, MAX_RULES)) {
    const second = [r.states, ...(r.mutedUntil ? [tr.t('home.rules.mutedUntil', { time: tr.time(r.mutedUntil, tz) })] : [])].join('  ·  ');
    const text = `${tr.t('home.rules.item', { id: String(r.id), mine: yes(r.mine), line: r.line })}\n${second}`;
    blocks.push(withButton(section(text), d.can.changeAlerts ? button(tr.t('home.button.edit'), d.ids.editAlert, String(r.id)) : undefined));
  }
  if (d.rules.length > MAX_RULES) blocks.push(context(tr.t('home.rules.more', { n: d.rules.length - MAX_RULES })));
  return blocks;
}

function digestBlocks(tr: Translator, d: HomeData): KnownBlock[] {
  const blocks: KnownBlock[] = [section(tr.t('home.digests.title', { n: d.digests.length, mine: yes(d.digests.some((x) => x.mine)) }))];
  if (d.digests.length === 0) blocks.push(context(tr.t('home.digests.none')));
  for (const x of mineFirst(d.digests).slice(0, MAX_DIGESTS)) {
    const first = [tr.t('home.digests.item', { id: String(x.id), mine: yes(x.mine), channel: channelLink(x.channelId), schedule: escapeMrkdwn(x.schedule) }), ...(x.paused ? [tr.t('home.digests.paused')] : [])].join('  ·  ');
    const text = `${first}\n${tr.t('home.digests.covers', { scope: x.scope })}`;
    blocks.push(withButton(section(text), d.can.changeDigests ? button(tr.t('home.button.edit'), d.ids.editDigest, String(x.id)) : undefined));
  }
  if (d.digests.length > MAX_DIGESTS) blocks.push(context(tr.t('home.digests.more', { n: d.digests.length - MAX_DIGESTS })));
  return blocks;
}

/** The Home tab of one user, in their language. */
export function renderHome(tr: Translator, d: HomeData): HomeView {
  const news: Button[] = [];
  if (d.can.addAlerts) news.push(button(tr.t('home.button.newAlert'), d.ids.newAlert, 'new', 'primary'));
  if (d.can.addDigests) news.push(button(tr.t('home.button.newDigest'), d.ids.newDigest, 'new'));
  const blocks: KnownBlock[] = [
    header(tr.t('home.title')),
    { ...context(tr.t('home.updated', { time: tr.time(d.now, d.timeZone), zone: escapeMrkdwn(d.timeZone) })), block_id: UPDATED_BLOCK },
    ...(news.length > 0 ? [actions(news, 'home_new')] : [context(tr.t('home.adminsOnly'))]),
    divider(),
    ...firingBlocks(tr, d),
    divider(),
    section(`${tr.t('home.source.heading')}\n${d.sources.map((s) => sourceLine(tr, s, d.timeZone)).join('\n')}`),
    nextDigestsBlock(tr, d),
    divider(),
    ...ruleBlocks(tr, d),
    divider(),
    ...digestBlocks(tr, d),
  ];
  // The lists are capped above; this only guards the limit if they ever grow.
  return { type: 'home', blocks: blocks.slice(0, HOME_MAX_BLOCKS) };
}

/**
 * What identifies the view's content: everything but the update time. The service adds the
 * viewer's language, so choosing another language republishes even where no word differs.
 */
export function homeFingerprint(view: HomeView): string {
  return JSON.stringify(view.blocks.filter((b) => b.block_id !== UPDATED_BLOCK));
}
