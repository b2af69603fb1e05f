/**
 * The `/aicc` listener with fake `ack` and `respond`: it acknowledges before anything else runs,
 * then answers through `respond`, one call per message, privately unless asked otherwise.
 */
import type { KnownBlock } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { createLogger } from '../../../../src/platform/log.js';
import type { AnyHandler } from '../../../../src/slack/commands/handler.js';
import { helpCommand } from '../../../../src/slack/commands/help-command.js';
import { registerAiccCommand } from '../../../../src/slack/commands/listener.js';
import type { RunnerDeps } from '../../../../src/slack/commands/run.js';
import { defineCommand, integer, text } from '../../../../src/slack/commands/spec.js';
import { section } from '../../../../src/slack/render/blocks.js';
import { SHARE_ACTION_ID } from '../../../../src/slack/render/share.js';
import { fixedLocales, type Locales } from '../../../../src/slack/locales.js';
import { answerIdFromShareValue } from '../../../../src/slack/share.js';
import type { Store } from '../../../../src/store/index.js';
import { memoryStore } from '../../../support/memory-store.js';
import { blocksText } from '../../../support/blocks-text.js';
import { buttons } from '../../../support/render-fixtures.js';
import { fakeCommandApp, fakeReplies, type FakeReplies } from '../../../support/bolt-fakes.js';

const echoCommand = defineCommand({
  name: 'echo',
  // Any catalogue key: help words it in the reader's language.
  summary: 'help.status.summary',
  positional: [{ name: 'word', value: text({ maxLength: 40 }), required: true }],
  options: { times: { value: integer({ min: 1, max: 200 }) } },
  examples: ['echo hi'],
  shareable: true,
});

let store: Store;
let events: string[];
let logs: string[];
let handler: AnyHandler<unknown>;

beforeEach(async () => {
  store = await memoryStore();
  events = [];
  logs = [];
  handler = async (input) => {
    events.push('handler');
    const word = String(input.positional['word']);
    const times = Number(input.options['times'] ?? 1);
    return Array.from({ length: times }, (_, i): KnownBlock => section(`${word} ${i + 1}`));
  };
});
afterEach(async () => {
  await store.close();
});

/** Registers the listener on a fake app and sends one `/aicc text`. */
async function slash(text: string, opts: { channel?: string; allowedChannels?: string[]; locales?: Locales } = {}): Promise<FakeReplies> {
  const { app, slash: send } = fakeCommandApp();
  const deps: RunnerDeps = {
    table: { commands: [helpCommand, echoCommand], handlers: { echo: (input, inv, d) => handler(input, inv, d) } },
    clock: manualClock('2026-11-20T06:30:00Z'),
    log: createLogger({ level: 'debug', sink: (l) => logs.push(l) }),
    timeZone: 'Asia/Shanghai',
    store,
    adminUsers: [],
    allowedChannels: opts.allowedChannels ?? [],
    vdnIds: [8],
    ...(opts.locales ? { locales: opts.locales } : {}),
  };
  registerAiccCommand(app, deps);
  const replies = fakeReplies(events);
  await send('/aicc', text, replies, { channel: opts.channel });
  return replies;
}

