/**
 * Totals over many campaigns that never count an unknown figure as zero: today's dialled,
 * connected and connection rate are summed over the campaigns that reported both counts (one
 * without the other would skew the rate), finished and remaining over those that reported each,
 * and the answer says how many campaigns each total covers.
 */
import type { OutboundCounts } from '../../aicc/domain.js';
import type { Translator } from '../../i18n/index.js';
import { ratio } from '../../slack/format.js';

export interface Covered {
  /** Sum over the campaigns that reported it; undefined when none did. */
  value?: number;
  /** How many campaigns it covers. */
  reported: number;
}

export interface StatsTotals {
  campaigns: number;
  /** Campaigns with both today's dialled and connected counts: what dialled, connected and the rate cover. */
  reported: number;
  dialled?: number;
  connected?: number;
  connectionRate: number | null | undefined;
  finished: Covered;
  remaining: Covered;
  /** Campaigns with a figure the vendor sent that cannot be true (left out of the totals). */
  inconsistent: number;
}

function covered(values: ReadonlyArray<number | undefined>): Covered {
  const known = values.filter((n): n is number => n !== undefined && Number.isFinite(n));
  return known.length > 0 ? { value: known.reduce((a, b) => a + b, 0), reported: known.length } : { reported: 0 };
}

/** Today's totals over `rows`, with what they cover. */
export function statsTotals(rows: readonly OutboundCounts[]): StatsTotals {
  const both = rows.filter((r) => r.dailyCalled !== undefined && r.dailyConnected !== undefined);
  const dialled = covered(both.map((r) => r.dailyCalled));
  const connected = covered(both.map((r) => r.dailyConnected));
  return {
    campaigns: rows.length,
    reported: both.length,
    ...(dialled.value !== undefined ? { dialled: dialled.value } : {}),
    ...(connected.value !== undefined ? { connected: connected.value } : {}),
    connectionRate: ratio(connected.value, dialled.value),
    finished: covered(rows.map((r) => r.dailyFinished)),
    remaining: covered(rows.map((r) => r.remaining)),
    inconsistent: rows.filter((r) => r.inconsistent && Object.keys(r.inconsistent).length > 0).length,
  };
}

/** `4 of 6 campaigns reported` style coverage, or undefined when every campaign did. */
export function coverageNote(tr: Translator, t: StatsTotals, unreadable = 0): string | undefined {
  const parts: string[] = [];
  if (t.reported < t.campaigns) parts.push(tr.t('queries.stats.coverage.reported', { reported: t.reported, campaigns: t.campaigns }));
  if (t.inconsistent > 0) parts.push(tr.t('queries.stats.coverage.inconsistent', { n: t.inconsistent }));
  if (unreadable > 0) parts.push(tr.t('queries.stats.coverage.unreadable', { n: unreadable }));
  return parts.length > 0 ? tr.t('queries.stats.coverage', { parts: parts.join(' · ') }) : undefined;
}
