/** A form field's problem, from the same value spec the command uses, in the language of whoever fills in the form. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/index.js';
import { channel, choice, csv, identifier, integer } from '../../../src/slack/commands/spec.js';
import { field, FormErrors, type FormValues } from '../../../src/slack/forms.js';

const values = (byBlock: Record<string, string>): FormValues =>
  Object.fromEntries(Object.entries(byBlock).map(([id, value]) => [id, { input: { type: 'plain_text_input', value } }])) as unknown as FormValues;

function problems(tr: ReturnType<typeof translator> | undefined) {
  const errors = new FormErrors(tr ?? translator('en'));
  const v = values({ page: '0', type: 'robot', where: '#ops', ids: 'a,b c' });
  field(v, 'page', integer({ min: 1, max: 1000 }), errors);
  field(v, 'type', choice(['ivr', 'agent']), errors);
  field(v, 'where', channel(), errors);
  field(v, 'ids', csv(identifier('ID')), errors);
  field(v, 'missing', integer({ min: 1 }), errors, { required: true });
  return errors.byBlock;
}

describe('form field problems', () => {
  it('English, as before', () => {
    expect(problems(undefined)).toMatchObject({ page: 'Must be a whole number from 1 to 1000', type: 'Must be one of ivr or agent', missing: 'Required' });
    expect(problems(undefined)).toEqual(problems(translator('en')));
  });

  it('Chinese: plain text, no backticks or entities', () => {
    const p = problems(translator('zh-CN'));
    expect(p).toMatchObject({ page: '必须是介于 1 和 1000 之间的整数', type: '必须是以下之一：ivr或agent', missing: '必填' });
    expect(p['where']).toContain('或频道 ID，例如 C0123ABCD');
    expect(p['ids']).toContain('列表，且每一项都是字母、数字');
  });

  it('Spanish', () => {
    expect(problems(translator('es'))).toMatchObject({ page: 'Debe ser un número entero de 1 a 1000', type: 'Debe ser uno de estos: ivr o agent', missing: 'Obligatorio' });
  });
});
