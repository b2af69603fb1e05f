/**
 * `/aicc alert test ID`: evaluates the rule now from the collected data and says what it would do,
 * then what it did over the stored history. `/aicc alert test METRIC OP THRESHOLD …`: the backtest
 * of a rule typed as `alert add` takes it, without saving anything.
 */
import type { Translator } from '../../i18n/index.js';
import type { SubjectExplanation } from './engine.js';
import type { alertTestCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderAlertNotFound, renderAlertTest, type AlertTestLine } from './render-list.js';
import { ruleView } from './handle-common.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { AlertsDeps } from './deps.js';
import { header, section, divider } from '../../slack/render/blocks.js';
import { runBacktest } from './backtest-run.js';
import { backtestRuleWords } from './render-backtest.js';
import { formatThreshold, METRICS } from './metrics.js';
import { ruleFromInput } from './rule-input.js';
import { sourceLabel } from './words.js';

function toLine(tr: Translator, s: SubjectExplanation, kind: 'campaign' | 'bot'): AlertTestLine {
  const { next, verdict, actions, firesAt } = s.result;
  const value = s.sample.kind === 'value' ? s.sample : undefined;
  const lastOk = s.missing?.series.rows.findLast((r) => r.ok)?.takenAt;
  return {
    subject: { kind, id: s.subject, ...(s.campaign ? { name: s.campaign.name, status: s.campaign.status, statusLabel: s.campaign.statusLabel } : {}) },
    verdict,
    value: value?.value,
    volume: value?.volume,
    prevState: s.prev?.state,
    nextState: next.state,
    since: new Date(next.since),
    firesAt: firesAt !== undefined ? new Date(firesAt) : undefined,
    actions,
    reason: s.sample.kind === 'inactive' ? s.sample.reason : undefined,
    missing: s.missing ? { service: sourceLabel(tr, s.missing.source), lastDataAt: lastOk !== undefined ? new Date(lastOk) : undefined } : undefined,
  };
}

export async function handleAlertTest(input: ParsedCommand<typeof alertTestCommand>, inv: Invocation, deps: AlertsDeps): Promise<HandlerResult> {
  const what = input.positional.rule;
  const days = input.options.days;
  if ('metric' in what) {
    const { op, threshold, target } = input.positional;
    const o = input.options;
    // The table's check made sure OP and THRESHOLD are there and the scope fits the metric.
    const rule = ruleFromInput({ metric: what.metric, op: op!, threshold: threshold!, all: Boolean(target?.all), campaign: o.campaign, bot: o.bot, min: o.min, for: o.for, clear: o.clear, repeat: o.repeat }, inv.vdn);
    const title = inv.tr.t('alerts.backtest.title', { metric: what.metric, op: op!, threshold: formatThreshold(inv.tr, METRICS[what.metric], threshold!) });
    return [header(title), section(backtestRuleWords(inv.tr, { rule, metric: METRICS[what.metric] })), ...(await runBacktest(inv.tr, rule, deps, days))];
  }
  const x = await deps.alerts.explain(what.id);
  if (!x) return renderAlertNotFound(inv.tr, what.id);
  const rule = ruleView(x.rule);
  const kind = x.metric?.subject ?? 'campaign';
  const now = renderAlertTest(inv.tr, { rule, lines: x.subjects.map((s) => toLine(inv.tr, s, kind)), listed: x.listed, now: new Date(x.now), timeZone: deps.timeZone });
  return [...now, divider(), ...(await runBacktest(inv.tr, x.rule, deps, days))];
}
