/**
 * `/aicc status`: is the collector getting data from each service, what digests come next, and
 * what was delivered (or not) lately, in the reader's language.
 */
import { recordedFailure } from '../../slack/explain-error.js';
import type { KnownBlock } from '@slack/types';
import { SERVICE_LABELS, type AiccService } from '../../aicc/errors.js';
import type { MessageKey, Translator } from '../../i18n/index.js';
import { channelLink, escapeMrkdwn } from '../../slack/format.js';
import { chunkLines, context, divider, header, section } from '../../slack/render/blocks.js';
import type { SnapshotSource } from '../../store/snapshots.js';

export interface StatusServiceRow {
  source: SnapshotSource;
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

/** Each source, the product it comes from, and its name. */
const SOURCE_NAMES: Readonly<Record<SnapshotSource, [AiccService, MessageKey]>> = {
  campaigns: ['isales', 'status.source.campaigns'],
  stats: ['isales', 'status.source.stats'],
  cms: ['cms', 'status.source.cms'],
  oifde: ['oifde', 'status.source.oifde'],
};

/** A failing line, then when it last failed, what it said, and `tail`. */
function failing(tr: Translator, line: string, failedAt: Date | undefined, error: string | undefined, tail: string, tz: string): string {
  let out = failedAt ? tr.t('status.lastFailure', { line, time: tr.dateTime(failedAt, tz) }) : line;
  if (error) out = tr.t('status.withError', { line: out, error: recordedFailure(tr, error, 160) });
  return tr.t('status.andThen', { line: out, more: tail });
}

function jobLine(tr: Translator, j: StatusJobRow, tz: string): string {
  const job = escapeMrkdwn(j.name);
  if (j.consecutiveFailures === 0) return j.lastOkAt ? tr.t('status.job.ok', { job, time: tr.dateTime(j.lastOkAt, tz) }) : tr.t('status.job.notRun', { job });
  const ran = j.lastOkAt ? tr.t('status.job.lastRan', { time: tr.dateTime(j.lastOkAt, tz) }) : tr.t('status.job.neverRan');
  const line = failing(tr, tr.t('status.job.failing', { job, n: j.consecutiveFailures }), j.lastFailureAt, j.lastError, ran, tz);
  return tr.t('status.job.retry', { line });
}

function serviceLine(tr: Translator, s: StatusServiceRow, tz: string): string {
  const [service, name] = SOURCE_NAMES[s.source];
  const source = tr.t(name, { service: SERVICE_LABELS[service] });
  // No data yet is not healthy: it is unknown.
  if (s.consecutiveFailures === 0) return s.lastOkAt ? tr.t('status.service.ok', { source, time: tr.dateTime(s.lastOkAt, tz) }) : tr.t('status.service.unknown', { source });
  const last = s.lastOkAt ? tr.t('status.service.lastData', { time: tr.dateTime(s.lastOkAt, tz) }) : tr.t('status.service.noData');
  return failing(tr, tr.t('status.service.failing', { source, n: s.consecutiveFailures }), s.lastErrorAt, s.lastError, last, tz);
}

const STATUS_ICON: Record<string, string> = { posted: ':white_check_mark:', late: ':hourglass:', failed: ':x:', missed: ':warning:' };

function deliveryLine(tr: Translator, d: StatusView['deliveries'][number], tz: string): string {
  const line = tr.t('status.delivery', { kind: d.kind, ref: String(d.ref), channel: channelLink(d.channelId), status: d.status, time: tr.dateTime(d.at, tz) });
  const withError = d.error ? tr.t('status.deliveryError', { line, error: recordedFailure(tr, d.error, 120) }) : line;
  return `${STATUS_ICON[d.status] ?? '•'} ${withError}`;
}

export function renderStatus(tr: Translator, view: StatusView): KnownBlock[] {
  const tz = view.timeZone;
  const blocks: KnownBlock[] = [header(tr.t('status.title')), context(tr.t('status.subtitle', { time: tr.dateTime(view.now, tz), zone: escapeMrkdwn(tz), store: escapeMrkdwn(view.store) }))];
  blocks.push(section(`${tr.t('status.collector')}\n${view.services.map((s) => serviceLine(tr, s, tz)).join('\n')}`));
  if (view.jobs.length > 0) blocks.push(section(`${tr.t('status.jobs')}\n${view.jobs.map((j) => jobLine(tr, j, tz)).join('\n')}`));
  blocks.push(divider());
  const next = view.nextDigests.length
    ? view.nextDigests.slice(0, 10).map((d) => tr.t('status.next.item', { id: String(d.id), channel: channelLink(d.channelId), time: tr.dateTime(d.at, d.timeZone), zone: escapeMrkdwn(d.timeZone) }))
    : [tr.t('status.next.none')];
  blocks.push(section(`${tr.t('status.next.heading')}\n${next.join('\n')}`));
  const lines = view.deliveries.length ? view.deliveries.slice(0, 15).map((d) => deliveryLine(tr, d, tz)) : [tr.t('status.deliveries.none')];
  for (const [i, chunk] of chunkLines(lines).entries()) blocks.push(section(i === 0 ? `${tr.t('status.deliveries.heading')}\n${chunk}` : chunk));
  return blocks;
}
