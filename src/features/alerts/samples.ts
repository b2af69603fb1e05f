/**
 * From stored snapshots to what {@link step} judges: the subjects of a rule (one campaign or bot,
 * or every running campaign of the VDN / every bot named in rules for `all`) and, per subject, a
 * sample (a value and its volume, "no data", or "not running") with the context a message shows:
 * the campaign's name and status and the metric over the last hours.
 */
import type { Campaign } from '../../aicc/domain.js';
import { BOT_VDN } from '../collector/index.js';
import type { AlertRule } from '../../store/alert-rules.js';
import type { AlertState } from '../../store/alert-states.js';
import type { Snapshot, SnapshotSource } from '../../store/index.js';
import type { Sample } from './evaluate.js';
import type { MetricDef, Reading } from './metrics.js';
import type { TrendPoint } from './render-chart.js';
import type { SeriesInfo, SnapshotReader } from './series.js';
import { reasonNotListed, reasonStatus } from './words.js';

/** A sample with what a message or an explanation needs besides it. */
export interface SubjectSample {
  subject: string;
  sample: Sample;
  /** The source whose missing data made the sample "no data", and how that series stands. */
  missing?: { source: SnapshotSource; series: SeriesInfo };
  campaign?: Campaign;
  /** When the judged data was collected. */
  asOf?: number;
  /** The metric over the last hours' successful snapshots, oldest first (read lazily: only messages need it). */
  trend(): TrendPoint[];
}

const CAMPAIGN_RUNNING = 2;

/** The subjects to evaluate; `listed: false` when the campaign list needed for `all` is missing. */
export async function subjectsOf(
  rule: AlertRule,
  metric: MetricDef,
  reader: SnapshotReader,
  ctx: { botsInRules: readonly string[]; states: readonly AlertState[] },
): Promise<{ subjects: string[]; listed: boolean; missing?: SubjectSample['missing'] }> {
  if (rule.scope !== 'all') return { subjects: rule.scopeId ? [rule.scopeId] : [], listed: true };
  // Subjects with a state other than ok are kept, so a campaign that stopped resolves its alert.
  const known = ctx.states.filter((s) => s.state !== 'ok').map((s) => s.subject);
  if (metric.subject === 'bot') return { subjects: unique([...ctx.botsInRules, ...known]), listed: true };
  const list = await reader.series('campaigns', rule.vdn, '');
  if (!list.fresh || !list.latestOk) return { subjects: unique(known), listed: false, missing: { source: 'campaigns', series: list } };
  const running = [...reader.campaigns(list.latestOk).values()].filter((c) => c.status === CAMPAIGN_RUNNING).map((c) => c.id);
  return { subjects: unique([...running, ...known]), listed: true };
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** Reads one subject of a rule. */
export async function sampleOf(rule: AlertRule, metric: MetricDef, subject: string, reader: SnapshotReader): Promise<SubjectSample> {
  const none = (): TrendPoint[] => [];
  if (metric.source === 'oifde') {
    const series = await reader.series('oifde', BOT_VDN, subject);
    const read = (s: Snapshot): Reading | undefined => (metric.source === 'oifde' ? metric.read(reader.botRows(s)) : undefined);
    if (!series.fresh || !series.latestOk) return { subject, sample: { kind: 'nodata' }, missing: { source: 'oifde', series }, trend: none };
    return { subject, sample: { kind: 'value', ...read(series.latestOk)! }, asOf: series.latestOk.takenAt, trend: () => trendOf(series, read) };
  }

  const list = await reader.series('campaigns', rule.vdn, '');
  if (!list.fresh || !list.latestOk) return { subject, sample: { kind: 'nodata' }, missing: { source: 'campaigns', series: list }, trend: none };
  const campaign = reader.campaigns(list.latestOk).get(subject);
  if (!campaign) return { subject, sample: { kind: 'inactive', reason: reasonNotListed(rule.vdn) }, trend: none };
  if (campaign.status !== CAMPAIGN_RUNNING) return { subject, campaign, sample: { kind: 'inactive', reason: reasonStatus(campaign.statusLabel) }, trend: none };

  const series = await reader.series(metric.source, rule.vdn, '');
  const read = (s: Snapshot): Reading | undefined => {
    if (metric.source === 'stats') {
      const row = reader.stats(s).get(subject);
      // A running campaign without a statistics row has dialled nothing yet.
      return row ? metric.read(row) : { value: undefined, volume: 0 };
    }
    if (metric.source === 'cms') {
      const row = reader.cms(s).get(subject);
      return row ? metric.read(row) : undefined;
    }
    return undefined;
  };
  const reading = series.fresh && series.latestOk ? read(series.latestOk) : undefined;
  if (!reading) return { subject, campaign, sample: { kind: 'nodata' }, missing: { source: metric.source, series }, trend: none };
  return { subject, campaign, sample: { kind: 'value', ...reading }, asOf: series.latestOk!.takenAt, trend: () => trendOf(series, read) };
}

function trendOf(series: SeriesInfo, read: (s: Snapshot) => Reading | undefined): TrendPoint[] {
  return series.history.flatMap((r) => {
    const v = read(r)?.value;
    return v === undefined ? [] : [{ at: r.takenAt, value: v }];
  });
}
