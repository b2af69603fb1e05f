/**
 * `/aicc digest … lang:` end to end (signed slash commands and clicks, the real bot, the simulator,
 * the fake Slack): the digest is posted in its own language, else its channel's; whoever typed the
 * command or clicked Run now is answered in their own language (here Chinese, from Slack's
 * `users.info`, and English); a language the bot does not speak is refused with the list of those
 * it does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { DIGEST_RUN_ACTION } from '../../../../src/features/digests/render-list.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { blocksText, startE2E, type E2E } from '../../../support/e2e.js';

const clock = manualClock('2026-11-20T06:00:00Z'); // Friday 14:00 in Shanghai: campaigns are dialling
/** An administrator whose Slack is in Chinese, and one whose Slack is in English. */
const WANG = 'U0WANG';
const ADMIN = 'UADMIN';
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ clock, env: { AICC_TIMEZONE: 'Asia/Shanghai', BOT_ADMIN_USERS: `${ADMIN},${WANG}` }, sim: { timeZone: 'Asia/Shanghai' } });
  e2e.slack.setUser({ id: WANG, name: 'wang', realName: '王芳', tz: 'Asia/Shanghai', locale: 'zh-CN' });
  e2e.slack.setUser({ id: ADMIN, name: 'admin', realName: 'Admin', tz: 'Asia/Shanghai', locale: 'en-US' });
  await e2e.bot.collector.tick();
}, 30_000);
afterAll(async () => {
  await e2e?.close();
});

const text = (r: { responses: { body: Record<string, unknown> }[] }) => r.responses.map((x) => blocksText(x.body.blocks)).join('\n');
/** What was posted to `channel` (first message and thread) since call `since`; each message passed the Block Kit checks. */
function posted(channel: string, since: number): string {
  const posts = e2e.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
  expect(posts.length).toBeGreaterThan(0);
  for (const p of posts) expect(blockProblems(p.body.blocks)).toEqual([]);
  return posts.map((p) => blocksText(p.body.blocks)).join('\n');
}

describe('/aicc digest … lang:', () => {
  it('lang:zh-CN: the digest is in Chinese; the English speaker who added it is answered in English', async () => {
    const added = text(await e2e.slash('digest add <#CZH|zh> lang:zh-CN', { user: ADMIN }));
    expect(added).toMatch(/Digest 1 added\./);
    expect(added).toContain('in 简体中文');
    expect((await e2e.bot.store.digests.get(1))?.lang).toBe('zh-CN');

    const before = e2e.slack.calls.length;
    expect(text(await e2e.slash('digest run 1', { user: ADMIN }))).toContain('Posting digest 1 to <#CZH> now.');
    const digest = posted('CZH', before);
    expect(digest).toContain('AICC 每日汇总');
    expect(digest).toMatch(/\d+ 个外呼任务/);
    expect(digest).toMatch(/接通率 \*\d+\.\d%\*/);
    expect(digest).not.toMatch(/AICC daily digest|Connection rate|Dialled/);
  });

  it("the channel's language when the digest has none (set with store.languages, as /aicc lang does)", async () => {
    await e2e.bot.store.languages.set('channel', 'CVENTAS', 'es', ADMIN, clock().getTime());
    const added = text(await e2e.slash('digest add <#CVENTAS|ventas> at:08:00', { user: ADMIN }));
    expect(added).toMatch(/Digest 2 added\./);
    expect(added).toContain("in the channel's language");
    const before = e2e.slack.calls.length;
    await e2e.slash('digest run 2', { user: ADMIN });
    const digest = posted('CVENTAS', before);
    expect(digest).toContain('Resumen diario de AICC');
    expect(digest).toMatch(/\d+ campañas, \d+ en curso/);
    expect(digest).toMatch(/tasa de contacto \*\d+\.\d%\*/);
    expect(digest).not.toMatch(/AICC daily digest|Connection rate|Dialled/);
  });

  it('no language anywhere: the digest is English, as before', async () => {
    text(await e2e.slash('digest add <#COPS|ops>', { user: ADMIN }));
    const before = e2e.slack.calls.length;
    await e2e.slash('digest run 3', { user: ADMIN });
    const digest = posted('COPS', before);
    expect(digest).toContain('AICC daily digest');
    expect(digest).toMatch(/connection rate \*\d+\.\d%\*/);
    expect(digest).toContain('campaign list as of');
  });

  it('a Chinese-speaking administrator is answered in Chinese; the digest keeps its own language', async () => {
    const added = text(await e2e.slash('digest add <#CBR|br> lang:pt at:07:30 days:daily', { user: WANG }));
    expect(added).toContain('*已添加汇总 4。* <#CBR> 将在 每天 07:30（Asia/Shanghai） 收到');
    expect(added).toContain('使用Português (Brasil)');
    expect((await e2e.bot.store.digests.get(4))?.lang).toBe('pt-BR');

    const list = text(await e2e.slash('digest list', { user: WANG }));
    expect(list).toContain('*汇总 1*  ·  <#CZH>');
    expect(list).toContain('使用简体中文');
    expect(list).toContain('使用频道语言');
    expect(list).toContain('使用Português (Brasil)');

    const before = e2e.slack.calls.length;
    expect(text(await e2e.slash('digest run 4', { user: WANG }))).toContain('正在把汇总 4 发送到 <#CBR>。');
    const digest = posted('CBR', before);
    expect(digest).toContain('Resumo diário do AICC');
    expect(digest).toMatch(/taxa de atendimento \*\d+,\d%\*/);
    expect(digest).not.toMatch(/外呼任务|AICC daily digest/);
  });

  it('Run now answers the clicker in their language', async () => {
    // Digest 4 was posted a moment ago: the answer says when it may be posted again.
    const r = await e2e.click({ action_id: DIGEST_RUN_ACTION, value: '4', user: WANG });
    expect(r.responses.map((x) => blocksText(x.body.blocks)).join('\n')).toContain(':hourglass: 汇总 4 刚刚已发送到 <#CBR>');
    const gone = await e2e.click({ action_id: DIGEST_RUN_ACTION, value: '99', user: WANG });
    expect(gone.responses.map((x) => blocksText(x.body.blocks)).join('\n')).toContain('没有汇总 99。');
  });

  it('lang:xx is refused with the languages the bot speaks; nothing is added', async () => {
    const before = (await e2e.bot.store.digests.list()).length;
    const r = text(await e2e.slash('digest add lang:xx', { user: ADMIN }));
    expect(r).toContain('`lang` must be a supported language: `en` (English), `zh-CN` (简体中文), `es` (Español (Latinoamérica)), `pt-BR` (Português (Brasil))');
    expect(r).toContain('[lang:en|zh-CN|es|pt-BR|channel]');
    const zh = text(await e2e.slash('digest add lang:klingon', { user: WANG }));
    expect(zh).toContain('支持的语言：`en` (English), `zh-CN` (简体中文)');
    expect((await e2e.bot.store.digests.list()).length).toBe(before);
  });
});
