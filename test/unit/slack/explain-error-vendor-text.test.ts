/** Vendor text in error answers: whole, redacted like the log, numbers masked per BOT_MASK_NUMBERS, within Block Kit limits. */
import { describe, expect, it } from 'vitest';
import { campaignPageSchema } from '../../../src/aicc/isales-schemas.js';
import { AiccError } from '../../../src/aicc/errors.js';
import { translator } from '../../../src/i18n/index.js';
import { explainError } from '../../../src/slack/explain-error.js';
import { renderError } from '../../../src/slack/render/error.js';
import { blockProblems } from '../../../local/fakeslack/validate.js';
import { allText } from '../../support/render-fixtures.js';

const URL = 'https://obs.example.com/rec/1.wav?AccessKeyId=HPUAXXEXAMPLEKEY01&Expires=1795000000&Signature=s1gNaTuReVaLuE';
const DESC = `参数异常: 被叫号码13812345678的录音 ${URL} 已过期, 请在确认号码归属地和外呼时间段配置后重新提交外呼数据 (end of text)`;

const en = translator('en');
const vendorError = () => new AiccError({ service: 'isales', endpoint: 'call result', code: 'vendor', resultCode: '0200001', resultDesc: DESC });

describe('vendor text in error answers', () => {
  it('is shown whole, not cut after 40 characters, without the signature, key or full number', () => {
    const text = allText(renderError(en, explainError(en, vendorError(), { timeZone: 'UTC', reference: 'r', maskNumbers: true })));
    expect(text).toContain('(end of text)');
    expect(text).toContain('被叫号码****5678的录音 [redacted-url] 已过期');
    for (const secret of ['HPUAXXEXAMPLEKEY01', 's1gNaTuReVaLuE', '13812345678']) expect(text).not.toContain(secret);
    expect(text).toContain('code `0200001 · parameter error`');
  });

  it('with BOT_MASK_NUMBERS=false shows the number, never the credentials', () => {
    const text = allText(renderError(en, explainError(en, vendorError(), { timeZone: 'UTC', reference: 'r', maskNumbers: false })));
    expect(text).toContain('13812345678');
    expect(text).not.toContain('s1gNaTuReVaLuE');
  });

  it('the error message (logs, /aicc status, digests) is redacted and masked whatever the setting', () => {
    const e = vendorError();
    for (const secret of ['HPUAXXEXAMPLEKEY01', 's1gNaTuReVaLuE', '13812345678']) expect(e.message).not.toContain(secret);
    expect(e.resultDesc).not.toContain('s1gNaTuReVaLuE');
  });

  it('a huge vendor text, full of characters mrkdwn escapes, stays within Block Kit limits', () => {
    const e = new AiccError({ service: 'cms', endpoint: 'task', code: 'http', httpStatus: 500, resultCode: '0100999', resultDesc: '<&>'.repeat(5000) });
    const blocks = renderError(en, explainError(en, e, { timeZone: 'UTC', reference: 'r' }));
    expect(blockProblems(blocks)).toEqual([]);
    const text = allText(blocks);
    expect(text).toContain('The vendor said: &lt;&amp;&gt;&lt;&amp;&gt;');
    expect(text).toMatch(/;…/); // cut after a whole entity, never inside one
  });

  it('campaign names, vendor free text too, are redacted at the boundary', () => {
    const body = { curPage: 1, totalSize: 1, data: [{ id: 1, name: `回访13812345678 ${URL}`, status: 2, deviceType: 1 }] };
    expect(campaignPageSchema('UTC').parse(body).campaigns[0]?.name).toBe('回访****5678 [redacted-url]');
    expect(campaignPageSchema('UTC', false).parse(body).campaigns[0]?.name).toBe('回访13812345678 [redacted-url]');
  });
});
