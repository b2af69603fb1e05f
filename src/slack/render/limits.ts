/**
 * Block Kit limits, enforced on the way out so that no answer is ever rejected by Slack: texts are
 * cut (safely for mrkdwn), over-full sections are split, and more than 50 blocks (or ~40k
 * characters of JSON) become several messages.
 *
 * Renderers aim to stay well inside these limits by design; this is the safety net every answer
 * passes through before it is sent.
 */
import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock, TextObject } from '@slack/types';
import { escapeMrkdwn, truncate, truncateMrkdwn } from '../format.js';

/** The limits Slack documents (and a conservative message size). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  blockId: 255,
  /** Slack refuses very large payloads; stay well below with JSON characters. */
  messageChars: 38_000,
  fallbackText: 300,
} as const;

export interface FitOptions {
  maxBlocks?: number;
  maxChars?: number;
}

/**
 * Fits blocks into one or more messages, each within the limits. Returns no messages for no blocks.
 * A trailing actions block stays with the last message.
 */
export function fitBlocks(blocks: readonly KnownBlock[], opts: FitOptions = {}): KnownBlock[][] {
  const maxBlocks = opts.maxBlocks ?? LIMITS.blocksPerMessage;
  const maxChars = opts.maxChars ?? LIMITS.messageChars;
  const fitted = blocks.flatMap(fitBlock);
  const messages: KnownBlock[][] = [];
  let cur: KnownBlock[] = [];
  let chars = 0;
  for (const block of fitted) {
    const size = JSON.stringify(block).length + 1;
    if (cur.length > 0 && (cur.length >= maxBlocks || chars + size > maxChars)) {
      messages.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(block);
    chars += size;
  }
  if (cur.length > 0) messages.push(cur);
  return messages.map(trimDividers).filter((m) => m.length > 0);
}

/** One block made valid; a section with more than ten fields becomes several sections. */
export function fitBlock(block: KnownBlock): KnownBlock[] {
  const fixed = withBlockId(block);
  switch (fixed.type) {
    case 'header':
      return [fitHeader(fixed)];
    case 'section':
      return fitSection(fixed);
    case 'context':
      return [fitContext(fixed)];
    case 'actions':
      return [fitActions(fixed)];
    default:
      return [fixed];
  }
}

function withBlockId<B extends KnownBlock>(block: B): B {
  return typeof block.block_id === 'string' && block.block_id.length > LIMITS.blockId
    ? { ...block, block_id: block.block_id.slice(0, LIMITS.blockId) }
    : block;
}

function fitText<T extends TextObject>(t: T, max: number): T {
  if (t.text.length <= max) return t;
  return { ...t, text: t.type === 'mrkdwn' ? truncateMrkdwn(t.text, max) : truncate(t.text, max) };
}

function fitHeader(block: HeaderBlock): HeaderBlock {
  return { ...block, text: fitText(block.text, LIMITS.headerText) };
}

function fitSection(block: SectionBlock): SectionBlock[] {
  const text = block.text ? fitText(block.text, LIMITS.sectionText) : undefined;
  const fields = block.fields?.map((f) => fitText(f, LIMITS.fieldText));
  if (!fields || fields.length <= LIMITS.fieldsPerSection) {
    return [{ ...block, ...(text ? { text } : {}), ...(fields ? { fields } : {}) }];
  }
  const out: SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
    const part = fields.slice(i, i + LIMITS.fieldsPerSection);
    // Only the first part keeps the text, accessory and block id (ids must be unique).
    out.push(i === 0 ? { ...block, ...(text ? { text } : {}), fields: part } : { type: 'section', fields: part });
  }
  return out;
}

function fitContext(block: ContextBlock): ContextBlock {
  const elements = block.elements
    .slice(0, LIMITS.contextElements)
    .map((e) => (e.type === 'mrkdwn' || e.type === 'plain_text' ? fitText(e, LIMITS.contextText) : e));
  return { ...block, elements };
}

function fitActions(block: ActionsBlock): ActionsBlock {
  const elements = block.elements.slice(0, LIMITS.actionsElements).map((e) => (e.type === 'button' ? fitButton(e) : e));
  return { ...block, elements };
}

function fitButton(b: Button): Button {
  return {
    ...b,
    text: fitText(b.text, LIMITS.buttonText),
    // A cut value cannot be read back, but a rejected message is worse; renderers keep values short.
    ...(b.value !== undefined ? { value: b.value.slice(0, LIMITS.buttonValue) } : {}),
    ...(b.url !== undefined && b.url.length > LIMITS.buttonUrl ? { url: b.url.slice(0, LIMITS.buttonUrl) } : {}),
  };
}

function trimDividers(blocks: KnownBlock[]): KnownBlock[] {
  let start = 0;
  let end = blocks.length;
  while (start < end && blocks[start]!.type === 'divider') start++;
  while (end > start && blocks[end - 1]!.type === 'divider') end--;
  return blocks.slice(start, end);
}

/**
 * The plain `text` Slack shows in notifications and screen readers: the header and the first
 * line of text after it, without mrkdwn markers, at most 300 characters.
 */
export function fallbackText(blocks: readonly KnownBlock[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (parts.length >= 2) break;
    if (block.type === 'header') parts.push(escapeMrkdwn(block.text.text));
    else if (block.type === 'section') {
      const first = block.text?.text ?? block.fields?.[0]?.text;
      if (first) parts.push(first);
    }
  }
  const text = parts
    .map((p) => p.replace(/```/g, ' ').replace(/[*`]/g, '').replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join(': ');
  return truncateMrkdwn(text || 'AICC bot', LIMITS.fallbackText);
}
