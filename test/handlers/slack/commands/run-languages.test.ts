/**
 * The router answers in the reader's language: help, usage errors, refusals, NotFound and
 * explained errors in the user's own (they are private), a public answer in the channel's.
 * Command words, option names and usage lines stay as they are typed.
 */
import type { KnownBlock } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AiccError } from '../../../../src/aicc/errors.js';
import { COMMANDS } from '../../../../src/features/index.js';
import type { Locale } from '../../../../src/i18n/index.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { createLogger } from '../../../../src/platform/log.js';
import type { AnyHandler } from '../../../../src/slack/commands/handler.js';
import { msg } from '../../../../src/slack/commands/message.js';
import { NotFound } from '../../../../src/slack/commands/not-found.js';
import { runCommand, type CommandReply, type RunnerDeps } from '../../../../src/slack/commands/run.js';
import { fixedLocales, type Locales } from '../../../../src/slack/locales.js';
import { authorize } from '../../../../src/slack/permissions.js';
import type { Store } from '../../../../src/store/index.js';
import { blocksText } from '../../../support/blocks-text.js';
import { memoryStore } from '../../../support/memory-store.js';

let store: Store;
let failWith: unknown;

beforeEach(async () => {
  store = await memoryStore();
  failWith = undefined;
});
afterEach(async () => {
  await store.close();
});

/** `task` fails with `failWith`; the other rows are never reached by these tests. */
const failing: AnyHandler<unknown> = async () => {
  throw failWith;
};

function deps(locales?: Locales, over: Partial<RunnerDeps> = {}): RunnerDeps {
  return {
    table: { commands: COMMANDS, handlers: { task: failing } },
    clock: manualClock('2026-11-20T06:30:00Z'),
    log: createLogger({ level: 'error', sink: () => undefined }),
    timeZone: 'Asia/Shanghai',
    store,
    adminUsers: ['UADMIN'],
    allowedChannels: [],
    vdnIds: [8],
    ...(locales ? { locales } : {}),
    ...over,
  };
}

const run = (text: string, d: RunnerDeps, later?: (r: CommandReply) => Promise<void>) => runCommand({ text, userId: 'U0USER', channelId: 'C0GENERAL', ...(later ? { later } : {}) }, d);
const said = (r: CommandReply) => r.messages.map((m: KnownBlock[]) => blocksText(m)).join('\n');

/** The user reads one language, the channel another. */
function split(user: Locale, channel: Locale): Locales {
  return { ...fixedLocales(user), forChannel: async () => channel };
}

describe('help in the reader’s language', () => {
  it('zh-CN: the list with every command, the glossary and the footer', async () => {
    const r = await run('help', deps(fixedLocales('zh-CN')));
    const text = said(r);
    expect(text).toContain('/aicc 命令');
    expect(text).toContain('*stats*  今天和累计的外呼数据，可看全部外呼任务或单个外呼任务');
    expect(text).toContain('`/aicc stats [CAMPAIGN_ID] [batch:ID] [vdn:N]`');
    expect(text).toContain('*术语*');
    expect(text).toContain('*已呼叫*：今天已拨出的呼叫');
    expect(r.outcome).toBe('ok');
  });

  it('zh-CN: one command, its arguments and options explained, their names as typed', async () => {
    const text = said(await run('help campaigns', deps(fixedLocales('zh-CN'))));
    expect(text).toContain('列出外呼任务及其状态、类型、时段和主叫号码。');
    expect(text).toContain('*用法*\n```/aicc campaigns [running|paused|completed|all] [name:TEXT] [type:ivr|agent] [page:N] [vdn:N]```');
    expect(text).toContain('• `name:TEXT`（可选） — 只列出名称包含此文字的外呼任务');
    expect(text).toContain('• `vdn:N`（可选） — 指定 VDN，1 到 9999');
    expect(text).toContain('示例：`/aicc campaigns`');
  });

  it('es: a group of subcommands, and an unknown name', async () => {
    expect(said(await run('help digest', deps(fixedLocales('es'))))).toContain('*digest add*  Publica en un canal un resumen diario de cifras de campañas y bots');
    const text = said(await run('help nada', deps(fixedLocales('es'))));
    expect(text).toContain('No existe el comando `nada`.');
    expect(text).toContain('Comandos de /aicc');
  });

  it('`help public` is posted in the channel’s language, a private help in the user’s', async () => {
    const d = deps(split('es', 'pt-BR'));
    expect(said(await run('help public', d))).toContain('*Glossário*');
    expect(said(await run('help', d))).toContain('*Glosario*');
  });

  it('English is unchanged', async () => {
    const text = said(await run('help stats', deps()));
    expect(text).toContain("Today's and all-time dialling figures, per campaign or for one.\nWithout CAMPAIGN_ID it covers every campaign of the VDN.");
    expect(text).toContain('• `batch:ID` (optional) — also show this batch of the campaign');
  });
});

