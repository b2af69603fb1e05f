import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/index.js';
import { msg } from '../../../../src/slack/commands/message.js';
import { renderError } from '../../../../src/slack/render/error.js';
import { allText } from '../../../support/render-fixtures.js';

const en = translator('en');

describe('renderError', () => {
  it('shows title, detail, hint and code, escaped', () => {
    const blocks = renderError(en, { title: 'Call not found', detail: 'The vendor said: <!channel> & no record', hint: 'Check the id with `/aicc campaigns`', code: '0200007' });
    const text = allText(blocks);
    expect(text).toContain(':warning: *Call not found*');
    expect(text).toContain('The vendor said: &lt;!channel&gt; &amp; no record');
    expect(text).toContain('Check the id with `/aicc campaigns`');
    expect(text).toContain('code `0200007`');
  });
  it('needs only a title', () => {
    expect(renderError(en, { title: 'Oops' })).toHaveLength(1);
  });
  it('words catalogue messages in the reader’s language; their values were escaped by whoever made them', () => {
    const view = { title: msg('errors.refused.vdn.title', { vdn: '9' }), hint: msg('errors.refused.vdn.hint', { served: '8, 12' }), code: 'x<y' };
    const text = allText(renderError(translator('pt-BR'), view));
    expect(text).toContain(':warning: *Este bot não atende o VDN 9.*');
    expect(text).toContain('Ele responde pelo VDN 8, 12 (AICC_VDN_IDS).');
    expect(text).toContain('código `x&lt;y`');
    expect(allText(renderError(translator('zh-CN'), view))).toContain('*本机器人不服务 VDN 9。*');
  });
  it('words a message title in English as the text it stands for', () => {
    expect(allText(renderError(en, { title: msg('errors.notFound.title'), code: 'c' }))).toBe(allText(renderError(en, { title: 'Not found', code: 'c' })));
  });
});
