import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/index.js';
import type { CallDetail } from '../../../../src/aicc/domain.js';
import { RECORDING_BLOCK_ID, renderCall } from '../../../../src/features/queries/render-call.js';
import { stripShareButton, withShareButton } from '../../../../src/slack/render/share.js';
import type { CallView } from '../../../../src/features/queries/views.js';
import { blockProblems } from '../../../../local/fakeslack/validate.js';
import { FETCHED_AT, TZ, allText } from '../../../support/render-fixtures.js';

const RECORDING = 'https://obs.example.com/isales/record/abc?AccessKeyId=AK&Expires=1644484560&Signature=uzt%2F';
const success: CallDetail = {
  callId: '1644464743-1388',
  vdnId: 8,
  called: '88881955',
  callStatus: 6,
  outcome: 'success',
  failCode: '00000',
  resultCode: 'OB99999',
  ringTime: new Date('2022-02-10T03:45:43Z'),
  answerTime: new Date('2022-02-10T03:45:47Z'),
  endTime: new Date('2022-02-10T03:46:52Z'),
  recordUrl: RECORDING,
};
const view = (over: Partial<CallView> = {}): CallView => ({ timeZone: TZ, fetchedAt: FETCHED_AT, tr: translator(), call: success, maskNumbers: true, viewerIsAdmin: false, ...over });

describe('renderCall', () => {
  it('shows a connected call with masked number, durations and times', () => {
    const blocks = renderCall(view());
    const text = allText(blocks);
    expect(text).toContain(':white_check_mark: *Connected*');
    expect(text).toContain('Call `1644464743-1388`');
    expect(text).toContain('VDN 8');
    expect(text).toContain('*Called number*\n****1955');
    expect(text).not.toContain('88881955');
    expect(text).toContain('*Ring*\n4s');
    expect(text).toContain('*Talk*\n1m 05s');
    expect(text).toContain('*Ring started*\n2022-02-10 11:45');
    expect(text).toContain('*Hung up*\n2022-02-10 11:46');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('shows a failed call with its fail and result codes', () => {
    const failed: CallDetail = { callId: '1', outcome: 'failed', callStatus: 5, failCode: '10021', resultCode: 'OB0021', ringTime: new Date('2022-02-10T03:45:43Z'), endTime: new Date('2022-02-10T03:46:13Z') };
    const text = allText(renderCall(view({ call: failed })));
    expect(text).toContain(':x: *Failed*  ·  fail code `10021`  ·  result code `OB0021`');
    expect(text).toContain('*Ring*\n30s');
    expect(text).toContain('*Talk*\nnot answered');
    expect(text).toContain('*Called number*\n–');
  });

  it('shows the full number when masking is off', () => {
    expect(allText(renderCall(view({ maskNumbers: false })))).toContain('*Called number*\n88881955');
  });

  it('never shows the recording to a non-admin', () => {
    const text = JSON.stringify(renderCall(view({ viewerIsAdmin: false })));
    expect(text).not.toContain('obs.example.com');
    expect(text).not.toContain('recording');
  });

  it('shows the recording link to an admin, escaped, in a private block', () => {
    const blocks = renderCall(view({ viewerIsAdmin: true }));
    const rec = blocks.find((b) => b.block_id === RECORDING_BLOCK_ID);
    expect(rec).toMatchObject({ type: 'section' });
    expect(allText([rec!])).toContain('<https://obs.example.com/isales/record/abc?AccessKeyId=AK&amp;Expires=1644484560&amp;Signature=uzt%2F|Listen to the recording>');
    expect(blockProblems(blocks)).toEqual([]);
  });

  it('drops the recording (and its note) when the answer is shared in the channel', () => {
    const shared = stripShareButton(withShareButton(renderCall(view({ viewerIsAdmin: true })), undefined, translator('en')));
    expect(JSON.stringify(shared)).not.toContain('obs.example.com');
    expect(allText(shared)).not.toContain('Only you can see');
    expect(allText(shared)).toContain('****1955');
  });

  it('escapes vendor codes and ids', () => {
    const text = allText(renderCall(view({ call: { callId: '<!here>', outcome: 'failed', failCode: '<@U1>' } })));
    expect(text).not.toMatch(/<[!@]/);
  });
});
