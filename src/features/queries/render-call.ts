/**
 * `/aicc call`: one call's result. The called number is masked unless masking is off, and the
 * recording link (a pre-signed secret) appears only for an admin viewing privately, in a block
 * marked private so a public repost drops it.
 */
import type { KnownBlock } from '@slack/types';
import { between, escapeMrkdwn, maskNumber } from '../../slack/format.js';
import { PRIVATE_BLOCK_PREFIX, context, fields, header, metaLine, section } from '../../slack/render/blocks.js';
import { type CallView } from './views.js';

/** Block id of the recording link; private, so `stripShareButton` removes it from reposts. */
export const RECORDING_BLOCK_ID = `${PRIVATE_BLOCK_PREFIX}recording`;
const RECORDING_NOTE_BLOCK_ID = `${PRIVATE_BLOCK_PREFIX}recording_note`;

/** Renders one call's result. */
export function renderCall(view: CallView): KnownBlock[] {
  const { tr } = view;
  const { call, timeZone } = view;
  const answered = call.answerTime !== undefined;
  // Ringing lasts until the answer, or until the hang-up of an unanswered call.
  const ring = between(call.ringTime, call.answerTime ?? call.endTime);
  const talk = answered ? between(call.answerTime, call.endTime) : undefined;
  const when = (d?: Date) => (d ? tr.dateTime(d, timeZone) : '–');
  const code = (c?: string) => (c ? `\`${escapeMrkdwn(c)}\`` : '–');

  const outcome =
    call.outcome === 'success'
      ? tr.t('queries.call.connected')
      : call.outcome === 'failed'
        ? tr.t('queries.call.failed', { fail: code(call.failCode), result: code(call.resultCode) })
        : call.callStatus !== undefined
          ? tr.t('queries.call.unknownStatus', { status: String(call.callStatus) })
          : tr.t('queries.call.unknown');

  const blocks: KnownBlock[] = [
    header(tr.t('queries.call.title')),
    section(`${outcome}\n${tr.t('queries.call.id', { id: escapeMrkdwn(call.callId) })}`),
    metaLine(tr, { ...view, vdn: view.vdn ?? call.vdnId }),
    fields([
      [tr.t('queries.call.called'), maskNumber(call.called, view.maskNumbers)],
      [tr.t('queries.call.ring'), tr.duration(ring)],
      [tr.t('queries.call.talk'), answered ? tr.duration(talk) : call.outcome === 'success' ? '–' : tr.t('queries.call.notAnswered')],
      [tr.t('queries.call.failCode'), code(call.failCode)],
      [tr.t('queries.call.resultCode'), code(call.resultCode)],
      [tr.t('queries.call.ringStarted'), when(call.ringTime)],
      [tr.t('queries.call.answered'), when(call.answerTime)],
      [tr.t('queries.call.hungUp'), when(call.endTime)],
    ]),
  ];
  if (view.viewerIsAdmin && call.recordUrl) {
    blocks.push(section(`:studio_microphone: <${linkTarget(call.recordUrl)}|${tr.t('queries.call.listen')}>`, RECORDING_BLOCK_ID));
    blocks.push({ ...context(tr.t('queries.call.recordingNote')), block_id: RECORDING_NOTE_BLOCK_ID });
  }
  return blocks;
}

/** A URL made safe inside `<url|label>`: entities escaped, and `|` (which would end it) encoded. */
function linkTarget(url: string): string {
  return escapeMrkdwn(url).replace(/\|/g, '%7C');
}
