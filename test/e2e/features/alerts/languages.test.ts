/**
 * Alerts in the reader's language, end to end over the fake Slack: a rule with `lang:` posts, edits
 * and answers its thread in that language; a rule without one follows its channel's `/aicc lang`;
 * an English rule stays as it was. Whoever clicks or types a command is answered in their own
 * language, while the channel's message keeps the rule's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertButtonValue } from '../../../../src/features/alerts/view.js';
import { manualClock } from '../../../../src/platform/clock.js';
import type { SimCampaign } from '../../../../local/sim/campaigns.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';
import { DAY_START, env, healthyCampaign, said, slackSince, START, tickAfter, waitFor } from '../../../support/alerts-e2e.js';

const answer = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');

describe('alert rules post in their own language, or their channel’s', () => {
  const clock = manualClock(START);
  let e2e: E2E;
  let c: SimCampaign;
  const top = (mark: number, channel: string) => slackSince(e2e, mark, channel).top;

  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env(), sim: { timeZone: 'Asia/Shanghai' } });
    c = healthyCampaign(e2e, clock);
    // The channel chose Chinese with `/aicc lang zh-CN`; nobody chose anything for the others.
    await e2e.bot.store.languages.set('channel', 'CZH', 'zh-CN', 'UADMIN', clock().getTime());
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('`lang:` on `alert add`: a clear usage error for a language the bot does not speak', async () => {
    const refused = answer(await e2e.slash(`alert add success_rate < 40 campaign:${c.id} lang:xx`, { user: 'UADMIN' }));
    expect(refused).toContain('`lang`');
    expect(refused).toContain('`en` (English), `zh-CN` (简体中文), `es` (Español (Latinoamérica)), `pt-BR` (Português (Brasil))');
    expect(refused).toContain('`channel`');
    expect(await e2e.bot.store.alerts.list()).toEqual([]);
  });

  it('adds a Portuguese rule, a rule following a Chinese channel, an English one, and one switched later', async () => {
    const pt = answer(await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:0 <#CPT|pt> lang:pt-BR`, { user: 'UADMIN' }));
    expect(pt).toMatch(/Alert 1 added/);
    expect(pt).toContain(':speech_balloon: posts in Português (Brasil)');
    await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:0 <#CZH|zh>`, { user: 'UADMIN' });
    await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:0 <#COPS|ops>`, { user: 'UADMIN' });
    await e2e.slash(`alert add success_rate < 40 campaign:${c.id} for:0 <#CES|es> lang:pt`, { user: 'UADMIN' });
    expect((await e2e.bot.store.alerts.list()).map((r) => r.lang)).toEqual(['pt-BR', undefined, undefined, 'pt-BR']);
  });

  it('fires: each message in its rule’s language, numbers written the reader’s way', async () => {
    e2e.sim.collapse({ vdn: 8, campaignId: String(c.id), at: DAY_START, connectRate: 0.05 });
    const mark = e2e.slack.calls.length;
    await tickAfter(e2e.bot, clock, 0);

    const [pt] = top(mark, 'CPT');
    expect(said(pt)).toMatch(/Taxa de atendimento \d+,\d%, abaixo de 40%/);
    expect(said(pt)).toContain('*Limite*');
    expect(said(pt)).toContain('em andamento  ·  VDN 8');
    expect(said(pt)).toContain('Regra de alerta 1');
    expect(String(pt!.body.text)).toMatch(/^Alerta: Taxa de atendimento/);
    expect(JSON.stringify(pt!.body.blocks)).toContain('"Reconhecer"');

    const [zh] = top(mark, 'CZH');
    expect(said(zh)).toMatch(/接通率 \d+\.\d%，低于 40%/);
    expect(said(zh)).toContain('告警规则 2');
    expect(said(zh)).toContain('执行中  ·  VDN 8');
    expect(JSON.stringify(zh!.body.blocks)).toContain('"确认"');

    const [en] = top(mark, 'COPS');
    expect(said(en)).toMatch(/Connection rate \d+\.\d%, below 40%/);
    expect(said(en)).toContain('Alert rule 3');
    expect(JSON.stringify(en!.body.blocks)).toContain('"Acknowledge"');
  });

  it('buttons: the channel’s message stays in the rule’s language; the clicker is answered in theirs', async () => {
    // Alice chose Spanish with `/aicc lang me es`; Bob's Slack is set to Chinese.
    await e2e.bot.store.languages.set('user', 'U0ALICE', 'es', 'U0ALICE', clock().getTime());
    e2e.slack.setUser({ id: 'U0BOB', locale: 'zh-CN' });
    const value = alertButtonValue(1, String(c.id));
    const mark = e2e.slack.calls.length;
    await e2e.click({ action_id: 'alert_ack', value, user: 'U0ALICE', channel: 'CPT' }, { expect: 0 });
    const edit = await waitFor(() => slackSince(e2e, mark, 'CPT').edits[0], 'the acknowledged edit');
    expect(said(edit)).toContain('Reconhecido por <@U0ALICE>');
    const reply = await waitFor(() => slackSince(e2e, mark, 'CPT').replies[0], 'the thread reply');
    expect(said(reply)).toMatch(/Reconhecido por <@U0ALICE> às \d\d:\d\d\./);

    const again = await e2e.click({ action_id: 'alert_ack', value, user: 'U0BOB', channel: 'CPT' });
    expect(blocksText(again.responses[0]!.body.blocks)).toContain('已由 <@U0ALICE> 确认。');
    const refused = await e2e.click({ action_id: 'alert_mute_1h', value, user: 'U0ALICE', channel: 'CPT' });
    expect(blocksText(refused.responses[0]!.body.blocks)).toContain('O bien, reconozca la alerta.');
  });

  it('a command answers in the reader’s language and shows each rule’s', async () => {
    const list = answer(await e2e.slash('alert list', { user: 'U0ALICE' }));
    expect(list).toContain('Reglas de alerta');
    expect(list).toContain(':speech_balloon: publica en Português (Brasil)');
    expect(list).toMatch(/:red_circle: activa desde las \d\d:\d\d/);
    const english = answer(await e2e.slash('alert list', { user: 'UADMIN' }));
    expect(english).toContain(':speech_balloon: posts in Português (Brasil)');
    expect(english).toMatch(/:red_circle: firing since/);
  });

  it('resolves in the rule’s language at the time: a rule switched to Spanish meanwhile resolves in Spanish', async () => {
    await e2e.bot.store.alerts.update(4, { lang: 'es' });
    e2e.sim.world.clearScenario();
    const mark = e2e.slack.calls.length;
    await tickAfter(e2e.bot, clock);

    const pt = slackSince(e2e, mark, 'CPT');
    expect(said(pt.edits.at(-1))).toMatch(/Resolvido: taxa de atendimento \d+,\d%/);
    expect(said(pt.replies[0])).toMatch(/Resolvido depois de \d+ min \d\d s: taxa de atendimento: \d+,\d% \(n=[\d.]+ discadas\), ≥ 45%\./);

    const zh = slackSince(e2e, mark, 'CZH');
    expect(said(zh.edits.at(-1))).toMatch(/已恢复：接通率 \d+\.\d%/);
    expect(said(zh.replies[0])).toMatch(/告警 .+ 后已恢复：接通率为/);

    const en = slackSince(e2e, mark, 'COPS');
    expect(said(en.edits.at(-1))).toMatch(/Resolved: connection rate \d+\.\d%/);
    expect(said(en.replies[0])).toMatch(/Resolved after .+: connection rate is/);

    const es = slackSince(e2e, mark, 'CES');
    expect(said(es.edits.at(-1))).toMatch(/Resuelta: tasa de contacto \d+\.\d%/);
    expect(said(es.replies[0])).toMatch(/Resuelta después de .+: tasa de contacto: /);
  });
});
