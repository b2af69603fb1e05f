/**
 * Value specs for the `/aicc digest …` rows of the command table: a channel link, comma lists, and
 * the `at`, `days` and `tz` validators built on schedule.ts, so the parser refuses a bad schedule
 * before any handler runs. `channel` and `csv` are not digest-specific (alert rules want them too);
 * they live here until spec.ts adopts them.
 */
import { identifier, type ValueSpec } from '../../slack/commands/spec.js';
import { formatAt, formatDays, parseAt, parseDays, parseTimeZone } from './schedule.js';

/**
 * A channel as Slack escapes it in command text, `<#C123|name>` or `<#C123>` (also `<#C123|>`),
 * or a bare channel id; yields the id. A typed `#name` cannot be resolved without an API call, so it
 * is refused with a hint to pick the channel from Slack's suggestions.
 */
export function channel(): ValueSpec<string> {
  const expected = "a channel picked from Slack's # suggestions (so it arrives as a link), or a channel id such as `C0123ABCD`";
  return {
    placeholder: '#CHANNEL',
    parse(raw) {
      const link = /^<#([CG][A-Z0-9]{2,30})(?:\|[^<>|]*)?>$/.exec(raw.trim());
      if (link) return { ok: true, value: link[1]! };
      if (/^[CG](?=[A-Z]*\d)[A-Z0-9]{6,30}$/.test(raw.trim())) return { ok: true, value: raw.trim() };
      return { ok: false, expected };
    },
  };
}

/**
 * A comma-separated list of values, each checked by `item`; spaces around commas and empty items are
 * ignored, duplicates dropped, order kept.
 */
export function csv<T>(item: ValueSpec<T>, opts: { placeholder?: string; max?: number } = {}): ValueSpec<T[]> {
  const max = opts.max ?? 100;
  return {
    placeholder: opts.placeholder ?? `${item.placeholder},…`,
    parse(raw) {
      const parts = [...new Set(raw.split(',').map((p) => p.trim()).filter((p) => p !== ''))];
      if (parts.length === 0) return { ok: false, expected: `a comma-separated list of ${item.placeholder}` };
      if (parts.length > max) return { ok: false, expected: `at most ${max} items` };
      const values: T[] = [];
      for (const part of parts) {
        const parsed = item.parse(part);
        if (!parsed.ok) return { ok: false, expected: `a list whose items are ${parsed.expected}` };
        values.push(parsed.value);
      }
      return { ok: true, value: values };
    },
  };
}

/** `all`, or a comma list of campaign ids. */
export function campaignScope(): ValueSpec<'all' | string[]> {
  const list = csv(identifier('ID'), { placeholder: 'ID,ID|all', max: 200 });
  return {
    placeholder: list.placeholder,
    parse: (raw) => (raw.trim().toLowerCase() === 'all' ? { ok: true, value: 'all' } : list.parse(raw)),
  };
}

/** `at:09:00`; yields 'HH:MM' with leading zeros. */
export function timeOfDay(): ValueSpec<string> {
  return {
    placeholder: 'HH:MM',
    parse(raw) {
      const r = parseAt(raw);
      return r.ok ? { ok: true, value: formatAt(r.value) } : r;
    },
  };
}

/** `days:mon-fri`; yields the canonical text (`daily`, `mon-fri`, `sat,sun`, `mon,wed-fri`). */
export function weekdays(): ValueSpec<string> {
  return {
    placeholder: 'mon-fri|daily|sat,sun',
    parse(raw) {
      const r = parseDays(raw);
      return r.ok ? { ok: true, value: formatDays(r.value) } : r;
    },
  };
}

/** `tz:Asia/Shanghai`; yields the runtime's canonical IANA name. */
export function timeZone(): ValueSpec<string> {
  return { placeholder: 'ZONE', parse: parseTimeZone };
}
