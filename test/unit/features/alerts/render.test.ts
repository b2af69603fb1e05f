/** The alert renderers: every variant valid Block Kit, vendor text escaped, mentions only when real. */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../../src/features/alerts/metrics.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import {
  ALERT_ACK_ACTION,
  ALERT_MUTE_HOUR_ACTION,
  alertFallbackText,
  renderAlertMessage,
  renderNotice,
  renderReminder,
  renderResolvedReply,
  lastHour,
  trendWords,
  type AlertMessageView,
} from '../../../../src/features/alerts/render.js';
import { renderAlertList, renderAlertTest, type AlertRuleView } from '../../../../src/features/alerts/render-list.js';
import { blocksText } from '../../../support/blocks-text.js';
import { chartsOf, richLimitProblems, xyOf } from '../../../support/rich-blocks.js';
import { translator } from '../../../../src/i18n/index.js';
import { metricLabel } from '../../../../src/features/alerts/words.js';

const en = translator('en');

const TZ = 'Asia/Shanghai';
const T = new Date('2026-11-20T02:15:00Z'); // 10:15 in Shanghai
const metric = METRICS.connection_rate;

function view(over: Partial<AlertMessageView> = {}): AlertMessageView {
  return {
    ruleId: 3,
    metric,
    op: '<',
    threshold: 40,
    clearValue: 45,
    vdn: 8,
    subject: { kind: 'campaign', id: '1798316116', name: 'Spring follow-up', status: 2, statusLabel: 'running' },
    state: 'firing',
    value: 31.2,
    volume: 412,
    // Every five minutes up to the firing time.
    trend: [62, 55, 48, 40, 31.2].map((value, i) => ({ at: T.getTime() - (4 - i) * 5 * 60_000, value })),
    firingSince: T,
    timeZone: TZ,
    buttonValue: '{"r":3,"s":"1798316116"}',
    ...over,
  };
}

const actionIds = (blocks: unknown[]) =>
  blocks.flatMap((b) => ((b as { type: string }).type === 'actions' ? (b as { elements: Array<{ action_id: string }> }).elements.map((e) => e.action_id) : []));

