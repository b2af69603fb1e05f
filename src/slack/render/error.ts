/**
 * Errors the user can act on (vendor unreachable, not found, rate limited). The text may carry
 * vendor messages, so everything is escaped; stack traces never get here.
 */
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, truncate } from '../format.js';
import { context, section } from './blocks.js';

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
  if (view.detail) lines.push(escapeMrkdwn(truncate(view.detail, 2000)));
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  const small = [
    ...(view.hint ? [escapeMrkdwn(truncate(view.hint, 500))] : []),
    ...(view.code ? [`code \`${escapeMrkdwn(truncate(view.code, 60))}\``] : []),
  ];
  if (small.length > 0) blocks.push(context(small.join('  ·  ')));
  return blocks;
}
