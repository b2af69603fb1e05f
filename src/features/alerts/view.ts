/**
 * Builds what the alert renderers show from a rule, the stored state of one subject and (when
 * there is one) this evaluation's sample; and the value the alert's buttons carry. Pure.
 */
import type { Campaign } from '../../aicc/domain.js';
import type { AlertMessageView } from './render.js';
import type { TrendPoint } from './render-chart.js';
import type { AlertRule } from '../../store/alert-rules.js';
import type { AlertStateWrite } from '../../store/alert-states.js';
import { isMuted } from './evaluate.js';
import type { MetricDef } from './metrics.js';

export interface ViewInput {
  rule: AlertRule;
  metric: MetricDef;
  subject: string;
  state: AlertStateWrite;
  campaign?: Campaign;
  trend?: readonly TrendPoint[];
  /** When the alert began firing, if the state no longer says (it has resolved). */
  firingSince?: number;
  now: number;
  timeZone: string;
}

/** What the alert's buttons carry: the rule and the subject, so any process can act on a click. */
export function alertButtonValue(ruleId: number, subject: string): string {
  return JSON.stringify({ r: ruleId, s: subject });
}

export function decodeAlertButton(value: string | undefined): { ruleId: number; subject: string } | undefined {
  try {
    const v = JSON.parse(value ?? '') as { r?: unknown; s?: unknown };
    return typeof v.r === 'number' && Number.isInteger(v.r) && typeof v.s === 'string' ? { ruleId: v.r, subject: v.s } : undefined;
  } catch {
    return undefined;
  }
}

const date = (t: number | null | undefined) => (t === undefined || t === null ? undefined : new Date(t));

/** The alert message's view; a state other than `resolved` shows as firing. */
export function alertView(input: ViewInput): AlertMessageView {
  const { rule, metric, state, campaign } = input;
  const resolved = state.state === 'resolved';
  const firingSince = resolved ? input.firingSince : state.since;
  return {
    ruleId: rule.id,
    metric,
    op: rule.op,
    threshold: rule.threshold,
    clearValue: rule.clearValue,
    vdn: rule.vdn,
    subject: {
      kind: metric.subject,
      id: input.subject,
      ...(campaign ? { name: campaign.name, status: campaign.status, statusLabel: campaign.statusLabel } : {}),
    },
    state: resolved ? 'resolved' : 'firing',
    value: state.lastValue ?? undefined,
    volume: state.lastVolume ?? undefined,
    trend: input.trend ?? [],
    firingSince: date(firingSince),
    resolvedAt: resolved ? new Date(state.since) : undefined,
    resolvedReason: resolved ? (state.reason ?? undefined) : undefined,
    ackedBy: state.ackedBy ?? undefined,
    ackedAt: date(state.ackedAt),
    mutedUntil: isMuted(rule, input.now) ? date(rule.mutedUntil) : undefined,
    // The engine's reminder for a mute that ended since the last message (evaluate.ts) says so.
    muteEndedAt: rule.mutedUntil !== undefined && rule.mutedUntil <= input.now && (state.lastNotifiedAt ?? state.since) < rule.mutedUntil ? new Date(rule.mutedUntil) : undefined,
    mention: rule.mention,
    timeZone: input.timeZone,
    buttonValue: alertButtonValue(rule.id, input.subject),
  };
}
