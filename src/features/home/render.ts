/**
 * The Home tab, per user: what is firing now (with Acknowledge and Mute…), the health of each AICC
 * source, the next digests, the alert rules and digests (the viewer's first, each with Edit), and
 * New alert / New digest. Pure: the data in, a `home` view of at most 100 blocks out. Nothing in it
 * ticks by itself (no "last data 10:05" while healthy), so a refresh changes the view only when
 * something it shows changed; the one time it carries sits in its own block (`updated`).
 */
import type { Button, HomeView, KnownBlock, SectionBlock } from '@slack/types';
import { channelLink, escapeMrkdwn, formatDateTime, formatTime, plural, truncate, userMention } from '../../slack/format.js';
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

function firingBlocks(d: HomeData): KnownBlock[] {
  const tz = d.timeZone;
  if (d.firing.length === 0) return [section('*Firing now*\n:large_green_circle: Nothing is firing.')];
  const blocks: KnownBlock[] = [section(`*Firing now*  ·  ${plural(d.firing.length, 'alert')}`)];
  for (const f of d.firing.slice(0, MAX_FIRING)) {
    const notes = [`since ${formatTime(f.since, tz)}`];
    if (f.ackedBy) notes.push(`:eyes: ${userMention(f.ackedBy)}`);
    if (f.mutedUntil) notes.push(`:mute: until ${formatTime(f.mutedUntil, tz)}`);
    blocks.push(section(`:rotating_light: ${f.headline}\nAlert ${f.ruleId}  ·  ${notes.join('  ·  ')}`));
    const buttons: Button[] = [];
    if (!f.ackedBy) buttons.push(button('Acknowledge', d.ids.ack, f.buttonValue, 'primary'));
    buttons.push(button(f.mutedUntil ? 'Mute longer…' : 'Mute…', d.ids.mute, f.buttonValue));
    blocks.push(actions(buttons));
  }
  if (d.firing.length > MAX_FIRING) blocks.push(context(`…and ${plural(d.firing.length - MAX_FIRING, 'more alert')}: \`/aicc alert list\` shows them all.`));
  return blocks;
}

function sourceLine(s: HomeSource, tz: string): string {
  if (s.unknown) return `:white_circle: *${escapeMrkdwn(s.label)}*: no data collected yet`;
  if (s.ok) return `:large_green_circle: *${escapeMrkdwn(s.label)}*: OK`;
  const last = s.lastOkAt ? `, last data ${formatDateTime(s.lastOkAt, tz)}` : ', no data yet';
  const err = s.lastError ? `: ${escapeMrkdwn(truncate(s.lastError.replace(/\s+/g, ' '), 120))}` : '';
  return `:red_circle: *${escapeMrkdwn(s.label)}*: failing for ${plural(s.failures, 'tick')}${last}${err}`;
}

function nextDigestsBlock(d: HomeData): KnownBlock {
  const next = d.digests
    .filter((x) => x.nextRun && !x.paused)
    .sort((a, b) => a.nextRun!.getTime() - b.nextRun!.getTime())
    .slice(0, MAX_NEXT)
    .map((x) => `• Digest ${x.id} → ${channelLink(x.channelId)} at ${formatDateTime(x.nextRun!, x.timeZone)} (${escapeMrkdwn(x.timeZone)})`);
  return section(`*Next digests*\n${next.length > 0 ? next.join('\n') : 'None scheduled.'}`);
}

/** Mine first, then the rest, each by id. */
const mineFirst = <T extends { mine: boolean; id: number }>(xs: readonly T[]) => [...xs].sort((a, b) => Number(b.mine) - Number(a.mine) || a.id - b.id);

function ruleBlocks(d: HomeData): KnownBlock[] {
  const tz = d.timeZone;
  const blocks: KnownBlock[] = [section(`*Alert rules*  ·  ${plural(d.rules.length, 'rule')}${d.rules.some((r) => r.mine) ? ', yours first' : ''}`)];
  if (d.rules.length === 0) blocks.push(context('No alert rules yet.'));
  for (const r of mineFirst(d.rules).slice(0, MAX_RULES)) {
    const muted = r.mutedUntil ? `  ·  :mute: muted until ${formatTime(r.mutedUntil, tz)}` : '';
    const text = `*Alert ${r.id}*${r.mine ? ' (yours)' : ''}  ·  ${r.line}\n${r.states}${muted}`;
    blocks.push(withButton(section(text), d.can.changeAlerts ? button('Edit', d.ids.editAlert, String(r.id)) : undefined));
  }
  if (d.rules.length > MAX_RULES) blocks.push(context(`…and ${plural(d.rules.length - MAX_RULES, 'more rule')}: \`/aicc alert list\` shows them all.`));
  return blocks;
}

function digestBlocks(d: HomeData): KnownBlock[] {
  const blocks: KnownBlock[] = [section(`*Digests*  ·  ${plural(d.digests.length, 'digest')}${d.digests.some((x) => x.mine) ? ', yours first' : ''}`)];
  if (d.digests.length === 0) blocks.push(context('No digests yet.'));
  for (const x of mineFirst(d.digests).slice(0, MAX_DIGESTS)) {
    const state = x.paused ? '  ·  :double_vertical_bar: paused' : '';
    const text = `*Digest ${x.id}*${x.mine ? ' (yours)' : ''}  ·  ${channelLink(x.channelId)} at ${escapeMrkdwn(x.schedule)}${state}\nCovers ${x.scope}`;
    blocks.push(withButton(section(text), d.can.changeDigests ? button('Edit', d.ids.editDigest, String(x.id)) : undefined));
  }
  if (d.digests.length > MAX_DIGESTS) blocks.push(context(`…and ${plural(d.digests.length - MAX_DIGESTS, 'more digest')}: \`/aicc digest list\` shows them all.`));
  return blocks;
}

/** The Home tab of one user. */
export function renderHome(d: HomeData): HomeView {
  const news: Button[] = [];
  if (d.can.addAlerts) news.push(button('New alert', d.ids.newAlert, 'new', 'primary'));
  if (d.can.addDigests) news.push(button('New digest', d.ids.newDigest, 'new'));
  const blocks: KnownBlock[] = [
    header('AICC Ops'),
    { ...context(`Updated ${formatTime(d.now, d.timeZone)} (${escapeMrkdwn(d.timeZone)})  ·  \`/aicc help\` lists every command`), block_id: UPDATED_BLOCK },
    ...(news.length > 0 ? [actions(news, 'home_new')] : [context('Only the bot’s administrators can add alerts and digests (BOT_ADMIN_USERS).')]),
    divider(),
    ...firingBlocks(d),
    divider(),
    section(`*AICC sources*\n${d.sources.map((s) => sourceLine(s, d.timeZone)).join('\n')}`),
    nextDigestsBlock(d),
    divider(),
    ...ruleBlocks(d),
    divider(),
    ...digestBlocks(d),
  ];
  // The lists are capped above; this only guards the limit if they ever grow.
  return { type: 'home', blocks: blocks.slice(0, HOME_MAX_BLOCKS) };
}

/** What identifies the view's content: everything but the update time. */
export function homeFingerprint(view: HomeView): string {
  return JSON.stringify(view.blocks.filter((b) => b.block_id !== UPDATED_BLOCK));
}
