/** `/aicc alert test ID`: evaluates the rule now from the collected data and says what it would do. */
import { SERVICE_LABELS } from '../../aicc/errors.js';
import type { SubjectExplanation } from './engine.js';
import type { alertTestCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderAlertNotFound, renderAlertTest, type AlertTestLine } from './render-list.js';
import { ruleView } from './handle-common.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { AlertsDeps } from './deps.js';

const SOURCE_LABELS: Record<string, string> = {
  campaigns: `${SERVICE_LABELS.isales} campaign list`,
  stats: `${SERVICE_LABELS.isales} statistics`,
  cms: `${SERVICE_LABELS.cms} real-time statistics`,
  oifde: `${SERVICE_LABELS.oifde} voice-bot reports`,
};

function toLine(s: SubjectExplanation, kind: 'campaign' | 'bot'): AlertTestLine {
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
    missing: s.missing ? { service: SOURCE_LABELS[s.missing.source] ?? s.missing.source, lastDataAt: lastOk !== undefined ? new Date(lastOk) : undefined } : undefined,
  };
}

export async function handleAlertTest(input: ParsedCommand<typeof alertTestCommand>, inv: Invocation, deps: AlertsDeps): Promise<HandlerResult> {
  void inv;
  const x = await deps.alerts.explain(input.positional.id);
  if (!x) return renderAlertNotFound(input.positional.id);
  const rule = ruleView(x.rule);
  const kind = x.metric?.subject ?? 'campaign';
  return renderAlertTest({ rule, lines: x.subjects.map((s) => toLine(s, kind)), listed: x.listed, now: new Date(x.now), timeZone: deps.timeZone });
}
