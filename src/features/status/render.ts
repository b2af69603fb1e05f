/**
 * `/aicc status`: is the collector getting data from each service, what digests come next, and
 * what was delivered (or not) lately.
 */
import type { KnownBlock } from '@slack/types';
import { channelLink, escapeMrkdwn, formatDateTime, truncate } from '../../slack/format.js';
import { chunkLines, context, divider, header, section } from '../../slack/render/blocks.js';

export interface StatusServiceRow {
  label: string;
  lastOkAt?: Date;
  lastErrorAt?: Date;
  lastError?: string;
  consecutiveFailures: number;
}

export interface StatusView {
  timeZone: string;
  now: Date;
  services: StatusServiceRow[];
  nextDigests: Array<{ id: number; channelId: string; at: Date; timeZone: string }>;
  deliveries: Array<{ kind: 'digest' | 'alert'; ref: number; channelId: string; status: string; at: Date; error?: string }>;
  /** This process's timer-driven jobs (collector, retention, digests, alerts, heartbeat). */
  jobs: StatusJobRow[];
  store: string;
}

export interface StatusJobRow {
  name: string;
  lastOkAt?: Date;
  lastFailureAt?: Date;
  lastError?: string;
  consecutiveFailures: number;
}

function jobLine(j: StatusJobRow, tz: string): string {
  const ok = j.lastOkAt ? `last ran ${formatDateTime(j.lastOkAt, tz)}` : 'has not run yet';
  if (j.consecutiveFailures === 0) return `${j.lastOkAt ? ':large_green_circle:' : ':white_circle:'} *${escapeMrkdwn(j.name)}*: ${ok}`;
  const err = j.lastError ? `: ${escapeMrkdwn(truncate(j.lastError, 160))}` : '';
  const since = j.lastFailureAt ? ` (last failure ${formatDateTime(j.lastFailureAt, tz)})` : '';
  return `:red_circle: *${escapeMrkdwn(j.name)}*: failing, ${j.consecutiveFailures} time(s) in a row${since}${err}; ${ok}; it tries again on its next turn`;
}

function serviceLine(s: StatusServiceRow, tz: string): string {
  const ok = s.lastOkAt ? `last data ${formatDateTime(s.lastOkAt, tz)}` : 'no data yet';
  // No data yet is not healthy: it is unknown.
  if (s.consecutiveFailures === 0) return `${s.lastOkAt ? ':large_green_circle:' : ':white_circle:'} *${s.label}*: ${ok}`;
  const err = s.lastError ? `: ${escapeMrkdwn(truncate(s.lastError, 160))}` : '';
  const since = s.lastErrorAt ? ` (last failure ${formatDateTime(s.lastErrorAt, tz)})` : '';
  return `:red_circle: *${s.label}*: failing, ${s.consecutiveFailures} tick(s) in a row${since}${err}; ${ok}`;
}

const STATUS_ICON: Record<string, string> = { posted: ':white_check_mark:', late: ':hourglass:', failed: ':x:', missed: ':warning:' };

export function renderStatus(view: StatusView): KnownBlock[] {
  const tz = view.timeZone;
  const blocks: KnownBlock[] = [header('AICC bot status'), context(`${formatDateTime(view.now, tz)} (${escapeMrkdwn(tz)})  ·  store: ${escapeMrkdwn(view.store)}`)];
  blocks.push(section(`*Collector*\n${view.services.map((s) => serviceLine(s, tz)).join('\n')}`));
  if (view.jobs.length > 0) blocks.push(section(`*Background jobs*\n${view.jobs.map((j) => jobLine(j, tz)).join('\n')}`));
  blocks.push(divider());
  const next = view.nextDigests.length
    ? view.nextDigests.slice(0, 10).map((d) => `• Digest ${d.id} → ${channelLink(d.channelId)} at ${formatDateTime(d.at, d.timeZone)} (${escapeMrkdwn(d.timeZone)})`)
    : ['No digests scheduled. `/aicc digest add` creates one.'];
  blocks.push(section(`*Next digests*\n${next.join('\n')}`));
  const lines = view.deliveries.length
    ? view.deliveries.slice(0, 15).map((d) => `${STATUS_ICON[d.status] ?? '•'} ${d.kind} ${d.ref} → ${channelLink(d.channelId)}: ${d.status} ${formatDateTime(d.at, tz)}${d.error ? ` — ${escapeMrkdwn(truncate(d.error, 120))}` : ''}`)
    : ['Nothing delivered yet.'];
  for (const [i, chunk] of chunkLines(lines).entries()) blocks.push(section(i === 0 ? `*Recent deliveries*\n${chunk}` : chunk));
  return blocks;
}
