/**
 * Value specs for the `/aicc alert …` rows of the command table, and the cross-argument check of
 * `alert add`, so the parser refuses a rule that could never work before any handler runs.
 */
import { channel } from '../../slack/commands/spec.js';
import { choice, type CollectedValues, type ValueSpec } from '../../slack/commands/spec.js';
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
      return op ? { ok: true, value: op } : { ok: false, expected: 'one of `&lt;`, `&lt;=`, `&gt;` or `&gt;=`' };
    },
  };
}

/** A number; a trailing `%` is allowed (rates are typed in percent either way). */
export function thresholdValue(placeholder = 'THRESHOLD'): ValueSpec<number> {
  return {
    placeholder,
    parse: (raw) => {
      const m = /^(-?\d{1,9}(?:\.\d{1,4})?)\s*%?$/.exec(raw.trim());
      return m ? { ok: true, value: Number(m[1]) } : { ok: false, expected: 'a number such as `40` or `40%` (rates are in percent)' };
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
        if (!c.ok || out.channel !== undefined) return { ok: false, expected: `\`all\` and/or one channel, ${c.ok ? 'not two channels' : c.expected}` };
        out.channel = c.value;
      }
      return { ok: true, value: out };
    },
  };
}

/** A duration such as `10m`, `4h`, `1h30m` (a bare number is minutes); yields seconds. */
export function duration(opts: { max: number; allowOff?: boolean; placeholder?: string }): ValueSpec<number> {
  const expected = `a duration such as \`10m\`, \`4h\` or \`1h30m\`${opts.allowOff ? ', or `off`' : ''} (at most ${Math.round(opts.max / 86_400)} days)`;
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
      return r.ok && r.value === 0 ? { ok: false, expected: 'a duration longer than 0' } : r;
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
      return safeMention(t) !== undefined ? { ok: true, value: t } : { ok: false, expected: "a user or group picked from Slack's @ suggestions (so it arrives as a mention)" };
    },
  };
}

/** The cross-argument check of `alert add`: one scope that fits the metric, sane numbers. */
export function checkAlertAdd({ positional, options }: CollectedValues): string | undefined {
  const metric = metricOf(String(positional['metric']));
  if (!metric) return undefined;
  const target = positional['target'] as AlertTarget | undefined;
  const scopes = [options['campaign'] !== undefined, options['bot'] !== undefined, Boolean(target?.all)].filter(Boolean).length;
  const which = metric.subject === 'bot' ? '`bot:CODE` or `all`' : '`campaign:ID` or `all`';
  if (scopes === 0) return `say what \`${metric.name}\` is watched on: ${which}`;
  if (scopes > 1) return `give one of ${which}, not several`;
  if (metric.subject === 'bot' && options['campaign'] !== undefined) return `\`${metric.name}\` is a voice-bot metric: use \`bot:CODE\` or \`all\``;
  if (metric.subject === 'campaign' && options['bot'] !== undefined) return `\`${metric.name}\` is a campaign metric: use \`campaign:ID\` or \`all\``;
  const threshold = positional['threshold'] as number;
  const clear = options['clear'] as number | undefined;
  const op = positional['op'] as AlertOp;
  const range = metric.unit === 'percent' ? [0, 100] : [0, 1_000_000];
  for (const [name, v] of [['THRESHOLD', threshold], ['`clear`', clear]] as const) {
    if (v !== undefined && (v < range[0]! || v > range[1]!)) return `${name} must be from ${range[0]} to ${range[1]}${metric.unit === 'percent' ? ' (percent)' : ''}`;
  }
  if (clear !== undefined && (firesLow(op) ? clear < threshold : clear > threshold)) {
    return `\`clear\` must be on the healthy side of the threshold: ${firesLow(op) ? 'at least' : 'at most'} ${threshold}`;
  }
  return undefined;
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
      return m.ok ? { ok: true, value: { metric: m.value } } : { ok: false, expected: `an alert rule number, or a metric: ${m.expected}` };
    },
  };
}

/** `alert test ID [days:N]`, or `alert test METRIC OP THRESHOLD …` checked as `alert add` checks it. */
export function checkAlertTest({ positional, options }: CollectedValues): string | undefined {
  const what = positional['rule'] as RuleOrMetric | undefined;
  if (!what) return undefined;
  if ('id' in what) {
    const extra = [...Object.keys(positional).filter((k) => k !== 'rule'), ...Object.keys(options).filter((k) => k !== 'days')];
    return extra.length > 0 ? '`alert test ID` takes only `days:N`; to try other settings, type the rule out: `alert test METRIC OP THRESHOLD …`' : undefined;
  }
  if (positional['op'] === undefined || positional['threshold'] === undefined) return `\`alert test ${what.metric}\` needs OP and THRESHOLD, as \`alert add\` does: \`alert test ${what.metric} &lt; 40 campaign:ID\``;
  return checkAlertAdd({ positional: { ...positional, metric: what.metric }, options });
}
