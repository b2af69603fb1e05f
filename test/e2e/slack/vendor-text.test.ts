/**
 * A vendor error quoting a signed recording URL and a called number, end to end: the simulator
 * answers `/aicc call` with it, and neither the Slack answer nor the bot's log shows the key, the
 * signature or the whole number; the rest of the vendor's text is shown whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksText, startE2E, type E2E } from '../../support/e2e.js';

const KEY = 'HPUAXXEXAMPLEKEY01';
const SIGNATURE = 'c2lnbmF0dXJlLW9mLXRoZS1yZWNvcmRpbmc';
const NUMBER = '13812345678';
const DESC =
  `被叫号码${NUMBER}的通话记录已归档, 录音 https://obs.cn-north-4.example.com/rec/1644464743-1388.wav?AccessKeyId=${KEY}&Expires=1795000000&Signature=${SIGNATURE} ` +
  `不可再次查询; also token=${SIGNATURE}; please query a call of the last 30 days (end of vendor text)`;

let masked: E2E;
let unmasked: E2E;
beforeAll(async () => {
  [masked, unmasked] = await Promise.all([startE2E(), startE2E({ env: { BOT_MASK_NUMBERS: 'false' } })]);
  for (const e2e of [masked, unmasked]) e2e.sim.setFaults('isales', { vendorError: { resultCode: '0200001', resultDesc: DESC } });
});
afterAll(async () => {
  await Promise.all([masked?.close(), unmasked?.close()]);
});

describe('vendor error text reaches Slack and the log redacted', () => {
  it('the answer shows the whole text with the URL redacted and the number masked; the log line neither', async () => {
    const r = await masked.slash('call 1644464743-1388');
    const sent = JSON.stringify(r.responses);
    const text = r.responses.map((x) => blocksText(x.body.blocks)).join('\n');
    expect(text).toMatch(/CC-iSales refused the request/);
    expect(text).toContain('(end of vendor text)');
    expect(text).toContain('被叫号码****5678的通话记录已归档');
    expect(text).toContain('[redacted-url]');
    for (const secret of [KEY, SIGNATURE, NUMBER]) expect(sent).not.toContain(secret);

    const logged = masked.logs.join('\n');
    expect(logged).toMatch(/command failed.*0200001/);
    for (const secret of [KEY, SIGNATURE, NUMBER]) expect(logged).not.toContain(secret);
  });

  it('with BOT_MASK_NUMBERS=false the answer shows the number, never the key or signature; the log still masks it', async () => {
    const r = await unmasked.slash('call 1644464743-1388');
    const sent = JSON.stringify(r.responses);
    expect(sent).toContain(NUMBER);
    for (const secret of [KEY, SIGNATURE]) expect(sent).not.toContain(secret);
    const logged = unmasked.logs.join('\n');
    for (const secret of [KEY, SIGNATURE, NUMBER]) expect(logged).not.toContain(secret);
  });
});
