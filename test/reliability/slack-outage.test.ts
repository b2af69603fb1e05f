/**
 * Slack down: the fake Web API answers 500 to every chat.postMessage. With the real retry policy
 * and real waits, a collector tick still completes and stores its snapshots at once (the alert
 * evaluation after it waits on Slack, the tick does not), the evaluation gives up within its
 * bounds and leaves the alert owed, and once Slack recovers the owed alert is posted, once.
 */
import { expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock.js';
import { ALERT_EVENT_TYPE } from '../../src/features/alerts/posting.js';
import { DAY_START, START, env, healthyCampaign, slackSince, tickAfter } from '../support/alerts-e2e.js';
import { startE2E } from '../support/e2e.js';

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

it('a tick completes while Slack answers 500; the owed alert is posted once Slack recovers', async () => {
  const clock = manualClock(START);
  const e2e = await startE2E({ clock, env: env(), sim: { timeZone: 'Asia/Shanghai' }, sleep: realSleep });
  try {
    const c = healthyCampaign(e2e, clock);
    await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:0 clear:45 <#COPS|ops>`, { user: 'UADMIN' });
    const [rule] = await e2e.bot.store.alerts.list();
    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
    e2e.slack.failAlways('chat.postMessage', { status: 500 });
    const mark = e2e.slack.calls.length;

    const started = Date.now();
    const report = await e2e.bot.collector.tick();
    const tickMs = Date.now() - started;
    expect(report?.failures).toEqual([]);
    expect(await e2e.bot.store.snapshots.latest('stats', 8, '', { okOnly: true })).toMatchObject({ takenAt: clock().getTime() });
    // The evaluation's post needs three attempts over four seconds of backoff; the tick took none of it.
    expect(tickMs).toBeLessThan(3_000);
    let evaluated = false;
    const evaluation = e2e.bot.collector.settled().then(() => (evaluated = true));
    expect(evaluated).toBe(false);

    // Bounded: three attempts at the post, then one DM to the rule's creator (three more), then done.
    const evaluationStarted = Date.now();
    await evaluation;
    expect(Date.now() - evaluationStarted).toBeLessThan(15_000);
    expect(slackSince(e2e, mark, 'COPS').top).toHaveLength(3);
    const owed = await e2e.bot.store.alerts.states.get(rule!.id, String(c.id));
    expect(owed).toMatchObject({ state: 'firing' });
    expect(owed?.messageTs ?? undefined).toBeUndefined();
    expect(e2e.slack.messages('COPS')).toHaveLength(0);

    e2e.slack.clearFaults();
    await tickAfter(e2e.bot, clock, 5);
    const posted = e2e.slack.messages('COPS').filter((m) => !m.threadTs);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.metadata?.event_type).toBe(ALERT_EVENT_TYPE);
    expect((await e2e.bot.store.alerts.states.get(rule!.id, String(c.id)))?.messageTs).toBe(posted[0]!.ts);
  } finally {
    await e2e.close();
  }
}, 60_000);
