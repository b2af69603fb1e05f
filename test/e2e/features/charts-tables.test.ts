/**
 * Charts and tables end to end: the real bot, the simulator and the fake Slack on a fake clock. A day
 * and a half of collector ticks fill the snapshots; then a digest, an alert and the answers are sent,
 * and every chart and table block is checked against Slack's published limits (by the fake, which
 * refuses what breaks them, and again here), beside its text, with a meaningful `text` fallback.
 */
import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockProblems } from '../../../local/fakeslack/validate.js';
import type { SimCampaign } from '../../../local/sim/campaigns.js';
import { METRIC_NAMES } from '../../../src/features/alerts/metrics.js';
import { manualClock } from '../../../src/platform/clock.js';
import { DAY_START, slackSince, tickAfter } from '../../support/alerts-e2e.js';
import { blocksText, startE2E, type E2E } from '../../support/e2e.js';
import { chartsOf, mrkdwnText, richLimitProblems, tableRows, tablesOf, xyOf } from '../../support/rich-blocks.js';

const TZ = 'Asia/Shanghai';
const clock = manualClock('2026-11-19T00:00:00Z'); // Thursday 08:00 in Shanghai
let e2e: E2E;
let campaign: SimCampaign;
let botCode: string;

/** Every message the bot sent: valid, within the limits, with a text fallback that says something. */
function expectGood(messages: ReadonlyArray<{ blocks: unknown; text: unknown }>): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(blockProblems(m.blocks)).toEqual([]);
    expect(richLimitProblems(m.blocks)).toEqual([]);
    expect(typeof m.text).toBe('string');
    expect((m.text as string).length).toBeGreaterThan(10);
  }
}
const bodies = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => ({ blocks: x.body.blocks, text: x.body.text }));
const blocksOf = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.flatMap((x) => x.body.blocks as KnownBlock[]);

beforeAll(async () => {
  e2e = await startE2E({ clock, env: { AICC_TIMEZONE: TZ, BOT_ADMIN_USERS: 'UADMIN' }, sim: { timeZone: TZ } });
  botCode = e2e.sim.world.bots[0]!.accessCode;
  // The subscription names the bot, so the collector collects it too.
  await e2e.slash(`digest add <#COPS|ops> at:18:00 days:daily tz:${TZ} bots:${botCode}`, { user: 'UADMIN' });
  // Yesterday 08:00–11:40 and today 08:00–11:40, a tick every ten minutes.
  for (let i = 0; i < 22; i++) await tickAfter(e2e.bot, clock, 10);
  clock.set('2026-11-20T00:00:00Z');
  for (let i = 0; i < 22; i++) await tickAfter(e2e.bot, clock, 10);
  campaign = e2e.sim.world.campaigns(8).find((c) => c.status === 2 && e2e.sim.world.counts(c, clock()).total.dailyCalled >= 150)!;
}, 120_000);
afterAll(async () => {
  await e2e?.close();
});

