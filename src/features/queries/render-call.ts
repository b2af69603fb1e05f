/**
 * `/aicc call`: one call's result. The called number is masked unless masking is off, and the
 * recording link (a pre-signed secret) appears only for an admin viewing privately, in a block
 * marked private so a public repost drops it.
 */
import type { KnownBlock } from '@slack/types';
import { between, escapeMrkdwn, formatDateTime, formatDuration, maskNumber } from '../../slack/format.js';
import { PRIVATE_BLOCK_PREFIX, context, fields, header, metaLine, section } from '../../slack/render/blocks.js';
import type { CallView } from './views.js';

/** Block id of the recording link; private, so `stripShareButton` removes it from reposts. */
export const RECORDING_BLOCK_ID = `${PRIVATE_BLOCK_PREFIX}recording`;
const RECORDING_NOTE_BLOCK_ID = `${PRIVATE_BLOCK_PREFIX}recording_note`;

/** Renders one call's result. */
export function renderCall(view: CallView): KnownBlock[] {
  const { call, timeZone } = view;
  const answered = call.answerTime !== undefined;
  // Ringing lasts until the answer, or until the hang-up of an unanswered call.
  const ring = between(call.ringTime, call.answerTime ?? call.endTime);
  const talk = answered ? between(call.answerTime, call.endTime) : undefined;
  const when = (d?: Date) => (d ? formatDateTime(d, timeZone) : '–');
  const code = (c?: string) => (c ? `\`${escapeMrkdwn(c)}\`` : '–');

  const outcome =
    call.outcome === 'success'
      ? ':white_check_mark: *Connected*'
      : call.outcome === 'failed'
        ? `:x: *Failed*  ·  fail code ${code(call.failCode)}  ·  result code ${code(call.resultCode)}`
        : `:grey_question: *Outcome unknown*${call.callStatus !== undefined ? ` (status ${call.callStatus})` : ''}`;

  const blocks: KnownBlock[] = [
    header('Call result'),
    section(`${outcome}\nCall \`${escapeMrkdwn(call.callId)}\``),
    metaLine({ ...view, vdn: view.vdn ?? call.vdnId }),
    fields([
      ['Called number', maskNumber(call.called, view.maskNumbers)],
      ['Ring', formatDuration(ring)],
      ['Talk', answered ? formatDuration(talk) : call.outcome === 'success' ? '–' : 'not answered'],
      ['Fail code', code(call.failCode)],
      ['Result code', code(call.resultCode)],
      ['Ring started', when(call.ringTime)],
      ['Answered', when(call.answerTime)],
      ['Hung up', when(call.endTime)],
    ]),
  ];
  if (view.viewerIsAdmin && call.recordUrl) {
    blocks.push(section(`:studio_microphone: <${linkTarget(call.recordUrl)}|Listen to the recording>`, RECORDING_BLOCK_ID));
    blocks.push({ ...context('Only you can see this link; it is a pre-signed URL, do not share it.'), block_id: RECORDING_NOTE_BLOCK_ID });
  }
  return blocks;
}

/** A URL made safe inside `<url|label>`: entities escaped, and `|` (which would end it) encoded. */
function linkTarget(url: string): string {
  return escapeMrkdwn(url).replace(/\|/g, '%7C');
}
