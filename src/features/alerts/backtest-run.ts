/**
 * Runs a backtest for people: the period (the last `days`, default 7, cut to what the store keeps),
 * the voice bots named in rules, then the renderer in `tr`'s language. Shared by `alert test` and the alert form.
 */
import type { KnownBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';
import { backtest, type BacktestRule } from './backtest.js';
import type { AlertsDeps } from './deps.js';
import { renderBacktest } from './render-backtest.js';

export const DEFAULT_BACKTEST_DAYS = 7;
const DAY = 86_400_000;

export async function runBacktest(tr: Translator, rule: BacktestRule, deps: Pick<AlertsDeps, 'store' | 'clock' | 'timeZone' | 'history'>, days = DEFAULT_BACKTEST_DAYS): Promise<KnownBlock[]> {
  const to = deps.clock().getTime();
  const kept = Math.max(1, deps.history.retentionDays);
  const span = Math.min(days, kept);
  const rules = await deps.store.alerts.list();
  const botsInRules = [...new Set(rules.filter((x) => x.scope === 'bot' && x.scopeId).map((x) => x.scopeId!))];
  const result = await backtest(deps.store, rule, { from: to - span * DAY, to, intervalMs: deps.history.intervalMs, botsInRules });
  if (!result) return [];
  return renderBacktest(tr, result, { timeZone: deps.timeZone, days: span, ...(days > kept ? { cappedFrom: to - span * DAY } : {}) });
}
