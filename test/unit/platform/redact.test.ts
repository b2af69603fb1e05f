import { describe, expect, it } from 'vitest';
import { createLogger, maskDigits, redactText } from '../../../src/platform/log.js';

const OBS = 'https://obs.cn-north-4.myhuaweicloud.com/rec/2026/1644464743-1388.wav?AccessKeyId=HPUAXXEXAMPLEKEY01&Expires=1795000000&Signature=r3c0rd1ngS1gnatureValue%3D';

describe('redactText: credentials', () => {
  it.each([
    ['a signed OBS URL', `录音文件 ${OBS} 已过期`, ['HPUAXXEXAMPLEKEY01', 'r3c0rd1ngS1gnatureValue']],
    ['an S3 presigned URL', 'see https://s3.amazonaws.com/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261120&X-Amz-Signature=deadbeefcafe', ['AKIAEXAMPLE', 'deadbeefcafe']],
    ['bare query credentials', 'invalid: AccessKeyId=HPUAXXEXAMPLEKEY01&Expires=1&Signature=abc123XYZ', ['HPUAXXEXAMPLEKEY01', 'abc123XYZ']],
    ['token= and sig=', 'callback failed: token=eyJhbGciOiJIUzI1NiJ9.payload.sig and sv=2024&sig=SaSsIgNaTuRe', ['eyJhbGciOiJIUzI1NiJ9', 'SaSsIgNaTuRe']],
    ['authToken= and a JSON authToken', 'authToken=tok-123456 body {"authToken": "tok-abcdef", "tenantId": "2021"}', ['tok-123456', 'tok-abcdef']],
    ['a bearer token and a Slack token', 'Authorization: Bearer abc.def.ghi, xoxb-1234-5678-abcdefgh', ['abc.def.ghi', 'xoxb-1234']],
  ])('%s', (_name, text, secrets) => {
    const out = redactText(text);
    for (const s of secrets) expect(out).not.toContain(s);
    expect(out).toMatch(/\[redacted/);
  });

  it('keeps the words around a redaction', () => {
    expect(redactText(`录音文件 ${OBS} 已过期`)).toBe('录音文件 [redacted-url] 已过期');
    expect(redactText('bad AccessKeyId=AK1&Signature=S1 here')).toBe('bad AccessKeyId=[redacted]&Signature=[redacted] here');
  });
});

describe('redactText: phone numbers', () => {
  it.each([
    ['被叫号码13812345678不在白名单', '被叫号码****5678不在白名单'],
    ['called +86 138 1234 5678 twice', 'called ****5678 twice'],
    ['called 008613812345678', 'called ****5678'],
    ['mobile 138-1234-5678.', 'mobile ****5678.'],
    ['landline 010-62345678, 0755-12345678', 'landline ****5678, ****5678'],
    ['uk 07911123456', 'uk ****3456'],
  ])('%s', (text, masked) => {
    expect(redactText(text)).toBe(masked);
    expect(redactText(text, { maskNumbers: false })).toBe(text);
  });

  it.each([
    'result code 0200001 and 02000009',
    'campaign 1798316116 in VDN 8',
    'call 1644464743-1388',
    'bot 943370855474270208',
    'tenant 202104237142',
    'at 2026-11-20 14:30:00+08:00, epoch 1763712000000',
  ])('leaves ids, codes and dates alone: %s', (text) => {
    expect(redactText(text)).toBe(text);
  });

  it('masks to the last four digits, all of a short one', () => {
    expect(maskDigits('13812341955')).toBe('****1955');
    expect(maskDigits('+86 138 1234 1955')).toBe('****1955');
    expect(maskDigits('1955')).toBe('****');
  });
});

describe('the log line', () => {
  it('at every level, including ERROR, carries neither a credential nor a full phone number', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', sink: (l) => lines.push(l) });
    log.error(`vendor said ${OBS} for 13812345678`, { resultDesc: `号码13812345678 ${OBS}`, error: new Error('AccessKeyId=HPUAXXEXAMPLEKEY01&Signature=xyz987') });
    const text = lines.join('\n');
    expect(text).toContain('ERROR');
    for (const s of ['HPUAXXEXAMPLEKEY01', 'r3c0rd1ngS1gnatureValue', 'xyz987', '13812345678']) expect(text).not.toContain(s);
    expect(text).toContain('****5678');
  });
});
