/**
 * Threshold alerts, evaluated after every collector tick from the stored snapshots: for each rule
 * and subject, a sample is read, {@link step} decides the next state, and the write is a
 * compare-and-set, so of several processes only the one whose write wins talks to Slack. Owed Slack
 * work stays visible in the state (a firing alert without a message, a resolution not yet told), so
 * a crash between the write and the post is retried on a later tick rather than lost.
 */
import type { Clock } from '../../platform/clock.js';
import type { Outbound } from '../../slack/outbound.js';
import type { Logger } from '../../platform/log.js';
import type { AlertRule } from '../../store/alert-rules.js';
import type { AlertState } from '../../store/alert-states.js';
import type { Store } from '../../store/index.js';
import { step, type StepResult } from './evaluate.js';
import { acknowledge, setMute, type AckOutcome } from './interact.js';
import { metricOf, type MetricDef } from './metrics.js';
import { updateNotices, OutageTally } from './notices.js';
import { notify } from './notify.js';
import { sampleOf, subjectsOf, type SubjectSample } from './samples.js';
import { createSnapshotReader, type SnapshotReader } from './series.js';
import type { Locales } from '../../slack/locales.js';

export interface AlertEngineDeps {
  store: Store;
  /** How the engine posts to Slack (one retry policy, one deadline). */
  outbound: Outbound;
  clock: Clock;
  log: Logger;
  /** The tenant's zone: how times are shown, and when "tomorrow" starts. */
  timeZone: string;
  /** The collector's interval: freshness and "three ticks" are counted in it. */
  intervalMs: number;
  /** A state written this recently is left to its writer (default a minute, at most half an interval). */
  claimMs?: number;
  /** Told of every state change this process won (for metrics). */
  onTransition?: (to: string) => void;
  /** Which language each rule posts in (its `lang:`, else its channel's); absent: English. */
  locales?: Locales;
}

export interface EvaluationReport {
  rules: number;
  subjects: number;
  /** Slack messages posted (alerts, thread replies, notices). */
  posted: number;
}

/** One subject of a rule as `alert test` explains it: the sample, the stored state and the dry-run step. */
export interface SubjectExplanation extends Omit<SubjectSample, 'trend'> {
  prev?: AlertState;
  result: StepResult;
}

export interface RuleExplanation {
  rule: AlertRule;
  metric?: MetricDef;
  now: number;
  subjects: SubjectExplanation[];
  /** For `all` on campaigns: false when the campaign list is missing. */
  listed: boolean;
}

export interface AlertEngine {
  /** Evaluates every rule now; called after each collector tick. */
  evaluate(): Promise<EvaluationReport>;
  /** What evaluating one rule now would do, without writing or posting. */
  explain(ruleId: number): Promise<RuleExplanation | undefined>;
  /** The Acknowledge button: records who, edits the message, says so in the thread. */
  acknowledge(ruleId: number, subject: string, userId: string): Promise<AckOutcome>;
  /** Mutes until `until` (epoch ms), or unmutes with null; edits the rule's open alert messages. */
  mute(ruleId: number, until: number | null, userId: string): Promise<AlertRule | undefined>;
}

export function createAlertEngine(deps: AlertEngineDeps): AlertEngine {
  const { store, clock, log } = deps;
  const claimMs = deps.claimMs ?? Math.min(60_000, deps.intervalMs / 2);
  let running: Promise<EvaluationReport> | undefined;
  const reader = (now: number) => createSnapshotReader(store, now, { intervalMs: deps.intervalMs });

  async function evaluateRule(rule: AlertRule, r: SnapshotReader, ctx: { botsInRules: string[]; tally: OutageTally; report: EvaluationReport }) {
    const metric = metricOf(rule.metric);
    if (!metric) return log.warn('alert rule names an unknown metric', { rule: rule.id, metric: rule.metric });
    const states = await store.alerts.states.listByRule(rule.id);
    const { subjects, missing } = await subjectsOf(rule, metric, r, { botsInRules: ctx.botsInRules, states });
    if (missing) ctx.tally.add(missing.source, rule, missing.series);
    for (const subject of subjects) {
      const s = await sampleOf(rule, metric, subject, r);
      if (s.missing) ctx.tally.add(s.missing.source, rule, s.missing.series);
      ctx.report.subjects++;
      ctx.report.posted += await advance(rule, metric, s, states.find((x) => x.subject === subject), r.now);
    }
  }

  /** Steps one subject with compare-and-set; a lost race re-reads and steps again. */
  async function advance(rule: AlertRule, metric: MetricDef, s: SubjectSample, first: AlertState | undefined, now: number): Promise<number> {
    let prev = first;
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = step(rule, prev, s.sample, now, { claimMs });
      if (!result.changed) return 0;
      if (!(await store.alerts.states.compareAndSet(rule.id, s.subject, prev?.version ?? null, result.next))) {
        prev = await store.alerts.states.get(rule.id, s.subject);
        continue;
      }
      if (result.next.state !== prev?.state) deps.onTransition?.(result.next.state);
      if (result.actions.length === 0) return 0;
      return notify(deps, {
        rule,
        metric,
        subject: s.subject,
        state: result.next,
        version: (prev?.version ?? 0) + 1,
        actions: result.actions,
        retry: prev?.state === 'firing',
        campaign: s.campaign,
        trend: s.trend(),
        firingSince: prev?.state === 'firing' ? prev.since : undefined,
        now,
        timeZone: deps.timeZone,
      });
    }
    return 0;
  }

  async function evaluateNow(): Promise<EvaluationReport> {
    const now = clock().getTime();
    const rules = await store.alerts.list();
    const r = reader(now);
    const botsInRules = [...new Set(rules.filter((x) => x.scope === 'bot' && x.scopeId).map((x) => x.scopeId!))];
    const ctx = { botsInRules, tally: new OutageTally(), report: { rules: rules.length, subjects: 0, posted: 0 } };
    for (const rule of rules) {
      await evaluateRule(rule, r, ctx).catch((error: unknown) => log.error('alert rule evaluation failed', { rule: rule.id, error }));
    }
    ctx.report.posted += await updateNotices({ ...deps, claimMs }, ctx.tally, now);
    return ctx.report;
  }

  return {
    evaluate() {
      // One evaluation at a time per process; a second caller shares the running one.
      running ??= evaluateNow().finally(() => {
        running = undefined;
      });
      return running;
    },
    async explain(ruleId) {
      const rule = await store.alerts.get(ruleId);
      if (!rule) return undefined;
      const now = clock().getTime();
      const metric = metricOf(rule.metric);
      if (!metric) return { rule, now, subjects: [], listed: true };
      const r = reader(now);
      const rules = await store.alerts.list();
      const botsInRules = [...new Set(rules.filter((x) => x.scope === 'bot' && x.scopeId).map((x) => x.scopeId!))];
      const states = await store.alerts.states.listByRule(rule.id);
      const { subjects, listed } = await subjectsOf(rule, metric, r, { botsInRules, states });
      const out: SubjectExplanation[] = [];
      for (const subject of subjects) {
        const { trend, ...s } = await sampleOf(rule, metric, subject, r);
        void trend;
        const prev = states.find((x) => x.subject === subject);
        out.push({ ...s, ...(prev ? { prev } : {}), result: step(rule, prev, s.sample, now, { claimMs: 0 }) });
      }
      return { rule, metric, now, subjects: out, listed };
    },
    acknowledge: (ruleId, subject, userId) => acknowledge({ ...deps, reader }, ruleId, subject, userId),
    mute: (ruleId, until, userId) => setMute({ ...deps, reader }, ruleId, until, userId),
  };
}
