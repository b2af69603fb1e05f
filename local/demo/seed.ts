/**
 * The demo's starting data: on a store with no digest subscriptions and no alert rules, one digest
 * (the VDN, daily at the next full hour) and one alert rule on the demo campaign, both in #alerts
 * and made by the demo admin, audited as if that admin had typed them. A store that already has
 * either is left alone, so a restart never adds a second pair or brings back what someone removed.
 */
import { wallClock } from '../../src/i18n/index.js';
import { ALERT_DEFAULTS } from '../../src/features/alerts/handle-add.js';
import type { AlertRule } from '../../src/store/alert-rules.js';
import type { DigestSubscription } from '../../src/store/digests.js';
import type { Store } from '../../src/store/index.js';

/** The rule the demo starts with: tuned to the demo campaign's script (see ../sim/demo.ts). */
export const DEMO_RULE = Object.freeze({
  metric: 'connection_rate',
  op: '<',
  threshold: 40,
  /** The demo campaign dials 30 calls a minute, so a day's count starts small. */
  minVolume: 20,
  forS: 60,
  clearValue: 45,
});

export interface SeedOptions {
  store: Store;
  now: Date;
  vdn: number;
  /** The demo campaign's id (the rule's subject). */
  campaignId: string;
  /** Zone of the digest's schedule (the bot's default for new digests). */
  timeZone: string;
  /** Where the digest and the alerts go, e.g. `C0ALERTS`. */
  channelId: string;
  /** Who made them, e.g. `U0ADMIN`. */
  userId: string;
}

/** What the demo has to show: what this start created, or what an earlier start left. */
export interface DemoSetup {
  seeded: boolean;
  digest?: DigestSubscription;
  rule?: AlertRule;
}

/** `HH:00` of the hour after `now` in the zone, so the digest's first scheduled post comes within the hour. */
export function nextFullHour(now: Date, timeZone: string): string {
  return `${wallClock(new Date(now.getTime() + 3_600_000), timeZone).hour}:00`;
}

/** Seeds an empty store; otherwise finds the first active digest and a rule on the demo campaign. */
export async function seedDemo(opts: SeedOptions): Promise<DemoSetup> {
  const { store, now, userId } = opts;
  const [subs, rules] = await Promise.all([store.digests.list(), store.alerts.list()]);
  if (subs.length > 0 || rules.length > 0) {
    return {
      seeded: false,
      ...optional('digest', subs.find((s) => !s.paused)),
      ...optional('rule', rules.find((r) => r.scope === 'campaign' && r.scopeId === opts.campaignId)),
    };
  }
  const at = now.getTime();
  const digest = await store.digests.create({
    channelId: opts.channelId,
    vdn: opts.vdn,
    at: nextFullHour(now, opts.timeZone),
    days: 'daily',
    timeZone: opts.timeZone,
    createdBy: userId,
    createdAt: at,
  });
  await store.audit.append(at, userId, 'digest.add', `digest:${digest.id}`, { ...digest, via: 'demo' });
  const rule = await store.alerts.create({
    ...DEMO_RULE,
    scope: 'campaign',
    scopeId: opts.campaignId,
    vdn: opts.vdn,
    repeatS: ALERT_DEFAULTS.repeatS,
    channelId: opts.channelId,
    createdBy: userId,
    createdAt: at,
  });
  await store.audit.append(at, userId, 'alert.add', `alert:${rule.id}`, { ...rule, via: 'demo' });
  return { seeded: true, digest, rule };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
