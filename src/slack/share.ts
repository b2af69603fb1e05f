/**
 * **Share in channel**: a read-only answer is kept, in its public form (no Share button, no private
 * blocks such as recording links), for a day; the button carries its id, and a click posts exactly
 * that answer to the channel. Nothing is run again, so sharing cannot repeat a change, and a
 * refusal, a usage error or a failure is never offered for sharing.
 */
import { randomUUID } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { type Translator } from '../i18n/index.js';
import type { CommandContext } from './commands/handler.js';
import { userReader } from './locales.js';
import { blocksJson, fitBlocks } from './render/limits.js';
import { stripShareButton, withShareButton } from './render/share.js';

/** How long a private answer stays shareable. */
export const SHARE_TTL_MS = 24 * 3_600_000;

/** The Share button's value: the kept answer's id. */
export function shareValue(answerId: string): string {
  return JSON.stringify({ a: answerId });
}

export function answerIdFromShareValue(value: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as { a?: unknown };
    return typeof parsed.a === 'string' && /^[0-9a-f-]{36}$/.test(parsed.a) ? parsed.a : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the public form of `blocks` and returns the private messages with a Share button, labelled
 * in the user's language (`req.tr`, else looked up). When the answer cannot be kept (the database
 * is failing), the answer goes out without the button.
 *
 * The kept form is the answer as this user read it, in their language: a share posts exactly the
 * figures they saw (rendering it again in the channel's language would mean asking the vendor
 * again, and the figures could differ). Only the "Shared by" line is in the channel's language.
 */
export async function offerShare(
  blocks: KnownBlock[],
  req: { userId: string; channelId: string; command: string; tr?: Translator },
  deps: Pick<CommandContext, 'store' | 'clock' | 'log' | 'locales'>,
): Promise<KnownBlock[][]> {
  const id = randomUUID();
  const now = deps.clock().getTime();
  const messages = fitBlocks(stripShareButton(blocks));
  try {
    // The JSON reuses what fitting the blocks made (see blocksJson).
    await deps.store.sharedAnswers.put({ id, userId: req.userId, channelId: req.channelId, command: req.command, messages, createdAt: now, expiresAt: now + SHARE_TTL_MS }, `[${messages.map(blocksJson).join(',')}]`);
  } catch (error) {
    deps.log.warn('an answer could not be kept for sharing; sent without the Share button', { error });
    return fitBlocks(blocks);
  }
  const tr = req.tr ?? (await userReader(deps, req.userId));
  return fitBlocks(withShareButton(blocks, shareValue(id), tr));
}
