/** AICC errors explained in the reader's language; the vendor's words and the administrator's technical hint stay as they are. */
import { describe, expect, it } from 'vitest';
import { AiccError, type AiccErrorInit } from '../../../src/aicc/errors.js';
import { translator } from '../../../src/i18n/index.js';
import { explainError, recordedFailure } from '../../../src/slack/explain-error.js';
import { renderError } from '../../../src/slack/render/error.js';
import { allText } from '../../support/render-fixtures.js';

const ctx = { timeZone: 'Asia/Shanghai', reference: 'ab12cd34' };
const err = (over: Partial<AiccErrorInit>) => new AiccError({ service: 'isales', endpoint: 'statistics', code: 'http', ...over });

describe('explainError in other languages', () => {
  it('zh-CN: every kind of failure has Chinese words', () => {
    const zh = translator('zh-CN');
    const kinds: Partial<AiccErrorInit>[] = [
      { code: 'not_found' },
      { code: 'rate_limited', retryAt: new Date('2026-11-20T06:32:05Z') },
      { code: 'auth', httpStatus: 401, hint: 'check AICC_AK and AICC_SK' },
      { code: 'timeout' },
      { code: 'network', hint: 'check that https://aicc.example is reachable from the bot' },
      { code: 'http', httpStatus: 503, retryable: true },
      { code: 'vendor', resultCode: '02000009', resultDesc: 'batch without campaign' },
      { code: 'too_large', limitBytes: 1_572_864 },
      { code: 'bad_payload' },
      { code: 'not_configured', hint: 'set AICC_CMS_URL to use it' },
    ];
    const texts = kinds.map((k) => allText(renderError(zh, explainError(zh, err(k), ctx))));
    expect(texts[0]).toContain('*未找到*');
    expect(texts[1]).toContain('下次可刷新时间为 14:32:05（Asia/Shanghai）');
    expect(texts[2]).toContain('*CC-iSales 拒绝了机器人的凭据*');
    expect(texts[2]).toContain('管理员：check AICC_AK and AICC_SK。');
    expect(texts[3]).toContain('请稍后再试；该服务可能负载过高。');
    expect(texts[4]).toContain('*CC-iSales 无法连接*');
    expect(texts[5]).toContain('这通常是暂时的');
    expect(texts[6]).toContain('代码 `02000009 · 参数组合无效（批次需要指定外呼任务）`');
    expect(texts[6]).toContain('厂商返回：batch without campaign');
    expect(texts[7]).toContain('超过 1.5 MiB');
    expect(texts[8]).toContain('机器人无法读取');
    expect(texts[9]).toContain('*CC-iSales 未配置*');
  });

  it('es: an unknown error gets the reference', () => {
    const es = translator('es');
    const text = allText(renderError(es, explainError(es, new Error('boom'), ctx)));
    expect(text).toContain('*Algo falló dentro del bot*');
    expect(text).toContain('dé a su administrador la referencia ab12cd34');
    expect(text).toContain('código `ab12cd34`');
    expect(text).not.toContain('boom');
  });

  it('pt-BR: a size limit with a decimal comma', () => {
    const pt = translator('pt-BR');
    expect(explainError(pt, err({ code: 'too_large', limitBytes: 1_572_864 }), ctx).detail).toBe('A resposta de CC-iSales statistics passou de 1,5 MiB, então o bot parou de lê-la.');
  });

  it('English is unchanged', () => {
    const e = err({ code: 'vendor', resultCode: '0200001', resultDesc: 'bad' });
    expect(explainError(translator('en'), e, ctx)).toEqual({ title: 'CC-iSales refused the request', detail: 'CC-iSales statistics failed.\nThe vendor said: bad', hint: 'Check the ids in the command.', code: '0200001 · parameter error' });
  });
});

describe('a failure recorded as text', () => {
  it('says its kind in the reader’s language and keeps the record, escaped, as code', () => {
    const tr = translator;
    expect(recordedFailure(tr('zh-CN'), 'timeout: CC-CMS real-time timed out after 10 s')).toBe('超时（`timeout: CC-CMS real-time timed out after 10 s`）');
    expect(recordedFailure(tr('es'), 'network:  connect ECONNREFUSED\n 10.0.0.1')).toBe('inaccesible (`network: connect ECONNREFUSED 10.0.0.1`)');
    expect(recordedFailure(tr('en'), 'SQLITE_FULL: <disk> `full`')).toBe("failed (`SQLITE_FULL: &lt;disk&gt; 'full'`)");
    expect(recordedFailure(tr('pt-BR'), 'vendor: x'.padEnd(400, 'y'), 40)).toMatch(/^erro do fornecedor \(`vendor: xy{30}…`\)$/);
  });
});
