/**
 * The **Share in channel** button on ephemeral answers, and the clean-up before a public repost.
 *
 * Slack does not send an ephemeral message's blocks with a button click, so the handler decides
 * what the button's `value` carries (e.g. a key into a short-lived cache of the answer, or the
 * command text to re-run); this module only places and removes the button.
 */
import type { ActionsBlock, KnownBlock } from '@slack/types';
import { type Translator } from '../../i18n/index.js';
import { actions, button, isPrivateBlock } from './blocks.js';

export const SHARE_ACTION_ID = 'share_in_channel';
const SHARE_BLOCK_ID = 'share';
const MAX_ACTIONS = 25;

/**
 * Adds the Share button (once), labelled in the language of the answer's reader (`tr`, English
 * when absent): beside a trailing actions block's buttons when there is room, else in its own block.
 */
export function withShareButton(blocks: readonly KnownBlock[], value: string | undefined, tr: Translator): KnownBlock[] {
  if (blocks.some((b) => b.type === 'actions' && hasShare(b))) return [...blocks];
  const share = button(tr.t('share.button'), SHARE_ACTION_ID, value);
  const last = blocks.at(-1);
  if (last?.type === 'actions' && last.elements.length < MAX_ACTIONS) {
    return [...blocks.slice(0, -1), { ...last, elements: [...last.elements, share] }];
  }
  return [...blocks, actions([share], SHARE_BLOCK_ID)];
}

/**
 * Makes an answer fit for the channel: removes the Share button (dropping an actions block it
 * leaves empty) and every private block, such as a recording link.
 */
export function stripShareButton(blocks: readonly KnownBlock[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (const block of blocks) {
    if (isPrivateBlock(block)) continue;
    if (block.type === 'actions') {
      const elements = block.elements.filter((e) => !('action_id' in e && e.action_id === SHARE_ACTION_ID));
      if (elements.length > 0) out.push({ ...block, elements });
      continue;
    }
    out.push(block);
  }
  return out;
}

function hasShare(block: ActionsBlock): boolean {
  return block.elements.some((e) => 'action_id' in e && e.action_id === SHARE_ACTION_ID);
}
