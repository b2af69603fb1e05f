/**
 * Opening and updating modals, and answering a click privately wherever it came from: a message
 * has a response URL (an ephemeral reply), the Home tab and modals do not (a small modal says it,
 * opened with the click's trigger id). Views are not posts, so they do not go through outbound's
 * retries: a trigger id lives three seconds, and a late modal is worse than none.
 */
import type { RespondFn } from '@slack/bolt';
import type { KnownBlock, ModalView, View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { type Translator } from '../i18n/index.js';
import type { Logger } from '../platform/log.js';
import { fallbackText } from './render/limits.js';
import { modal } from './render/inputs.js';
import { slackError } from './outbound.js';

/** The view methods used; a test may pass any client that has them. */
export type ViewsClient = Pick<WebClient, 'views'>;

/** Opens a modal; false (logged) when Slack refused it, e.g. an expired trigger id. */
export async function openModal(client: ViewsClient, triggerId: string, view: ModalView, log: Logger): Promise<boolean> {
  try {
    await client.views.open({ trigger_id: triggerId, view });
    return true;
  } catch (error) {
    log.warn('could not open a modal', { callbackId: view.callback_id, error: slackError(error) });
    return false;
  }
}

/** Replaces an open modal; with `hash`, only if nobody changed it since. */
export async function updateModal(client: ViewsClient, viewId: string, view: View, log: Logger, hash?: string): Promise<boolean> {
  try {
    await client.views.update({ view_id: viewId, view, ...(hash ? { hash } : {}) });
    return true;
  } catch (error) {
    log.warn('could not update a modal', { error: slackError(error) });
    return false;
  }
}

/** A modal that only says something (no submit button); its Close button in the reader's language (`tr`, English when absent). */
export function noticeModal(title: string, blocks: KnownBlock[], tr: Translator): ModalView {
  return modal({ callbackId: 'notice', title, blocks, tr });
}

/** What a listener has to answer a click with. */
export interface ReplyContext {
  respond?: RespondFn;
  client: ViewsClient;
  body: { trigger_id?: string };
  log: Logger;
  /** The clicker's language, for the small modal's title and Close button. */
  tr: Translator;
}

/** Answers privately: through the response URL when there is one, else in a small modal. */
export function privateReply(ctx: ReplyContext): (m: { blocks: KnownBlock[]; text?: string }) => Promise<unknown> {
  return async (m) => {
    const text = m.text ?? fallbackText(m.blocks);
    if (ctx.respond) return ctx.respond({ response_type: 'ephemeral', replace_original: false, blocks: m.blocks, text });
    const { tr } = ctx;
    if (ctx.body.trigger_id) return openModal(ctx.client, ctx.body.trigger_id, noticeModal(tr.t('share.modal.notice'), m.blocks, tr), ctx.log);
    ctx.log.warn('a private reply had nowhere to go', { text });
    return undefined;
  };
}
