/**
 * What a rule would have done over the stored history: the collector's snapshots are replayed tick
 * by tick through the live engine's own pieces — {@link createSnapshotReader} reading the history
 * as it stood at each tick, {@link subjectsOf} and {@link sampleOf} turning it into samples, and
 * the pure {@link step} deciding — so `for`, `clear`, `min`, "no data" and campaigns that stop
 * running behave exactly as they do live. Slack is imagined to answer every post at once, so the
 * reminders and resolutions the rule would have posted are counted too. Nothing is written.
 */
import type { Campaign } from '../../aicc/domain.js';
import type { AlertRule } from '../../store/alert-rules.js';
import type { AlertState, AlertStateWrite } from '../../store/alert-states.js';
import type { LatestOptions, Snapshot, SnapshotRepo, SnapshotSource } from '../../store/index.js';
import { BOT_VDN, perTick } from '../collector/index.js';
import { step, type AlertAction } from './evaluate.js';
import { firesLow, metricOf, type MetricDef } from './metrics.js';
import { sampleOf, subjectsOf } from './samples.js';
import { createSnapshotReader, DOWN_TICKS, type SnapshotSourceRows } from './series.js';

const HOUR = 3_600_000;
/** The collector thins snapshots older than two days to one per hour (collector/runner.ts). */
export const THINNED_AFTER_MS = 48 * HOUR;

/** The rule as the backtest needs it: a stored rule, or one typed into `alert test` or the form. */
export type BacktestRule = Pick<AlertRule, 'metric' | 'op' | 'threshold' | 'clearValue' | 'minVolume' | 'forS' | 'repeatS' | 'scope' | 'scopeId' | 'vdn'>;

export interface BacktestOptions {
  /** The period replayed (epoch ms); `to` is normally now. */
  from: number;
  to: number;
  /** The collector's interval: freshness and gaps are judged by it, as live. */
  intervalMs: number;
  /** For `all` on voice bots: the bots named in rules (as live). */
  botsInRules: readonly string[];
}

/** One time the rule fired for one subject. */
export interface BacktestIncident {
  subject: string;
  campaign?: Pick<Campaign, 'name' | 'status' | 'statusLabel'>;
  firedAt: number;
  /** When it resolved; absent while still firing at the end of the period. */
  resolvedAt?: number;
  /** Why it resolved when not by its value (`campaign paused`). */
  resolvedReason?: string;
  /** The value when it fired, and the worst value while it fired. */
  firstValue?: number;
  worstValue?: number;
}

export interface BacktestResult {
  rule: BacktestRule;
  metric: MetricDef;
  from: number;
  to: number;
  /** The first and last tick in the period; none when nothing was collected. */
  firstTickAt?: number;
  lastTickAt?: number;
  /** Ticks replayed. */
  evaluations: number;
  /** Subjects evaluated at least once. */
  subjects: number;
  incidents: BacktestIncident[];
  /** Time in which the rule could not be judged: its source failed or was stale, or nothing was collected. */
  missingMs: number;
  /** What it would have posted: alert messages, "still firing" reminders, "resolved" replies. */
  posts: { alerts: number; reminders: number; resolutions: number };
  /** Before this instant the history keeps one tick an hour, so times there are to the hour. */
  hourlyBefore?: number;
}

type Key = `${SnapshotSource}|${number}|${string}`;
const keyOf = (source: SnapshotSource, vdn: number, subject: string): Key => `${source}|${vdn}|${subject}`;

