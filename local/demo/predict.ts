/**
 * When the demo's alert should fire and resolve, for the welcome message: the rule's lifecycle
 * (breach, `for`, clear level, minimum volume) replayed on the collector's ticks over a reading of
 * the metric at each instant. Pure; the caller reads the simulator's counts.
 */
import { breaches, clears } from '../../src/features/alerts/metrics.js';
import type { AlertRule } from '../../src/store/alert-rules.js';

export interface Reading {
  value: number | undefined;
  volume: number;
}

export interface AlertForecast {
  firesAt?: Date;
  resolvesAt?: Date;
}

export type ForecastRule = Pick<AlertRule, 'op' | 'threshold' | 'clearValue' | 'minVolume' | 'forS'>;

/**
 * Replays ticks on the interval's boundaries from `from` until `until` (or until it resolved).
 * Low volume or no value holds the state, as the engine does (a pending breach starts over).
 */
export function forecastAlert(rule: ForecastRule, read: (at: Date) => Reading, opts: { from: Date; until: Date; intervalMs: number }): AlertForecast {
  const { intervalMs } = opts;
  let pendingSince: number | undefined;
  let firesAt: number | undefined;
  for (let t = Math.ceil(opts.from.getTime() / intervalMs) * intervalMs; t <= opts.until.getTime(); t += intervalMs) {
    const { value, volume } = read(new Date(t));
    if (value === undefined || volume < rule.minVolume) {
      pendingSince = undefined;
      continue;
    }
    if (firesAt === undefined) {
      if (!breaches(rule.op, rule.threshold, value)) pendingSince = undefined;
      else if ((pendingSince ??= t) + rule.forS * 1000 <= t) firesAt = t;
    } else if (clears(rule.op, rule.clearValue, value)) {
      return { firesAt: new Date(firesAt), resolvesAt: new Date(t) };
    }
  }
  return firesAt === undefined ? {} : { firesAt: new Date(firesAt) };
}
