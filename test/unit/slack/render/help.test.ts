import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../../../src/slack/commands/spec.js';
import { COMMANDS } from '../../../../src/features/index.js';
import { renderHelp } from '../../../../src/slack/render/help.js';
import { renderUsageError } from '../../../../src/slack/render/usage.js';
import { parseCommand } from '../../../../src/slack/commands/parse.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { allText } from '../../../support/render-fixtures.js';

describe('renderHelp', () => {
  it('lists every command with its summary and usage line', () => {
    const blocks = renderHelp(COMMANDS);
    const text = allText(blocks);
    for (const c of COMMANDS) {
      expect(text).toContain(`*${c.name}*  ${c.summary}`);
    }
    expect(text).toContain('`/aicc task TASK_ID [vdn:N]`');
    expect(text).toContain('`public`');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('explains one command: usage, arguments, examples', () => {
    const text = allText(renderHelp(COMMANDS, 'campaigns'));
    expect(text).toContain('/aicc campaigns');
    expect(text).toContain('```/aicc campaigns [running|paused|completed|all] [name:TEXT] [type:ivr|agent] [page:N] [vdn:N]```');
    expect(text).toContain('• `name:TEXT` (optional) — only names containing this text');
    expect(text).toContain('`/aicc campaigns paused type:ivr`');
  });

  it('explains a group of subcommands', () => {
    const table = [...COMMANDS, defineCommand({ name: 'digest add', summary: 'Add a digest', positional: [], options: {}, examples: [] })] as const;
    const text = allText(renderHelp(table, 'digest'));
    expect(text).toContain('*digest add*  Add a digest');
    expect(text).not.toContain('*campaigns*');
  });

  it('handles an unknown name, escaped', () => {
    const text = allText(renderHelp(COMMANDS, '<!channel>'));
    expect(text).toContain('There is no command `&lt;!channel&gt;`');
    expect(text).toContain('*stats*');
  });

  it('stays valid with many commands', () => {
    const table = Array.from({ length: 120 }, (_, i) => defineCommand({ name: `cmd${i}`, summary: 'x'.repeat(100), positional: [], options: {}, examples: [] }));
    expect(blockProblems(renderHelp(table))).toEqual([]);
  });
});

describe('renderUsageError', () => {
  it('shows the message, the usage line and examples', () => {
    const r = parseCommand('campaigns page:x', COMMANDS);
    if (r.ok) throw new Error('expected failure');
    const text = allText(renderUsageError(r));
    expect(text).toContain(':warning: `page` must be a whole number from 1 to 1000, not `x`');
    expect(text).toContain('*Usage*\n```/aicc campaigns [running|paused|completed|all]');
    expect(text).toContain('`/aicc campaigns paused type:ivr`');
    expect(text).toContain('`/aicc help campaigns` for more');
  });

  it('unknown command shows the short list of all commands', () => {
    const r = parseCommand('<@U123> hello', COMMANDS);
    if (r.ok) throw new Error('expected failure');
    const blocks = renderUsageError(r);
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
    const blocks = renderUsageError(r);
    expect(JSON.stringify(blocks).length).toBeLessThan(3000);
    expect(allText(blocks)).not.toMatch(/<!channel>/);
  });
});
