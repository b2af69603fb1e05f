/** The permission table's refusals: language-free messages, worded in the reader's language when shown. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/index.js';
import { inEnglish, say } from '../../../src/slack/commands/message.js';
import { NotFound } from '../../../src/slack/commands/not-found.js';
import { authorize, decide, decideUser, PERMISSIONS } from '../../../src/slack/permissions.js';

const policy = { adminUsers: ['UADMIN'], allowedChannels: ['COPS'], vdnIds: [8, 12] };
const user = { userId: 'U1', channelId: 'COPS' };

describe('refusals', () => {
  it('a channel outside BOT_ALLOWED_CHANNELS, in Spanish', () => {
    const d = decide('query', { ...user, channelId: 'CRANDOM' }, policy);
    if (d.ok) throw new Error('expected a refusal');
    expect(d.reason).toBe('channel');
    expect(say(translator('es'), d.title)).toBe('Los comandos de AICC no se responden en este canal.');
    expect(say(translator('es'), d.hint)).toBe('Pregunte en uno de los canales de BOT_ALLOWED_CHANNELS.');
  });

  it('a VDN the bot does not serve, in Chinese', () => {
    const d = decide('query', { ...user, vdn: 9 }, policy);
    if (d.ok) throw new Error('expected a refusal');
    expect(say(translator('zh-CN'), d.title)).toBe('本机器人不服务 VDN 9。');
    expect(say(translator('zh-CN'), d.hint)).toBe('它只回答 VDN 8, 12（AICC_VDN_IDS）。');
  });

  it('administrators only: the permission’s own action, or a narrower one, in Portuguese', () => {
    const pt = translator('pt-BR');
    const own = decide('add-digests', user, policy);
    const narrower = decideUser('change-alerts', 'U1', policy, 'unmute-alerts');
    if (own.ok || narrower.ok) throw new Error('expected refusals');
    expect(say(pt, own.title)).toBe('Só os administradores do bot podem adicionar resumos.');
    expect(say(pt, narrower.title)).toBe('Só os administradores do bot podem tirar o silêncio de alertas.');
    expect(say(pt, own.hint)).toBe('Peça a um dos usuários de BOT_ADMIN_USERS.');
    expect(decide('add-digests', { ...user, userId: 'UADMIN' }, policy)).toEqual({ ok: true });
  });

  it('every permission has a refusal sentence in every language', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      const d = decideUser(permission, 'U1', { ...policy, adminUsers: ['UOTHER'] });
      if (d.ok) continue;
      for (const locale of ['en', 'zh-CN', 'es', 'pt-BR'] as const) expect(say(translator(locale), d.title)).not.toMatch(/errors\./);
    }
  });

  it('authorize throws a NotFound the router words; its own message (for logs) is English', () => {
    let thrown: unknown;
    try {
      authorize('run-digests', user, policy);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotFound);
    const nf = thrown as NotFound;
    expect(nf.message).toBe("Only the bot's administrators can post digests now.");
    expect(inEnglish(nf.title)).toBe(nf.message);
    expect(say(translator('es'), nf.title)).toBe('Solo los administradores del bot pueden publicar resúmenes ahora.');
  });
});