describe('the /aicc listener', () => {
  it('acks (and waits for the ack) before the handler runs, then responds privately with a Share button', async () => {
    const r = await slash('echo hi');
    expect(r.events).toEqual(['ack', 'acked', 'handler', 'respond']);
    expect(r.responses).toHaveLength(1);
    const answer = r.responses[0]!;
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.replace_original).toBe(false);
    expect(blocksText(answer.blocks)).toContain('hi 1');
    expect(answer.text).toContain('hi 1');
    // The button names the answer kept in the store, in its public form (without the button).
    const share = buttons(answer.blocks as KnownBlock[]).find((b) => b.action_id === SHARE_ACTION_ID);
    const id = answerIdFromShareValue(share?.value);
    expect(id).toBeDefined();
    const kept = await store.sharedAnswers.get(id!, Date.parse('2026-11-20T06:30:00Z'));
    expect(kept).toMatchObject({ userId: 'U0USER', channelId: 'C0GENERAL', command: 'echo hi' });
    expect(blocksText(kept!.messages)).toContain('hi 1');
    expect(JSON.stringify(kept!.messages)).not.toContain(SHARE_ACTION_ID);
  });

  it('`public` answers in the channel, without a Share button', async () => {
    const r = await slash('echo hi public');
    expect(r.responses).toHaveLength(1);
    expect(r.responses[0]!.response_type).toBe('in_channel');
    expect(JSON.stringify(r.responses[0]!.blocks)).not.toContain(SHARE_ACTION_ID);
  });

  it('an answer too long for one message is sent as several responds, in order, all after the ack', async () => {
    const r = await slash('echo x times:120');
    expect(r.responses.length).toBeGreaterThan(1);
    expect(r.events.slice(0, 3)).toEqual(['ack', 'acked', 'handler']);
    expect(r.events.slice(3)).toEqual(r.responses.map(() => 'respond'));
    const said = r.responses.map((m) => blocksText(m.blocks)).join('\n');
    expect(said.indexOf('x 1\n')).toBeLessThan(said.indexOf('x 120'));
    for (const m of r.responses) expect(m.blocks!.length).toBeLessThanOrEqual(50);
  });

  it('bad input gets the usage line, and the handler never runs', async () => {
    const r = await slash('echo');
    expect(r.events).toEqual(['ack', 'acked', 'respond']);
    expect(r.responses[0]!.response_type).toBe('ephemeral');
    expect(blocksText(r.responses[0]!.blocks)).toContain('/aicc echo');
  });

  it('help is answered from the table', async () => {
    const r = await slash('help');
    expect(r.events).toEqual(['ack', 'acked', 'respond']);
    expect(blocksText(r.responses[0]!.blocks)).toContain('*echo*  Bot health: collector health');
  });

  it('outside BOT_ALLOWED_CHANNELS it refuses politely and runs nothing', async () => {
    const r = await slash('echo hi', { channel: 'CRANDOM', allowedChannels: ['COPS'] });
    expect(r.events).toEqual(['ack', 'acked', 'respond']);
    expect(blocksText(r.responses[0]!.blocks)).toMatch(/not answered in this channel/);
    expect(blocksText(r.responses[0]!.blocks)).toContain('<#COPS>');
  });

  it('a failing handler becomes one private message with a reference, logged, without a stack trace', async () => {
    handler = async () => {
      events.push('handler');
      throw new Error('kaboom at line 3');
    };
    const r = await slash('echo hi');
    expect(r.events).toEqual(['ack', 'acked', 'handler', 'respond']);
    expect(r.responses).toHaveLength(1);
    const said = blocksText(r.responses[0]!.blocks);
    expect(r.responses[0]!.response_type).toBe('ephemeral');
    expect(said).not.toMatch(/kaboom|at line|\.ts:/);
    const ref = /\b([0-9a-f]{8})\b/.exec(said)?.[1];
    expect(ref).toBeDefined();
    expect(logs.find((l) => l.includes('command failed'))).toContain(ref);
  });

  describe("in the user's language", () => {
    it('help in Chinese: the list, the glossary and the footer; command words stay English', async () => {
      const r = await slash('help', { locales: fixedLocales('zh-CN') });
      const said = blocksText(r.responses[0]!.blocks);
      expect(said).toContain('/aicc 命令');
      expect(said).toContain('*echo*  机器人运行状况：采集器状态');
      expect(said).toContain('`/aicc echo TEXT [times:N] [vdn:N]`');
      expect(said).toContain('*接通率*：接通量 ÷ 呼叫量');
      expect(said).toContain('加上 `vdn:N` 可指定 VDN');
      expect(r.responses[0]!.text).toContain('/aicc 命令');
    });

    it('a usage error in Spanish: what is wrong, the usage line and where to read more', async () => {
      const r = await slash('echo hi times:0', { locales: fixedLocales('es') });
      expect(r.events).toEqual(['ack', 'acked', 'respond']);
      const said = blocksText(r.responses[0]!.blocks);
      expect(said).toContain(':warning: `times` debe ser un número entero de 1 a 200, no `0`');
      expect(said).toContain('*Uso*\n```/aicc echo TEXT [times:N] [vdn:N]```');
      expect(said).toContain('Ejemplos: `/aicc echo hi`');
      expect(said).toContain('`/aicc help echo` para más información');
    });

    it('a refusal outside BOT_ALLOWED_CHANNELS in Portuguese', async () => {
      const r = await slash('echo hi', { channel: 'CRANDOM', allowedChannels: ['COPS', 'CSUP'], locales: fixedLocales('pt-BR') });
      const said = blocksText(r.responses[0]!.blocks);
      expect(said).toContain('*As consultas do AICC não são respondidas neste canal.*');
      expect(said).toContain('Pergunte em <#COPS> ou <#CSUP>.');
    });

    it('a failing handler explained in Portuguese, with its reference', async () => {
      handler = async () => {
        throw new Error('kaboom');
      };
      const r = await slash('echo hi', { locales: fixedLocales('pt-BR') });
      const said = blocksText(r.responses[0]!.blocks);
      expect(said).toContain('*Algo deu errado dentro do bot*');
      expect(said).toMatch(/passe ao seu administrador a referência [0-9a-f]{8}/);
    });
  });
});
