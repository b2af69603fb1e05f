import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../src/slack/commands/args.js';
import { inEnglish } from '../../../../src/slack/commands/message.js';

const tokens = (text: string) => {
  const r = tokenize(text);
  if (!r.ok) throw new Error(inEnglish(r.message));
  return r.tokens;
};

describe('tokenize', () => {
  it('splits positional words and key:value / key=value pairs', () => {
    expect(tokens('campaigns paused page:2 type=ivr')).toEqual([
      { value: 'campaigns', quoted: false },
      { value: 'paused', quoted: false },
      { key: 'page', value: '2', quoted: false },
      { key: 'type', value: 'ivr', quoted: false },
    ]);
  });
  it('keeps quoted values with spaces, straight or curly quotes', () => {
    expect(tokens('campaigns name:"spring follow"')[1]).toEqual({ key: 'name', value: 'spring follow', quoted: true });
    expect(tokens('campaigns name:“spring follow”')[1]).toEqual({ key: 'name', value: 'spring follow', quoted: true });
    expect(tokens('"two words"')).toEqual([{ value: 'two words', quoted: true }]);
  });
  it('splits only at the first colon, so values may contain colons', () => {
    expect(tokens('time:09:30')).toEqual([{ key: 'time', value: '09:30', quoted: false }]);
  });
  it('does not treat a quoted key:value as a pair', () => {
    expect(tokens('"vdn:3"')).toEqual([{ value: 'vdn:3', quoted: true }]);
  });
  it('lower-cases keys but not values', () => {
    expect(tokens('Name:Spring')).toEqual([{ key: 'name', value: 'Spring', quoted: false }]);
  });
  it('accepts escaped quotes inside quotes', () => {
    expect(tokens('name:"say \\"hi\\""')[0]).toEqual({ key: 'name', value: 'say "hi"', quoted: true });
  });
  it('decodes the entities Slack sends', () => {
    expect(tokens('name:a&amp;b&lt;c&gt;')[0]!.value).toBe('a&b<c>');
  });
  it('splits on any whitespace, including Unicode spaces', () => {
    expect(tokens('  stats\u00a0\u3000 12\t\n').map((t) => t.value)).toEqual(['stats', '12']);
  });
  it('fails on an unclosed quote', () => {
    expect(tokenize('name:"spring')).toEqual({ ok: false, message: { key: 'errors.usage.unclosedQuote' } });
  });
  it('returns no tokens for blank input', () => {
    expect(tokens('   ')).toEqual([]);
  });
});

describe('tokenize keeps Slack’s escaped channel as one token', () => {
  it('<#C123|name>, <#C123> and <#C123|>', () => {
    expect(tokenize('digest add <#C0123ABCD|ops-floor> at:09:00')).toEqual({
      ok: true,
      tokens: [
        { value: 'digest', quoted: false },
        { value: 'add', quoted: false },
        { value: '<#C0123ABCD|ops-floor>', quoted: false },
        { key: 'at', value: '09:00', quoted: false },
      ],
    });
    expect(tokenize('<#C1> <#C2|>')).toEqual({ ok: true, tokens: [{ value: '<#C1>', quoted: false }, { value: '<#C2|>', quoted: false }] });
  });
});
