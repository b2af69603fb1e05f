/**
 * Value specs for the `/aicc digest …` rows of the command table: a channel link, comma lists, the
 * `at`, `days` and `tz` validators built on schedule.ts, and `lang`, so the parser refuses a bad
 * schedule or language before any handler runs. `channel` and `csv` come from spec.ts.
 */
import { csv, identifier, type ValueSpec } from '../../slack/commands/spec.js';
import { formatAt, formatDays, parseAt, parseDays, parseTimeZone } from './schedule.js';

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
