/**
 * Value specs for the `/aicc alert …` rows of the command table, and the cross-argument check of
 * `alert add`, so the parser refuses a rule that could never work before any handler runs.
 *
 * What a value must be, and what is wrong with a combination, are messages (catalogue keys with
 * values): whoever answers words them in the reader's language, the command's usage error and the
 * alert form alike.
 */
import { channel } from '../../slack/commands/spec.js';
import { choice, type CollectedValues, type ValueSpec } from '../../slack/commands/spec.js';
import { msg, type Message } from '../../slack/commands/message.js';
import { safeMention } from './render.js';
import type { AlertOp } from '../../store/alert-rules.js';
import { canonicalMetric, firesLow, METRIC_NAMES, metricOf, type MetricName } from './metrics.js';
import { parseDuration } from './time.js';

/** One of the metric names, or an older name of one (`success_rate`), read as its current name. */
export function alertMetric(): ValueSpec<MetricName> {
  const names = choice(METRIC_NAMES);
  return {
    placeholder: 'METRIC',
    parse: (raw) => {
      const current = canonicalMetric(raw.trim().toLowerCase());
      return current ? { ok: true, value: current } : names.parse(raw);
    },
  };
}

const OPS: Record<string, AlertOp> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '≤': '<=', '≥': '>=', '=<': '<=', '=>': '>=' };

/**
 * `<`, `<=`, `>` or `>=` (Slack sends `&lt;`; the tokenizer has decoded it). Texts shown in Slack
 * write them as entities: `<` and `>` are mrkdwn control characters.
 */
export function comparison(): ValueSpec<AlertOp> {
  return {
    placeholder: 'OP',
    parse: (raw) => {
      const op = OPS[raw.trim()];
      return op ? { ok: true, value: op } : { ok: false, expected: msg('help.expected.comparison') };
    },
  };
}

/** A number; a trailing `%` is allowed (rates are typed in percent either way), and a decimal comma (`32,5`) as in pt-BR. */
export function thresholdValue(placeholder = 'THRESHOLD'): ValueSpec<number> {
  return {
    placeholder,
    parse: (raw) => {
      const m = /^(-?\d{1,9}(?:[.,]\d{1,4})?)\s*%?$/.exec(raw.trim());
      return m ? { ok: true, value: Number(m[1]!.replace(',', '.')) } : { ok: false, expected: msg('help.expected.threshold') };
    },
  };
}

/** Where and what: the word `all` and/or a channel link, in any order. */
export interface AlertTarget {
  all: boolean;
  channel?: string;
}

export function alertTarget(): ValueSpec<AlertTarget> {
  const link = channel();
  return {
    placeholder: 'all|#CHANNEL',
    parse: (raw) => {
      const out: AlertTarget = { all: false };
      for (const word of raw.split(/\s+/).filter(Boolean)) {
        if (word.toLowerCase() === 'all' && !out.all) {
          out.all = true;
          continue;
        }
        const c = link.parse(word);
        if (!c.ok || out.channel !== undefined) return { ok: false, expected: c.ok ? msg('help.expected.alertTargetTwoChannels') : msg('help.expected.alertTarget', { channel: c.expected }) };
        out.channel = c.value;
      }
      return { ok: true, value: out };
    },
  };
}

/** A duration such as `10m`, `4h`, `1h30m` (a bare number is minutes); yields seconds. */
export function duration(opts: { max: number; allowOff?: boolean; placeholder?: string }): ValueSpec<number> {
  const expected = msg(opts.allowOff ? 'help.expected.durationOrOff' : 'help.expected.duration', { days: Math.round(opts.max / 86_400) });
  return {
    placeholder: opts.placeholder ?? 'DURATION',
    parse: (raw) => {
      if (opts.allowOff && /^(off|never|none)$/i.test(raw.trim())) return { ok: true, value: 0 };
      const s = parseDuration(raw);
      if (s === undefined || s > opts.max) return { ok: false, expected };
      return { ok: true, value: s };
    },
  };
}

/** `2h`, `30m`, `1d` or `tomorrow` (the next midnight in the tenant's zone). */
export function muteLength(): ValueSpec<number | 'tomorrow'> {
  const d = duration({ max: 30 * 86_400, placeholder: 'DURATION|tomorrow' });
  return {
    placeholder: d.placeholder,
    parse: (raw) => {
      if (raw.trim().toLowerCase() === 'tomorrow') return { ok: true, value: 'tomorrow' };
      const r = d.parse(raw);
      return r.ok && r.value === 0 ? { ok: false, expected: msg('help.expected.durationPositive') } : r;
    },
  };
}