describe('alert message', () => {
  it('firing: value, volume, threshold, trend, campaign and the three buttons', () => {
    const blocks = renderAlertMessage(en, view());
    expect(blockProblems(blocks)).toEqual([]);
    const text = blocksText(blocks);
    expect(text).toContain('Connection rate 31.2%, below 40%');
    expect(text).toContain('n=412 dialled');
    expect(text).toContain('&lt; 40%  ·  clears at ≥ 45%');
    expect(text).toContain('62.0% → 48.0% → 31.2%');
    expect(text).toContain('*Spring follow-up*');
    expect(text).toContain('running  ·  VDN 8');
    expect(text).toContain('10:15');
    expect(actionIds(blocks)).toEqual([ALERT_ACK_ACTION, ALERT_MUTE_HOUR_ACTION, 'alert_mute_tomorrow', 'alert_mute_pick']);
  });

  it('acknowledged and muted: says who and until when; no Acknowledge button', () => {
    const blocks = renderAlertMessage(en, view({ ackedBy: 'U0ALICE', ackedAt: T, mutedUntil: new Date(T.getTime() + 3600_000) }));
    expect(blockProblems(blocks)).toEqual([]);
    const text = blocksText(blocks);
    expect(text).toContain('Acknowledged by <@U0ALICE> at 10:15');
    expect(text).toContain('Muted until 11:15');
    expect(actionIds(blocks)).not.toContain(ALERT_ACK_ACTION);
    // Muted: the way out is offered, not another mute.
    expect(actionIds(blocks)).toEqual(['alert_unmute']);
  });

  it('resolved: says so, with the reason, and has no buttons', () => {
    const blocks = renderAlertMessage(en, view({ state: 'resolved', value: 52, resolvedAt: T, resolvedReason: 'campaign paused' }));
    expect(blockProblems(blocks)).toEqual([]);
    expect(blocksText(blocks)).toMatch(/Resolved: connection rate 52.0%/);
    expect(blocksText(blocks)).toContain('campaign paused');
    expect(actionIds(blocks)).toEqual([]);
  });

  it('escapes vendor text and inserts only real mention tokens', () => {
    const hostile = view({ subject: { kind: 'campaign', id: '1<!channel>`', name: '<!channel> *bold* & <https://x|y>', status: 2, statusLabel: 'running' }, mention: '<!subteam^S0OPS|@oncall>' });
    const text = blocksText(renderAlertMessage(en, hostile));
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('<!subteam^S0OPS|@oncall>');
    expect(alertFallbackText(en, hostile)).toContain('<!subteam^S0OPS|@oncall>');
    expect(alertFallbackText(en, hostile)).not.toContain('<!channel>');
    const forged = blocksText(renderAlertMessage(en, view({ mention: '<!everyone> <https://evil|x>' })));
    expect(forged).not.toContain('<!everyone>');
    expect(forged).not.toContain('evil');
  });

  it('comparison signs are escaped: `<` and `>` are mrkdwn control characters', () => {
    for (const op of ['<', '<=', '>', '>='] as const) {
      const t = blocksText(renderAlertMessage(en, view({ op, mention: '<@U0BOB>' })));
      expect(t.replace('<@U0BOB>', '').replace(/<#[A-Z0-9]+>/g, '')).not.toMatch(/[<>]/);
    }
  });

  it('a voice bot alert names the bot; counts read as calls', () => {
    const blocks = renderAlertMessage(en, view({ metric: METRICS.waiting, op: '>', threshold: 20, clearValue: 15, value: 25, volume: 300, subject: { kind: 'campaign', id: '1' } }));
    expect(blocksText(blocks)).toContain('Calls waiting 25 calls, above 20');
    const bot = renderAlertMessage(en, view({ metric: METRICS.autonomy_rate, subject: { kind: 'bot', id: '943370855474270208' }, volume: 120 }));
    expect(blockProblems(bot)).toEqual([]);
    expect(blocksText(bot)).toContain('voice bot `943370855474270208`');
    expect(blocksText(bot)).toContain('n=120 bot calls');
  });

  it('thread replies: reminder with the mention, resolution with how long it lasted', () => {
    const reminder = renderReminder(en, view({ mention: '<@U0BOB>' }), new Date(T.getTime() + 4 * 3600_000));
    expect(blockProblems(reminder)).toEqual([]);
    expect(blocksText(reminder)).toMatch(/Still firing for 4h 00m: connection rate 31.2% \(n=412 dialled\).*<@U0BOB>/);
    const resolved = renderResolvedReply(en, view({ state: 'resolved', value: 52 }), 70 * 60_000);
    expect(blocksText(resolved)).toContain('Resolved after 1h 10m: connection rate is 52.0% (n=412 dialled), ≥ 45%');
  });

  it('words the last hour: first, middle and last value', () => {
    expect(trendWords(en, metric, [])).toBe('no earlier data');
    const points = [0, 30, 61, 90].map((m) => ({ at: T.getTime() + m * 60_000, value: m }));
    expect(lastHour(points)).toEqual([61, 90]);
  });

  it('charts the metric over the last hours with the threshold and the clear level, its values in words', () => {
    const blocks = renderAlertMessage(en, view());
    expect(richLimitProblems(blocks)).toEqual([]);
    const [chart] = chartsOf(blocks);
    const label = metricLabel(en, metric.name);
    const name = label.charAt(0).toUpperCase() + label.slice(1);
    expect(chart!.title).toBe(`${name}, last 25 minutes`);
    const c = xyOf(chart);
    expect(c.axis_config.categories).toEqual(['09:55', '10:00', '10:05', '10:10', '10:15']);
    expect(c.series.map((s) => [s.name, s.data.map((p) => p.value)])).toEqual([
      [name, [62, 55, 48, 40, 31.2]],
      ['Threshold', [40, 40, 40, 40, 40]],
      ['Clears at', [45, 45, 45, 45, 45]],
    ]);
    expect(blocksText(blocks)).toContain(`*${name}*: 09:55 62.0% · 10:00 55.0% · 10:05 48.0% · 10:10 40.0% · 10:15 31.2%`);
  });

  it('leaves a tick without data out of the chart and says so; no chart without history', () => {
    const gap = view({ trend: [20, 15, 0].map((m, i) => ({ at: T.getTime() - m * 60_000, value: 60 - 10 * i })) });
    const blocks = renderAlertMessage(en, gap);
    expect(xyOf(chartsOf(blocks)[0]).axis_config.categories).toEqual(['09:55', '10:00', '10:15']);
    expect(blocksText(blocks)).toContain('10:05 – · 10:10 –');
    expect(blocksText(blocks)).toContain('no data at 10:05, 10:10');
    expect(chartsOf(renderAlertMessage(en, view({ trend: [] })))).toEqual([]);
  });
});

describe('no-data notice', () => {
  it('one message for a service, then its resolved form', () => {
    const down = renderNotice(en, { service: 'CC-CMS real-time statistics', since: new Date('2026-11-20T02:05:00Z'), ruleCount: 14, error: 'connect <ECONNRESET> & more', timeZone: TZ });
    expect(blockProblems(down)).toEqual([]);
    const text = blocksText(down);
    expect(text).toContain('CC-CMS real-time statistics: no data since 10:05');
    expect(text).toContain('14 alert rules cannot be evaluated');
    expect(text).toContain('&lt;ECONNRESET&gt; &amp; more');
    const back = renderNotice(en, { service: 'CC-CMS real-time statistics', since: new Date('2026-11-20T02:05:00Z'), ruleCount: 14, timeZone: TZ, backAt: new Date('2026-11-20T02:25:00Z') });
    expect(blocksText(back)).toContain('data is back* since 10:25');
    expect(blocksText(back)).toContain('no data from 10:05');
  });
});

describe('alert list and test', () => {
  const rule: AlertRuleView = {
    id: 3,
    metric: 'success_rate',
    op: '<',
    threshold: 40,
    scope: 'campaign',
    scopeId: '1798316116',
    vdn: 8,
    minVolume: 50,
    forS: 600,
    clearValue: 45,
    repeatS: 14_400,
    channelId: 'C0OPS',
    mention: '<!subteam^S0OPS|@oncall>',
    mutedUntil: T.getTime() + 3600_000,
    createdBy: 'U1',
    createdAt: 0,
    metricView: metric,
  };

  it('lists rules with settings and state', () => {
    const blocks = renderAlertList(en, { items: [{ rule, states: [{ subject: '1798316116', state: 'firing', since: T, value: 31.2, volume: 412, ackedBy: 'U0ALICE' }] }, { rule: { ...rule, id: 4, scope: 'all', scopeId: undefined }, states: [] }], now: T, timeZone: TZ });
    expect(blockProblems(blocks)).toEqual([]);
    const text = blocksText(blocks);
    expect(text).toContain('*Alert 3*  ·  `connection_rate` &lt; 40%  ·  campaign `1798316116` of VDN 8 → <#C0OPS>');
    expect(text).toContain('for 10m  ·  min 50 dialled  ·  clears at ≥ 45%  ·  reminds every 4h  ·  notifies <!subteam^S0OPS|@oncall>  ·  :mute: muted until 11:15');
    expect(text).toContain(':red_circle: firing since 10:15, 31.2% (n=412)  ·  acknowledged by <@U0ALICE>');
    expect(text).toContain('every running campaign of VDN 8');
    expect(blockProblems(renderAlertList(en, { items: [], now: T, timeZone: TZ }))).toEqual([]);
  });

  it('explains a pending verdict: breached for 5 of 10 minutes; would fire at …', () => {
    const blocks = renderAlertTest(en, {
      rule: { ...rule, mutedUntil: undefined },
      lines: [
        { subject: { kind: 'campaign', id: '1798316116', name: 'Spring', status: 2, statusLabel: 'running' }, verdict: 'breached', value: 31.2, volume: 412, prevState: 'pending', nextState: 'pending', since: new Date(T.getTime() - 5 * 60_000), firesAt: new Date(T.getTime() + 5 * 60_000), actions: [] },
        { subject: { kind: 'campaign', id: '2' }, verdict: 'low-volume', value: 10, volume: 12, nextState: 'ok', since: T, actions: [] },
        { subject: { kind: 'campaign', id: '3' }, verdict: 'nodata', nextState: 'nodata', since: T, actions: [], missing: { service: 'CC-CMS real-time statistics', lastDataAt: new Date(T.getTime() - 20 * 60_000) } },
      ],
      listed: true,
      now: T,
      timeZone: TZ,
    });
    expect(blockProblems(blocks)).toEqual([]);
    const text = blocksText(blocks);
    expect(text).toContain('`connection_rate` for campaign *Spring* (`1798316116`) is 31.2% (n=412 dialled) &lt; 40%: breached for 5 of 10 minutes; would fire at 10:20.');
    expect(text).toContain('below `min:50`, no verdict yet');
    expect(text).toContain('no data from CC-CMS real-time statistics since 09:55');
    expect(text).toContain('nothing was posted or changed');
  });
});
