/**
 * A rule as people give it (the `alert add` / `alert test` arguments, or the alert form's fields),
 * with the defaults filled in: one place, so the command, the form and the backtest agree.
 */
import type { AlertScope } from '../../store/alert-rules.js';
import type { AlertOp } from '../../store/alert-rules.js';
import { BOT_VDN } from '../collector/index.js';
import type { BacktestRule } from './backtest.js';
import { defaultClear, METRICS, type MetricName } from './metrics.js';

/** Defaults: at least 50 calls, 10 minutes, clear on the healthy side, a reminder every 4 hours. */
export const ALERT_DEFAULTS = { minVolume: 50, forS: 600, repeatS: 4 * 3600 } as const;

export interface AlertRuleInput {
  metric: MetricName;
  op: AlertOp;
  threshold: number;
  /** Every running campaign of the VDN (or every voice bot named in rules). */
  all: boolean;
  campaign?: string;
  bot?: string;
  min?: number;
  /** Seconds. */
  for?: number;
  clear?: number;
  /** Seconds; 0 for no reminders. */
  repeat?: number;
}

/** The rule's settings; `vdn` is the campaign's VDN (voice bots have none). */
export function ruleFromInput(i: AlertRuleInput, vdn: number): BacktestRule {
  const metric = METRICS[i.metric];
  // The command table's check (and the form's) guarantee one scope that fits the metric.
  const scope: AlertScope = i.all ? 'all' : metric.subject === 'bot' ? 'bot' : 'campaign';
  const scopeId = scope === 'all' ? undefined : (i.campaign ?? i.bot);
  return {
    metric: i.metric,
    op: i.op,
    threshold: i.threshold,
    scope,
    ...(scopeId !== undefined ? { scopeId } : {}),
    vdn: metric.subject === 'bot' ? BOT_VDN : vdn,
    minVolume: i.min ?? ALERT_DEFAULTS.minVolume,
    forS: i.for ?? ALERT_DEFAULTS.forS,
    clearValue: i.clear ?? defaultClear(metric, i.op, i.threshold),
    repeatS: i.repeat ?? ALERT_DEFAULTS.repeatS,
  };
}
