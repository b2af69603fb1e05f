/**
 * The Home tab in each viewer's language, end to end: a user who chose Chinese gets a Chinese tab,
 * one who chose nothing gets English (the fake Slack's locale), and choosing another language
 * republishes that user's tab at the next refresh, and only theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHOICE_TTL_MS } from '../../../../src/slack/locales.js';
import { manualClock } from '../../../../src/platform/clock.js';
import type { FakeView } from '../../../../local/fakeslack/index.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';
import { env, START, tickAfter, TZ } from '../../../support/alerts-e2e.js';
import { viewsE2E, type ViewsE2E } from '../../../support/views-e2e.js';

const text = (v: FakeView | undefined) => blocksText(v?.view['blocks'] as unknown[]);
const labels = (v: FakeView) => JSON.stringify(v.view['blocks']);
const publishes = (e2e: E2E, user: string, mark: number) => e2e.slack.calls.slice(mark).filter((c) => c.method === 'views.publish' && c.body['user_id'] === user);

describe('the Home tab in the viewer’s language', () => {
  const clock = manualClock(START);
  let e2e: E2E;
  let v: ViewsE2E;

  beforeAll(async () => {
    e2e = await startE2E({ clock, env: env({ BOT_ADMIN_USERS: 'UADMIN,U0ZHANG' }), sim: { timeZone: TZ } });
    v = viewsE2E(e2e);
    await tickAfter(e2e.bot, clock, 0);
    await e2e.bot.store.languages.set('user', 'U0ZHANG', 'zh-CN', 'U0ZHANG', clock().getTime());
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('is Chinese for a user who chose Chinese', async () => {
    const { home } = await v.openHome('U0ZHANG');
    const shown = text(home);
    expect(shown).toContain('更新于 11:00（Asia/Shanghai）');
    expect(shown).toContain('*正在告警*\n:large_green_circle: 当前没有告警。');
    expect(shown).toContain('*CC-iSales 外呼任务列表*：正常');
    expect(shown).toContain('*CC-CMS 实时数据*：正常');
    expect(shown).toContain('暂无告警规则。');
    expect(shown).toContain('暂无日报。');
    expect(labels(home)).toContain('"text":"新建告警"');
    expect(labels(home)).toContain('"text":"新建日报"');
    expect(shown).not.toMatch(/Nothing is firing|No alert rules|campaign list/);
  });

  it('is English for a user who chose nothing', async () => {
    const { home } = await v.openHome('U0ALICE');
    const shown = text(home);
    expect(shown).toContain('Nothing is firing.');
    expect(shown).toMatch(/CC-iSales campaign list\*: OK/);
    expect(shown).toContain('Only the bot’s administrators can add alerts and digests');
    expect(shown).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a rule added since shows in each viewer’s words', async () => {
    await e2e.slash('alert add waiting > 500 all <#COPS|ops>', { user: 'UADMIN', channel: 'COPS' });
    await e2e.bot.home.flush();
    expect(text(e2e.slack.views.home('U0ZHANG'))).toContain('*告警规则*  ·  1 条规则');
    expect(text(e2e.slack.views.home('U0ALICE'))).toContain('*Alert rules*  ·  1 rule');
    expect(labels(e2e.slack.views.home('U0ZHANG')!)).toContain('"text":"编辑"');
  });

  it('choosing another language republishes that user’s tab, and nobody else’s', async () => {
    await e2e.bot.home.flush();
    await e2e.bot.store.languages.set('user', 'U0ALICE', 'es', 'U0ALICE', clock().getTime());
    // Another process's choice reaches this one when its cached answer expires.
    clock.advance(CHOICE_TTL_MS + 1_000);
    const mark = e2e.slack.calls.length;
    e2e.bot.home.changed();
    await e2e.bot.home.flush();
    expect(publishes(e2e, 'U0ALICE', mark)).toHaveLength(1);
    expect(publishes(e2e, 'U0ZHANG', mark)).toEqual([]);
    const shown = text(e2e.slack.views.home('U0ALICE'));
    expect(shown).toContain('*Alertas activas*\n:large_green_circle: No hay ninguna alerta activa.');
    expect(shown).toContain('*Reglas de alerta*  ·  1 regla');
    expect(shown).toContain('Solo los administradores del bot pueden agregar alertas y resúmenes');
  });
});