/**
 * A user or user group picked from Slack's suggestions, as Slack escapes it (`<!subteam^S123|@oncall>`,
 * `<@U123>`), or `@here` / `@channel`; yields the escaped token, which is what posting needs.
 */
export function mention(): ValueSpec<string> {
  return {
    placeholder: '@GROUP',
    parse: (raw) => {
      const t = raw.trim();
      if (/^@?(here|channel)$/i.test(t)) return { ok: true, value: `<!${t.replace('@', '').toLowerCase()}>` };
      return safeMention(t) !== undefined ? { ok: true, value: t } : { ok: false, expected: msg('help.expected.mention') };
    },
  };
}

/** Which field of the alert form a problem of {@link alertAddProblem} belongs to. */
export type AlertAddField = 'scope' | 'threshold' | 'clear';

/** The cross-argument problem of `alert add`, and the field of the alert form it concerns. */
export function alertAddProblem({ positional, options }: CollectedValues): { field: AlertAddField; problem: Message } | undefined {
  const metric = metricOf(String(positional['metric']));
  if (!metric) return undefined;
  const target = positional['target'] as AlertTarget | undefined;
  const scopes = [options['campaign'] !== undefined, options['bot'] !== undefined, Boolean(target?.all)].filter(Boolean).length;
  const scope = (problem: Message) => ({ field: 'scope' as const, problem });
  if (scopes === 0) return scope(msg('errors.usage.alert.noScope', { metric: metric.name, subject: metric.subject }));
  if (scopes > 1) return scope(msg('errors.usage.alert.severalScopes', { subject: metric.subject }));
  if (metric.subject === 'bot' && options['campaign'] !== undefined) return scope(msg('errors.usage.alert.botMetric', { metric: metric.name }));
  if (metric.subject === 'campaign' && options['bot'] !== undefined) return scope(msg('errors.usage.alert.campaignMetric', { metric: metric.name }));
  const threshold = positional['threshold'] as number;
  const clear = options['clear'] as number | undefined;
  const op = positional['op'] as AlertOp;
  // Bounds as written (`1000000`), not grouped: they read as limits, not as amounts.
  const [min, max] = metric.unit === 'percent' ? [0, 100] : [0, 1_000_000];
  for (const [field, name, v] of [['threshold', 'THRESHOLD', threshold], ['clear', '`clear`', clear]] as const) {
    if (v !== undefined && (v < min || v > max)) return { field, problem: msg(metric.unit === 'percent' ? 'errors.usage.alert.outOfRangePercent' : 'errors.usage.alert.outOfRange', { name, min: String(min), max: String(max) }) };
  }
  if (clear !== undefined && (firesLow(op) ? clear < threshold : clear > threshold)) {
    return { field: 'clear', problem: msg('errors.usage.alert.clearSide', { side: firesLow(op) ? 'low' : 'high', threshold }) };
  }
  return undefined;
}

/** The cross-argument check of `alert add`: one scope that fits the metric, sane numbers. */
export function checkAlertAdd(values: CollectedValues): Message | undefined {
  return alertAddProblem(values)?.problem;
}

/** What `alert test` is about: a stored rule by its number, or a rule typed out from its metric on. */
export type RuleOrMetric = { id: number } | { metric: MetricName };

export function ruleOrMetric(): ValueSpec<RuleOrMetric> {
  const names = alertMetric();
  return {
    placeholder: 'ID|METRIC',
    parse: (raw) => {
      if (/^\d{1,9}$/.test(raw.trim()) && Number(raw) >= 1) return { ok: true, value: { id: Number(raw) } };
      const m = names.parse(raw);
      return m.ok ? { ok: true, value: { metric: m.value } } : { ok: false, expected: msg('help.expected.ruleOrMetric', { metric: m.expected }) };
    },
  };
}

/** `alert test ID [days:N]`, or `alert test METRIC OP THRESHOLD …` checked as `alert add` checks it. */
export function checkAlertTest({ positional, options }: CollectedValues): Message | undefined {
  const what = positional['rule'] as RuleOrMetric | undefined;
  if (!what) return undefined;
  if ('id' in what) {
    const extra = [...Object.keys(positional).filter((k) => k !== 'rule'), ...Object.keys(options).filter((k) => k !== 'days')];
    return extra.length > 0 ? msg('errors.usage.alert.testIdOnly') : undefined;
  }
  if (positional['op'] === undefined || positional['threshold'] === undefined) return msg('errors.usage.alert.testNeedsOp', { metric: what.metric });
  return checkAlertAdd({ positional: { ...positional, metric: what.metric }, options });
}
