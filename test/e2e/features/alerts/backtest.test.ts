/**
 * The backtest against what the live engine did on the same data: a campaign collapses twice (and
 * iSales is down for two ticks in between) while live rules are evaluated after every collector
 * tick; then `/aicc alert test …` replays the stored snapshots and must find the same incidents,
 * at the same times, with the same posts, and the missing data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { translator } from '../../../../src/i18n/index.js';
import { backtest } from '../../../../src/features/alerts/backtest.js';
import type { SimCampaign } from '../../../../local/sim/campaigns.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';
import { DAY_START, env, healthyCampaign, MIN, slackSince, START, tickAfter, TZ } from '../../../support/alerts-e2e.js';

/** The English translator's formatters (they were format.ts's before the bot spoke other languages). */
const EN = translator('en');
const formatDuration = EN.duration;
const formatTime = EN.time;

const answer = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

interface LiveIncident {
  firedAt: number;
  resolvedAt?: number;
}

describe('backtest: the same incidents as the live engine on the same history', () => {
  const clock = manualClock(START);
  let e2e: E2E;
  let c: SimCampaign;
  /** What the live engine did, per rule id, read from its stored state after every tick. */
  const live = new Map<number, LiveIncident[]>();
  const RULES = [
    // [the arguments of alert add and alert test, what the comparison expects]
    'connection_rate < 40 campaign:{id} for:10m repeat:1h',
    'connection_rate < 40 campaign:{id} for:0 clear:50 repeat:off',
    'connection_rate < 40 campaign:{id} for:30m',
  ];
  let mark = 0;

  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env(), sim: { timeZone: TZ } });
    c = healthyCampaign(e2e, clock);
    for (const r of RULES) {
      const added = answer(await e2e.slash(`alert add ${r.replace('{id}', String(c.id))} <#COPS|ops>`, { user: 'UADMIN' }));
      expect(added).toMatch(/Alert \d+ added/);
    }
    mark = e2e.slack.calls.length;
    const record = async () => {
      for (const rule of await e2e.bot.store.alerts.list()) {
        const s = await e2e.bot.store.alerts.states.get(rule.id, String(c.id));
        const list = live.get(rule.id) ?? [];
        live.set(rule.id, list);
        const open = list.at(-1)?.resolvedAt === undefined ? list.at(-1) : undefined;
        if (s?.state === 'firing' && !open) list.push({ firedAt: s.since });
        else if (s && s.state !== 'firing' && open) open.resolvedAt = s.since;
      }
    };
    const ticks = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await tickAfter(e2e.bot, clock);
        await record();
      }
    };
    await tickAfter(e2e.bot, clock, 0);
    await record();
    await ticks(2); // healthy
    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
    await ticks(16); // fires, an hour and more of firing (a reminder)
    e2e.sim.world.clearScenario();
    await ticks(3); // resolves
    e2e.sim.setFaults('isales', { down: true });
    await ticks(2); // no data: neither fires nor resolves
    e2e.sim.clearFaults();
    await ticks(2);
    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
    await ticks(5); // fires again and is still firing at the end
  }, 60_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it('the live engine fired twice for the first two rules, once late for `for:30m`', () => {
    expect(live.get(1)).toHaveLength(2);
    expect(live.get(1)![0]!.resolvedAt).toBeDefined();
    expect(live.get(1)![1]!.resolvedAt).toBeUndefined();
    expect(live.get(2)).toHaveLength(2);
    expect(live.get(3)!.length).toBeGreaterThanOrEqual(1);
    expect(live.get(3)![0]!.firedAt).toBeGreaterThan(live.get(1)![0]!.firedAt);
  });

  it('replays each stored rule to the same incidents and posts (the backtest over the real store)', async () => {
    const now = clock().getTime();
    for (const rule of await e2e.bot.store.alerts.list()) {
      const result = await backtest(e2e.bot.store, rule, { from: now - 7 * 86_400_000, to: now, intervalMs: 5 * MIN, botsInRules: [] });
      expect(result, `rule ${rule.id}`).toBeDefined();
      const replayed = result!.incidents.map((x) => ({ firedAt: x.firedAt, ...(x.resolvedAt !== undefined ? { resolvedAt: x.resolvedAt } : {}) }));
      expect(replayed, `rule ${rule.id}`).toEqual(live.get(rule.id));
      // The live engine's posts for this rule, as the fake Slack recorded them.
      const posted = e2e.slack.calls.slice(mark).filter((x) => x.method === 'chat.postMessage' && JSON.stringify(x.body).includes(`Alert rule ${rule.id} `));
      expect(result!.posts.alerts, `rule ${rule.id} alerts`).toBe(posted.length);
      // The outage: two ticks of iSales down. The first still judges by the list of five minutes
      // before (fresh within 1.5 ticks, live and replayed alike); the second cannot be judged.
      expect(result!.missingMs).toBe(5 * MIN);
    }
    const s = slackSince(e2e, mark, 'COPS');
    const one = (await e2e.bot.store.alerts.get(1))!;
    const r1 = await backtest(e2e.bot.store, one, { from: now - 86_400_000, to: now, intervalMs: 5 * MIN, botsInRules: [] });
    const threadOf = (ts: string | undefined) => s.replies.filter((x) => x.body.thread_ts === ts);
    const firstTs = s.top.find((x) => JSON.stringify(x.body).includes('Alert rule 1 '))?.body;
    expect(firstTs).toBeDefined();
    // Rule 1's reminders and resolution replies, in all of its threads.
    const tops = e2e.slack.messages('COPS').filter((m) => !m.threadTs && JSON.stringify(m.blocks).includes('Alert rule 1 '));
    const replies = tops.flatMap((m) => threadOf(m.ts));
    const reminders = replies.filter((x) => blocksText(x.body.blocks).includes('Still firing')).length;
    const resolutions = replies.filter((x) => blocksText(x.body.blocks).includes('Resolved')).length;
    expect(r1!.posts).toEqual({ alerts: 2, reminders, resolutions });
    expect(reminders).toBeGreaterThanOrEqual(1);
    expect(resolutions).toBe(1);
  });

  it('`/aicc alert test METRIC OP THRESHOLD …` answers the same over real HTTP, saving nothing', async () => {
    const rulesBefore = (await e2e.bot.store.alerts.list()).length;
    const text = answer(await e2e.slash(`alert test ${RULES[0]!.replace('{id}', String(c.id))}`));
    const [first, second] = live.get(1)!;
    expect(text).toMatch(/2 incidents\* in the last 7 days/);
    expect(text).toContain(`fired 2026-11-20 ${formatTime(new Date(first!.firedAt), TZ)}`);
    expect(text).toContain(`resolved ${formatTime(new Date(first!.resolvedAt!), TZ)}`);
    expect(text).toContain(`after *${formatDuration(first!.resolvedAt! - first!.firedAt)}*`);
    expect(text).toContain(`fired 2026-11-20 ${formatTime(new Date(second!.firedAt), TZ)}`);
    expect(text).toMatch(/still firing\* at the end/);
    expect(text).toMatch(/It would have posted 2 alerts, \d+ reminders? and 1 resolution/);
    expect(text).toContain('*5 min of missing data*');
    expect(text).toMatch(/Replayed \d+ collector ticks over 1 campaign through the live engine’s state machine; nothing was posted/);
    expect((await e2e.bot.store.alerts.list()).length).toBe(rulesBefore);
  });

  it('`/aicc alert test ID` still explains the rule now, then adds its history', async () => {
    const text = answer(await e2e.slash('alert test 1'));
    expect(text).toMatch(/Alert 1: test/);
    expect(text).toMatch(/firing since/);
    expect(text).toMatch(/2 incidents\*/);
  });

  it('a rule that would never have fired says so; `days` beyond retention is capped', async () => {
    const text = answer(await e2e.slash(`alert test connection_rate < 1 campaign:${c.id} days:400`));
    expect(text).toMatch(/No incidents\* in the last 35 days/);
    expect(text).toMatch(/It would have posted nothing/);
    expect(text).toMatch(/Limited to the 35 days the bot keeps \(RETENTION_DAYS\)/);
  });

  it('bad input gets the usage line, as `alert add` does', async () => {
    expect(answer(await e2e.slash('alert test success_rate < 40'))).toMatch(/say what `connection_rate` is watched on/);
    expect(answer(await e2e.slash('alert test success_rate'))).toMatch(/needs OP and THRESHOLD/);
    expect(answer(await e2e.slash('alert test 1 for:5m'))).toMatch(/takes only `days:N`/);
  });
});