/** First index whose row is taken at or after `t` (rows oldest first). */
function lowerBound(rows: readonly Snapshot[], t: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.takenAt < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The loaded history as the store looked at `at`: nothing taken later exists yet. */
function historyAt(history: ReadonlyMap<Key, Snapshot[]>, at: number): SnapshotSourceRows {
  const rowsOf = (source: SnapshotSource, vdn: number, subject: string) => history.get(keyOf(source, vdn, subject)) ?? [];
  const snapshots: Pick<SnapshotRepo, 'range' | 'latest'> = {
    async range(source, vdn, subject, from, to, opts = {}) {
      const rows = rowsOf(source, vdn, subject);
      const end = lowerBound(rows, Math.min(to, at) + 1);
      return rows.slice(lowerBound(rows, from), end).filter((r) => !opts.okOnly || r.ok);
    },
    async latest(source, vdn, subject, opts: LatestOptions = {}) {
      const rows = rowsOf(source, vdn, subject);
      for (let i = lowerBound(rows, at + 1) - 1; i >= 0; i--) {
        const r = rows[i]!;
        if (opts.maxAgeMs !== undefined && opts.now !== undefined && r.takenAt < opts.now - opts.maxAgeMs) return undefined;
        if (!opts.okOnly || r.ok) return r;
      }
      return undefined;
    },
  };
  return { snapshots };
}

/** The series a rule reads, so the history is loaded once. */
function seriesOf(rule: BacktestRule, metric: MetricDef, botsInRules: readonly string[]): Array<[SnapshotSource, number, string]> {
  if (metric.source === 'oifde') {
    const bots = rule.scope === 'all' ? botsInRules : rule.scopeId ? [rule.scopeId] : [];
    return bots.map((code) => ['oifde', BOT_VDN, code]);
  }
  return [
    ['campaigns', rule.vdn, ''],
    [metric.source, rule.vdn, ''],
  ];
}

/** A stored-rule shape for the engine's readers; the backtest never stores it. */
function asRule(rule: BacktestRule): AlertRule {
  return { id: 0, channelId: '', createdBy: '', createdAt: 0, ...rule };
}

/** Replays the stored history of `[from, to]` through the engine's state machine. */
export async function backtest(store: { snapshots: Pick<SnapshotRepo, 'range'> }, input: BacktestRule, opts: BacktestOptions): Promise<BacktestResult | undefined> {
  const metric = metricOf(input.metric);
  if (!metric) return undefined;
  // Mutes change what is posted, not what happens: the backtest shows the rule unmuted.
  const rule = asRule(input);
  const { from, to, intervalMs } = opts;
  // The reader looks back an hour (at least four ticks) from each tick: load that much before `from`.
  const lookBack = Math.max(HOUR, (DOWN_TICKS + 1) * intervalMs);
  const history = new Map<Key, Snapshot[]>();
  const ticks = new Set<number>();
  const tickSource: SnapshotSource = metric.source === 'oifde' ? 'oifde' : 'campaigns';
  const hourlyBefore = Math.floor((to - THINNED_AFTER_MS) / HOUR) * HOUR;
  for (const [source, vdn, subject] of seriesOf(input, metric, opts.botsInRules)) {
    // A campaign list stored once and confirmed by later ticks stands for each of them.
    const rows = perTick(await store.snapshots.range(source, vdn, subject, from - lookBack, to), { intervalMs, hourlyBefore });
    history.set(keyOf(source, vdn, subject), rows);
    // Live, the engine runs after each collector tick, and every tick writes or confirms the
    // campaign list (or writes each bot's report), failed or not: those are the instants to replay.
    if (source === tickSource) for (const r of rows) if (r.takenAt >= from && r.takenAt <= to) ticks.add(r.takenAt);
  }
  const times = [...ticks].sort((a, b) => a - b);

  const states = new Map<string, AlertState>();
  const open = new Map<string, BacktestIncident>();
  const incidents: BacktestIncident[] = [];
  const seen = new Set<string>();
  const posts = { alerts: 0, reminders: 0, resolutions: 0 };
  let missingMs = 0;
  const low = firesLow(rule.op);

  for (const [i, now] of times.entries()) {
    const reader = createSnapshotReader(historyAt(history, now), now, { intervalMs });
    const listed = await subjectsOf(rule, metric, reader, { botsInRules: opts.botsInRules, states: [...states.values()] });
    let missing = listed.missing !== undefined;
    for (const subject of listed.subjects) {
      seen.add(subject);
      const s = await sampleOf(rule, metric, subject, reader);
      if (s.sample.kind === 'nodata') missing = true;
      const prev = states.get(subject);
      const result = step(rule, prev, s.sample, now, { claimMs: 0 });
      const next = answered(result.next, result.actions, now, posts);
      states.set(subject, asState(next, subject, (prev?.version ?? 0) + 1));
      const value = s.sample.kind === 'value' ? s.sample.value : undefined;
      const incident = open.get(subject);
      if (next.state === 'firing' && !incident) {
        const fired: BacktestIncident = { subject, firedAt: next.since, ...(s.campaign ? { campaign: s.campaign } : {}), ...(value !== undefined ? { firstValue: value, worstValue: value } : {}) };
        open.set(subject, fired);
        incidents.push(fired);
      } else if (next.state === 'firing' && incident && value !== undefined) {
        if (incident.worstValue === undefined || (low ? value < incident.worstValue : value > incident.worstValue)) incident.worstValue = value;
      } else if (next.state !== 'firing' && incident) {
        incident.resolvedAt = next.since;
        if (next.reason) incident.resolvedReason = next.reason;
        open.delete(subject);
      }
    }
    // A tick that could not be judged counts until the next one; a gap in collecting counts
    // beyond the spacing the history has there (a tick, or an hour where it was thinned).
    const following = times[i + 1] ?? to;
    const spacing = now < hourlyBefore ? HOUR : intervalMs;
    if (missing) missingMs += Math.min(following - now, spacing);
    else if (following - now > 1.5 * spacing) missingMs += following - now - spacing;
  }
  if (times.length === 0) missingMs = to - from;

  return {
    rule: input,
    metric,
    from,
    to,
    ...(times.length > 0 ? { firstTickAt: times[0]!, lastTickAt: times.at(-1)! } : {}),
    evaluations: times.length,
    subjects: seen.size,
    incidents,
    missingMs,
    posts,
    ...(times.length > 0 && times[0]! < hourlyBefore ? { hourlyBefore } : {}),
  };
}

/** A written state as the store would read it back (nulls become absent). */
function asState(w: AlertStateWrite, subject: string, version: number): AlertState {
  const defined = Object.entries(w).filter(([, v]) => v !== null && v !== undefined);
  return { ...(Object.fromEntries(defined) as Pick<AlertState, 'state' | 'since' | 'updatedAt'>), ruleId: 0, subject, version };
}

/** The state after Slack has answered every action at once, as notify.ts records it live. */
function answered(next: AlertStateWrite, actions: readonly AlertAction[], now: number, posts: BacktestResult['posts']): AlertStateWrite {
  const out = { ...next };
  for (const action of actions) {
    if (action === 'post-firing') {
      posts.alerts++;
      Object.assign(out, { messageChannel: 'backtest', messageTs: `${now}`, threadTs: `${now}`, lastNotifiedAt: now });
    } else if (action === 'reminder') {
      posts.reminders++;
      out.lastNotifiedAt = now;
    } else if (action === 'thread-resolved') {
      posts.resolutions++;
      out.lastNotifiedAt = now;
    } else if (out.state === 'resolved') {
      out.lastNotifiedAt = now;
    }
  }
  return out;
}
