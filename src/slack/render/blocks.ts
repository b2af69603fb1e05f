/**
 * Tiny Block Kit builders shared by the renderers, so each renderer reads as the answer's layout.
 * Text passed to the mrkdwn builders must already be escaped where it came from a user or vendor.
 */
import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import type { Translator } from '../../i18n/index.js';

export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text });

export const header = (text: string): HeaderBlock => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } });

export const section = (text: string, blockId?: string): SectionBlock => ({
  type: 'section',
  text: mrkdwn(text),
  ...(blockId ? { block_id: blockId } : {}),
});

/** A section of label/value fields shown two to a row. Labels are bold. */
export const fields = (pairs: ReadonlyArray<readonly [label: string, value: string]>): SectionBlock => ({
  type: 'section',
  fields: pairs.map(([label, value]) => mrkdwn(`*${label}*\n${value}`)),
});

export const context = (...texts: string[]): ContextBlock => ({ type: 'context', elements: texts.map(mrkdwn) });

export const divider = (): DividerBlock => ({ type: 'divider' });

export const button = (text: string, actionId: string, value?: string, style?: Button['style']): Button => ({
  type: 'button',
  text: { type: 'plain_text', text, emoji: true },
  action_id: actionId,
  ...(value !== undefined ? { value } : {}),
  ...(style ? { style } : {}),
});

export const actions = (elements: Button[], blockId?: string): ActionsBlock => ({
  type: 'actions',
  elements,
  ...(blockId ? { block_id: blockId } : {}),
});

/** The context line under a data answer's header: VDN, the freshness time, and a stale warning. */
export function metaLine(tr: Translator, meta: { vdn?: number; timeZone: string; fetchedAt: Date; stale?: boolean }, ...extra: string[]): ContextBlock {
  const parts = [
    ...(meta.vdn !== undefined ? [tr.t('common.vdn', { vdn: String(meta.vdn) })] : []),
    ...extra,
    tr.asOf(meta.fetchedAt, meta.timeZone),
  ];
  if (meta.stale) parts.push(tr.t('common.stale'));
  return context(parts.join('  ·  '));
}

/**
 * Joins lines into as few section texts as fit `max` characters each, never splitting a line, so
 * long lists stay readable and within the 3,000-character section limit.
 */
export function chunkLines(lines: readonly string[], max = 2900): string[] {
  const chunks: string[] = [];
  let cur = '';
  for (const line of lines) {
    const next = cur === '' ? line : `${cur}\n${line}`;
    if (next.length > max && cur !== '') {
      chunks.push(cur);
      cur = line;
    } else {
      cur = next;
    }
  }
  if (cur !== '') chunks.push(cur);
  return chunks;
}

/** Block ids with this prefix hold something only the viewer may see; public reposts drop them. */
export const PRIVATE_BLOCK_PREFIX = 'private:';

/** Whether a block must not leave the viewer's ephemeral answer. */
export function isPrivateBlock(block: KnownBlock): boolean {
  return typeof block.block_id === 'string' && block.block_id.startsWith(PRIVATE_BLOCK_PREFIX);
}

/** Emoji for a campaign status code (2 running, 3 paused, 4 completed, 1 draft). */
export function statusEmoji(status: number): string {
  switch (status) {
    case 2:
      return ':large_green_circle:';
    case 3:
      return ':double_vertical_bar:';
    case 4:
      return ':white_check_mark:';
    case 1:
      return ':memo:';
    default:
      return ':grey_question:';
  }
}
