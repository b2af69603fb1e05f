/**
 * Errors the user can act on (vendor unreachable, not found, rate limited). The text may carry
 * vendor messages, so everything is escaped; stack traces never get here.
 */
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, truncate, truncateMrkdwn } from '../format.js';
import { context, section } from './blocks.js';

/** Section text is limited to 3,000 characters; the title and its line take at most ~220 of them. */
const DETAIL_MAX = 2700;

/** Renders a short, escaped error answer. */
export interface ErrorView {
  title: string;
  /** What happened; may hold vendor text, which is escaped. */
  detail?: string;
  /** What the user can do about it. */
  hint?: string;
  /** A vendor or internal code, shown small for support. */
  code?: string;
}

export function renderError(view: ErrorView): KnownBlock[] {
  const lines = [`:warning: *${escapeMrkdwn(truncate(view.title, 200))}*`];
  // Escaped first, then cut: vendor text full of `&` or `<` grows when escaped, and the cut must
  // not split an entity. Whole up to the limit, so a vendor's explanation is not lost.
  if (view.detail) lines.push(truncateMrkdwn(escapeMrkdwn(view.detail), DETAIL_MAX));
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  const small = [
    ...(view.hint ? [escapeMrkdwn(truncate(view.hint, 500))] : []),
    ...(view.code ? [`code \`${escapeMrkdwn(truncate(view.code, 60))}\``] : []),
  ];
  if (small.length > 0) blocks.push(context(small.join('  ·  ')));
  return blocks;
}
