import { describe, expect, it } from 'vitest';
import { translator, type MessageKey } from '../../../../src/i18n/index.js';
import { defineCommand } from '../../../../src/slack/commands/spec.js';
import { COMMANDS } from '../../../../src/features/index.js';
import { renderHelp } from '../../../../src/slack/render/help.js';
import { renderUsageError } from '../../../../src/slack/render/usage.js';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { allText } from '../../../support/render-fixtures.js';

const en = translator('en');
const zh = translator('zh-CN');

describe('renderHelp', () => {
  it('lists every command with its summary and usage line', () => {
    const blocks = renderHelp(en, COMMANDS);
    const text = allText(blocks);
    for (const c of COMMANDS) {
      expect(text).toContain(`*${c.name}*  ${en.t(c.summary)}`);
    }
    expect(text).toContain('`/aicc task TASK_ID [vdn:N]`');
    expect(text).toContain('`public`');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('explains one command: usage, arguments, examples', () => {
    const text = allText(renderHelp(en, COMMANDS, 'campaigns'));
    expect(text).toContain('/aicc campaigns');
    expect(text).toContain('```/aicc campaigns [running|paused|completed|all] [name:TEXT] [type:ivr|agent] [page:N] [vdn:N]```');
    expect(text).toContain('• `name:TEXT` (optional) — only names containing this text');
    expect(text).toContain('`/aicc campaigns paused type:ivr`');
  });

  it('explains a group of subcommands', () => {
    const table = [...COMMANDS, defineCommand({ name: 'report add', summary: 'help.digest.add.summary', positional: [], options: {}, examples: [] })] as const;
    const text = allText(renderHelp(en, table, 'report'));
    expect(text).toContain('*report add*  Post a daily digest of campaign and bot figures to a channel');
    expect(text).not.toContain('*campaigns*');
  });

  it('handles an unknown name, escaped', () => {
    const text = allText(renderHelp(en, COMMANDS, '<!channel>'));
    expect(text).toContain('There is no command `&lt;!channel&gt;`');
    expect(text).toContain('*stats*');
  });

  it("speaks the reader's language, every command and option explained, and stays within Block Kit limits", () => {
    for (const locale of ['zh-CN', 'es', 'pt-BR'] as const) {
      const tr = translator(locale);
      const list = renderHelp(tr, COMMANDS);
      expect(blockProblems(list)).toEqual([]);
      for (const c of COMMANDS) {
        const one = renderHelp(tr, COMMANDS, c.name);
        expect(blockProblems(one), `${locale} ${c.name}`).toEqual([]);
        expect(allText(one)).toContain(tr.t(c.summary));
        for (const p of c.positional) if (p.help) expect(allText(one)).toContain(tr.t(p.help));
        for (const o of Object.values(c.options)) if (o.help) expect(allText(one)).toContain(tr.t(o.help));
      }
    }
    const text = allText(renderHelp(zh, COMMANDS, 'bot'));
    expect(text).toContain('语音机器人的话务：自助处理、转人工、交互轮次、自助率。');
    expect(text).toContain('• `hour|day`（可选） — `hour`：某一天按小时统计（默认）');
    expect(text).toContain('• `date:YYYY-MM-DD`（可选） — 配合 `hour`');
    expect(text).toContain('• `public`（可选） — 把回答发到频道中');
  });

  it('stays valid with many commands', () => {
    const table = Array.from({ length: 120 }, (_, i) => defineCommand({ name: `cmd${i}`, summary: 'x'.repeat(100) as MessageKey, positional: [], options: {}, examples: [] }));
    expect(blockProblems(renderHelp(en, table))).toEqual([]);
  });
});

describe('renderUsageError', () => {
  it('shows the message, the usage line and examples', () => {
    const r = parseCommand('campaigns page:x', COMMANDS);
    if (r.ok) throw new Error('expected failure');
    const text = allText(renderUsageError(en, r));
    expect(text).toContain(':warning: `page` must be a whole number from 1 to 1000, not `x`');
    expect(text).toContain('*Usage*\n```/aicc campaigns [running|paused|completed|all]');
    expect(text).toContain('`/aicc campaigns paused type:ivr`');
    expect(text).toContain('`/aicc help campaigns` for more');
  });

  it('unknown command shows the short list of all commands', () => {
    const r = parseCommand('<@U123> hello', COMMANDS);
    if (r.ok) throw new Error('expected failure');
    const blocks = renderUsageError(en, r);
    const text = allText(blocks);
    expect(text).toContain('unknown command `&lt;@U123&gt;`');
    expect(text).toContain('*Commands*');
    expect(text).toContain('/aicc bot ACCESS_CODE [hour|day] [date:YYYY-MM-DD] [vdn:N]');
    expect(text).not.toMatch(/<@U123>/);
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('3,000 characters of junk get a short, valid answer', () => {
    const r = parseCommand('<!channel>'.repeat(300), COMMANDS);
    if (r.ok) throw new Error('expected failure');
    const blocks = renderUsageError(en, r);
    expect(JSON.stringify(blocks).length).toBeLessThan(3000);
    expect(allText(blocks)).not.toMatch(/<!channel>/);
  });
});