describe('usage errors in the user’s language', () => {
  it('zh-CN: a bad value, with the usage line and examples', async () => {
    const r = await run('campaigns page:x', deps(fixedLocales('zh-CN')));
    const text = said(r);
    expect(r.outcome).toBe('usage');
    expect(text).toContain(':warning: `page` 必须是介于 1 和 1000 之间的整数，而不是 `x`');
    expect(text).toContain('*用法*\n```/aicc campaigns [running|paused|completed|all]');
    expect(text).toContain('示例：`/aicc campaigns`');
    expect(text).toContain('更多说明请用 `/aicc help campaigns`');
  });

  it('zh-CN: an unknown command gets the list of commands and a suggestion', async () => {
    const text = said(await run('stat 1', deps(fixedLocales('zh-CN'))));
    expect(text).toContain('未知命令 `stat`。你是不是想输入 `stats`？');
    expect(text).toContain('*命令*');
  });

  it('es: a choice lists its words with "o"; a cross-argument check', async () => {
    expect(said(await run('campaigns sleeping', deps(fixedLocales('es'))))).toContain('`status` debe ser uno de estos: running, paused, completed o all, no `sleeping`');
    expect(said(await run('stats batch:7', deps(fixedLocales('es'))))).toContain('`batch` necesita un CAMPAIGN_ID');
    expect(said(await run('task', deps(fixedLocales('es'))))).toContain('`task` necesita TASK_ID');
  });

  it('a usage error is private and in the user’s language even when `public` was asked', async () => {
    const r = await run('campaigns page:x public', deps(split('pt-BR', 'zh-CN')));
    expect(r.isPublic).toBe(false);
    expect(said(r)).toContain('`page` deve ser um número inteiro de 1 a 1000, não `x`');
  });

  it('English is unchanged', async () => {
    const text = said(await run('campaigns page:x', deps()));
    expect(text).toContain(':warning: `page` must be a whole number from 1 to 1000, not `x`');
    expect(text).toContain('`/aicc help campaigns` for more');
  });
});

describe('refusals, NotFound and errors in the user’s language', () => {
  it('pt-BR: a VDN the bot does not serve', async () => {
    const r = await run('task 1 vdn:9', deps(fixedLocales('pt-BR')));
    expect(r.outcome).toBe('refused');
    expect(said(r)).toContain('*Este bot não atende o VDN 9.*');
    expect(said(r)).toContain('Ele responde pelo VDN 8 (AICC_VDN_IDS).');
  });

  it('pt-BR: an administrators-only action refused from a handler (authorize)', async () => {
    const refusing: AnyHandler<unknown> = async (_input, inv, d) => {
      authorize('change-alerts', inv, d as RunnerDeps, 'remove-alerts');
      return [];
    };
    const r = await run('task 1', deps(fixedLocales('pt-BR'), { table: { commands: COMMANDS, handlers: { task: refusing } } }));
    expect(r.outcome).toBe('not_found');
    expect(said(r)).toContain('*Só os administradores do bot podem excluir regras de alerta.*');
    expect(said(r)).toContain('Peça a um dos usuários de BOT_ADMIN_USERS.');
  });

  it('zh-CN: a keyed NotFound from a handler, its values as given', async () => {
    failWith = new NotFound(msg('errors.usage.unknownCommand', { typed: 'x&lt;y' }), msg('errors.vendor.hint'));
    const text = said(await run('task 1', deps(fixedLocales('zh-CN'))));
    expect(text).toContain('*未知命令 `x&lt;y`*');
    expect(text).toContain('请检查命令中的 ID。');
    expect(failWith).toMatchObject({ message: 'unknown command `x&lt;y`' });
  });

  it('pt-BR: an AICC vendor error explained, the vendor’s own words kept, the code’s meaning translated', async () => {
    failWith = new AiccError({ service: 'isales', endpoint: 'call result', code: 'vendor', resultCode: '0200001', resultDesc: '参数异常 <b>' });
    const r = await run('task 1', deps(fixedLocales('pt-BR')));
    const text = said(r);
    expect(r.outcome).toBe('error');
    expect(text).toContain('*CC-iSales recusou a solicitação*');
    expect(text).toContain('CC-iSales call result falhou.\nO fornecedor disse: 参数异常 &lt;b&gt;');
    expect(text).toContain('Confira os IDs no comando.');
    expect(text).toContain('código `0200001 · erro de parâmetro`');
  });

  it('es: a statistics call the budget does not have yet is answered later, said in Spanish', async () => {
    failWith = new AiccError({ service: 'isales', endpoint: 'statistics', code: 'rate_limited', retryAt: new Date('2026-11-20T06:32:00Z') });
    const r = await run('task 1', deps(fixedLocales('es')), async () => undefined);
    expect(r.outcome).toBe('deferred');
    expect(said(r)).toContain('Responderé aquí alrededor de las 14:32 (Asia/Shanghai)');
  });

  it('English is unchanged', async () => {
    failWith = new AiccError({ service: 'cms', endpoint: 'task', code: 'timeout' });
    const text = said(await run('task 1', deps()));
    expect(text).toContain('*CC-CMS did not answer in time*');
    expect(text).toContain('Try again shortly; the service may be overloaded.');
  });
});
