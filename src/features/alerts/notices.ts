/**
 * One "no data" message per service, not one per rule: while evaluating, every rule that cannot be
 * judged because a series has been failing or missing for three ticks is tallied under its service;
 * afterwards each service's notice is advanced with {@link noticeStep} (compare-and-set, so two
 * processes post it once) and posted, edited or answered in its thread.
 */
import { postReader } from '../../slack/locales.js';
import { translator } from '../../i18n/index.js';
import type { Locales } from '../../slack/locales.js';
import type { Outbound } from '../../slack/outbound.js';
import type { Logger } from '../../platform/log.js';
import { noticeFallbackText, renderNotice, renderNoticeBackReply, type NoticeView } from './render.js';
import type { AlertRule } from '../../store/alert-rules.js';
import type { SnapshotSource, Store } from '../../store/index.js';
import type { NoticeWrite, ServiceNotice } from '../../store/service-notices.js';
import { noticeStep, type Outage } from './notice-step.js';
import type { SeriesInfo } from './series.js';
import { edit, post } from './posting.js';
import { sourceLabel } from './words.js';

/** Notices are per service: the campaign list and statistics are both CC-iSales. */
export type NoticeService = 'isales' | 'cms' | 'oifde';

export const serviceOf = (source: SnapshotSource): NoticeService => (source === 'cms' ? 'cms' : source === 'oifde' ? 'oifde' : 'isales');

/** The outages seen during one evaluation. */
export class OutageTally {
  private readonly byService = new Map<NoticeService, { rules: Map<number, string>; since: number; error?: string; errorAt: number }>();

  add(source: SnapshotSource, rule: AlertRule, series: SeriesInfo): void {
    if (!series.down) return;
    const service = serviceOf(source);
    const since = series.downSince ?? Number.MAX_SAFE_INTEGER;
    const entry = this.byService.get(service) ?? { rules: new Map(), since, errorAt: -1 };
    entry.rules.set(rule.id, rule.channelId);
    entry.since = Math.min(entry.since, since);
    const errorAt = series.rows.findLast((r) => !r.ok)?.takenAt ?? -1;
    if (series.lastError && errorAt >= entry.errorAt) Object.assign(entry, { error: series.lastError, errorAt });
    this.byService.set(service, entry);
  }

  /** The outage of a service, with the channel most of its rules post to. */
  outage(service: NoticeService): Outage | undefined {
    const e = this.byService.get(service);
    if (!e) return undefined;
    const counts = new Map<string, number>();
    for (const channel of e.rules.values()) counts.set(channel, (counts.get(channel) ?? 0) + 1);
    const channel = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    return { since: e.since, ruleCount: e.rules.size, channel, ...(e.error ? { error: e.error } : {}) };
  }

  services(): NoticeService[] {
    return [...this.byService.keys()];
  }
}

export interface NoticeDeps {
  store: Store;
  outbound: Outbound;
  log: Logger;
  timeZone: string;
  claimMs: number;
  /** The notice is written in its channel's language; absent: English. */
  locales?: Locales;
}

/** Advances every notice that has an outage now or a message still open; returns messages posted. */
export async function updateNotices(deps: NoticeDeps, tally: OutageTally, now: number): Promise<number> {
  const existing = await deps.store.alerts.notices.list();
  const open = existing.filter((n) => n.state !== 'ok' || n.messageTs).map((n) => n.service as NoticeService);
  let posted = 0;
  for (const service of new Set([...tally.services(), ...open])) {
    posted += await advanceNotice(deps, service, tally.outage(service), existing.find((n) => n.service === service), now).catch((error: unknown) => {
      deps.log.error('service notice failed', { service, error });
      return 0;
    });
  }
  return posted;
}

async function advanceNotice(deps: NoticeDeps, service: NoticeService, outage: Outage | undefined, first: ServiceNotice | undefined, now: number): Promise<number> {
  const notices = deps.store.alerts.notices;
  let prev = first;
  for (let attempt = 0; attempt < 3; attempt++) {
    const { next, changed, actions } = noticeStep(prev, outage, now, { claimMs: deps.claimMs });
    if (!changed) return 0;
    if (!(await notices.compareAndSet(service, prev?.version ?? null, next))) {
      prev = await notices.get(service);
      continue;
    }
    const version = (prev?.version ?? 0) + 1;
    // Several rules' notice: the language of the channel it is (or was) posted in.
    const channel = outage && actions.includes('post-nodata') ? outage.channel : next.messageChannel;
    const tr = channel ? await postReader(deps, channel) : translator();
    const view: NoticeView = { service: sourceLabel(tr, service), since: new Date(next.since), ruleCount: outage?.ruleCount ?? 0, timeZone: deps.timeZone, ...(next.reason ? { error: next.reason } : {}) };
    if (actions.includes('post-nodata') && outage) {
      const r = await post(deps.outbound, { channel: outage.channel, blocks: renderNotice(tr, view), text: noticeFallbackText(tr, view) });
      if (!r.ok) {
        deps.log.warn('no-data notice could not be posted; retrying on a later tick', { service, channel: outage.channel, error: r.error });
        return 0;
      }
      await save(deps, service, version, { ...next, messageChannel: outage.channel, messageTs: r.ts });
      return 1;
    }
    if (actions.includes('announce-back') && next.messageTs && next.messageChannel) {
      const back: NoticeView = { ...view, since: prev && prev.state !== 'ok' ? new Date(prev.since) : undefined, backAt: new Date(now) };
      await edit(deps.outbound, { channel: next.messageChannel, ts: next.messageTs, blocks: renderNotice(tr, back), text: noticeFallbackText(tr, back) });
      const r = await post(deps.outbound, { channel: next.messageChannel, threadTs: next.messageTs, blocks: renderNoticeBackReply(tr, back), text: noticeFallbackText(tr, back) });
      if (!r.ok) {
        deps.log.warn('"data is back" could not be posted; retrying on a later tick', { service, error: r.error });
        return 0;
      }
      await save(deps, service, version, { ...next, messageChannel: null, messageTs: null });
      return 1;
    }
    return 0;
  }
  return 0;
}

/** Records the message on top of our write (or of a later one, keeping its state). */
async function save(deps: NoticeDeps, service: string, version: number, write: NoticeWrite): Promise<void> {
  const notices = deps.store.alerts.notices;
  let expected = version;
  let current = write;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await notices.compareAndSet(service, expected, current)) return;
    const fresh = await notices.get(service);
    if (!fresh) return;
    current = { ...fresh, messageChannel: write.messageChannel, messageTs: write.messageTs };
    expected = fresh.version;
  }
}