describe('charts and tables from the real bot', () => {
  it('the digest: the VDN by hour with yesterday, the bot’s calls, the campaign table; every figure also in words', async () => {
    const mark = e2e.slack.calls.length;
    await e2e.slash('digest run 1', { user: 'UADMIN' });
    const posts = e2e.slack.calls.slice(mark).filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'COPS');
    expectGood(posts.map((p) => ({ blocks: p.body.blocks, text: p.body.text })));
    const first = posts.find((p) => !p.body.thread_ts)!;
    expect(first.body.text).toMatch(/^AICC daily digest 2026-11-20: VDN 8: [\d,]+ dialled/);

    const [vdn, calls] = chartsOf(first.body.blocks);
    expect(vdn!.title).toBe('VDN 8: dialled and connected by hour');
    const c = xyOf(vdn);
    expect(c.series.map((s) => s.name)).toEqual(['Dialled today', 'Connected today', 'Dialled yesterday', 'Connected yesterday']);
    // Hours observed from their start: 09:00 and 10:00 whole, 11:00 so far (08:00 began before the first tick).
    expect(c.axis_config.categories).toEqual(['09:00', '10:00', '11:00']);
    const text = mrkdwnText(first.body.blocks);
    expect(text).toMatch(/\*Dialled today\*: .*09:00 [\d,]+ · 10:00 [\d,]+ · 11:00 [\d,]+/);
    expect(text).toMatch(/\*Dialled yesterday\*: .*10:00 [\d,]+/);
    expect(calls!.title).toBe('Voice bots: calls by hour');

    // The third chart (the bot's autonomy) opens the thread; the table is a native table.
    const all = posts.map((p) => p.body.blocks as KnownBlock[]);
    expect(all.flatMap(chartsOf).map((x) => x.title)).toContain('Voice bots: autonomy by hour (%)');
    const rows = all.flatMap(tableRows);
    expect(rows[0]).toEqual(['Campaign', 'ID', 'Status', 'Dialled', 'Connected', expect.any(String), 'Δ pts', 'Done']);
    expect(rows.filter((r) => r[0] !== 'Campaign').map((r) => r[1])).toContain(String(campaign.id));
  });

  it('the chart’s hours are the growth of the vendor’s counters between the snapshots at the hour boundaries', async () => {
    const r = await e2e.slash(`stats ${campaign.id}`);
    expectGood(bodies(r));
    const chart = chartsOf(blocksOf(r))[0]!;
    expect(chart.title).toBe('Today by hour: dialled and connected');
    const at = (iso: string) => e2e.sim.world.counts(campaign, new Date(iso)).total.dailyCalled;
    const ten = xyOf(chart).series[0]!.data.find((p) => p.label === '10:00')!;
    expect(ten.value).toBe(at('2026-11-20T03:00:00Z') - at('2026-11-20T02:00:00Z'));
    expect(blocksText(blocksOf(r))).toMatch(/\*Dialled\*: .*10:00 [\d,]+/);
    expect(r.responses[0]!.body.text).toMatch(/Campaign stats/);
  });

  it('/aicc stats and /aicc campaigns answer with native tables; /aicc bot with two charts', async () => {
    const stats = await e2e.slash('stats');
    expectGood(bodies(stats));
    expect(tablesOf(blocksOf(stats))).toHaveLength(1);
    expect(tableRows(blocksOf(stats))[0]![0]).toBe('Campaign');

    const campaigns = await e2e.slash('campaigns all');
    expectGood(bodies(campaigns));
    expect(tableRows(blocksOf(campaigns))[0]).toEqual(['Campaign', 'ID', 'Status', 'Type', 'Period', 'Caller']);
    expect(tableRows(blocksOf(campaigns))).toHaveLength(11);

    const bot = await e2e.slash(`bot ${botCode}`);
    expectGood(bodies(bot));
    expect(chartsOf(blocksOf(bot)).map((x) => x.title)).toEqual(['Calls by hour', 'Autonomy and interface success by hour (%)']);
    expect(mrkdwnText(blocksOf(bot))).toMatch(/```Hour/);
  });

  it('a firing alert charts the metric over the last hours with its threshold and clear level', async () => {
    const metric = (METRIC_NAMES as readonly string[]).includes('connection_rate') ? 'connection_rate' : 'success_rate';
    await e2e.slash(`alert add ${metric} < 40 campaign:${campaign.id} for:0 clear:45 <#COPS|ops>`, { user: 'UADMIN' });
    const mark = e2e.slack.calls.length;
    e2e.sim.collapse({ vdn: 8, campaignId: String(campaign.id), at: DAY_START, connectRate: 0.05 });
    await tickAfter(e2e.bot, clock, 10);
    const [alert] = slackSince(e2e, mark, 'COPS').top;
    expect(alert).toBeDefined();
    expectGood([{ blocks: alert!.body.blocks, text: alert!.body.text }]);
    expect(alert!.body.text).toMatch(/^Alert: /);
    const chart = chartsOf(alert!.body.blocks)[0]!;
    expect(chart.title).toMatch(/, last 3 hours$/);
    const series = xyOf(chart).series;
    expect(series.map((s) => s.name).slice(1)).toEqual(['Threshold', 'Clears at']);
    expect(series[1]!.data.every((p) => p.value === 40)).toBe(true);
    expect(series[2]!.data.every((p) => p.value === 45)).toBe(true);
    // Healthy for hours, then the collapse: the last point is the one that fired.
    expect(series[0]!.data.at(-1)!.value).toBeLessThan(40);
    expect(series[0]!.data[0]!.value).toBeGreaterThan(40);
    expect(blocksText(alert!.body.blocks)).toMatch(/\*[A-Z][a-z ]+\*: \d\d:\d\d \d+\.\d% · /);
  });
});
