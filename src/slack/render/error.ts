/**
 * Errors the user can act on (vendor unreachable, not found, rate limited, refused). A plain string
 * may carry vendor text, so it is escaped; a catalogue message is mrkdwn (its values were escaped
 * by whoever made it) and is worded in the reader's language. Stack traces never get here.
 */
import type { KnownBlock } from '@slack/types';
import { type Translator } from '../../i18n/index.js';
import { isMessage, say, type Wording } from '../commands/message.js';
import { escapeMrkdwn, truncate, truncateMrkdwn } from '../format.js';
import { context, section } from './blocks.js';

/** Section text is limited to 3,000 characters; the title and its line take at most ~220 of them. */
const DETAIL_MAX = 2700;

/** A short error answer: a refusal or a NotFound (`{ title, hint }`) is one as it is. */
export interface ErrorView {
  title: Wording;
  /** What happened; may hold vendor text. */
  detail?: Wording;
  /** What the user can do about it. */
  hint?: Wording;
  /** A vendor or internal code, shown small for support. */
  code?: string;
}

function text(tr: Translator, wording: Wording, max: number): string {
  // Escaped first, then cut: vendor text full of `&` or `<` grows when escaped, and the cut must
  // not split an entity.
  return isMessage(wording) ? truncateMrkdwn(say(tr, wording), max) : truncateMrkdwn(escapeMrkdwn(wording), max);
}

/** Renders a short error answer in `tr`'s language. */
export function renderError(tr: Translator, view: ErrorView): KnownBlock[] {
  const lines = [`:warning: *${text(tr, view.title, 200)}*`];
  // Whole up to the limit, so a vendor's explanation is not lost.
  if (view.detail) lines.push(text(tr, view.detail, DETAIL_MAX));
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  const small = [
    ...(view.hint ? [text(tr, view.hint, 500)] : []),
    ...(view.code ? [tr.t('errors.code', { code: escapeMrkdwn(truncate(view.code, 60)) })] : []),
  ];
  if (small.length > 0) blocks.push(context(small.join('  ·  ')));
  return blocks;
}

