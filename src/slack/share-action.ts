/**
 * **Share in channel**: posts the kept public form of an ephemeral answer (see share.ts) as the
 * bot, with who shared it, and removes the ephemeral copy. Only the user who got the answer can
 * share it, once, and only where commands are answered (BOT_ALLOWED_CHANNELS).
 *
 * Languages: a refusal is private, in the clicker's language; the "Shared by" line is in the
 * channel's. The answer itself goes out as the sharer saw it, in their language (it was rendered
 * once, and the figures must be exactly the ones they saw; see offerShare).
 */
import type { KnownBlock } from '@slack/types';
import { translator } from '../i18n/index.js';
import type { ActionRegistry } from './actions.js';
import type { CommandContext } from './commands/handler.js';
import { localesOf, userReader } from './locales.js';
import { msg, say, type Wording } from './commands/message.js';
import { echo, userMention } from './format.js';
import { createOutbound, slackError } from './outbound.js';
import { decide } from './permissions.js';
import { context } from './render/blocks.js';
import { renderError } from './render/error.js';
import { fallbackText } from './render/limits.js';
import { SHARE_ACTION_ID } from './render/share.js';
import { answerIdFromShareValue } from './share.js';

export function registerShareAction(actions: ActionRegistry, deps: CommandContext): void {
  actions.on(SHARE_ACTION_ID, async ({ ack, body, action, respond, client }) => {
    await ack();
    // In the clicker's language, looked up only for a refusal: a share posts nothing in it.
    const refuse = async (title: Wording, hint: Wording) => {
      const tr = await userReader(deps, body.user.id);
      await respond({ response_type: 'ephemeral', replace_original: false, blocks: renderError(tr, { title, hint }), text: say(tr, title) });
    };
    const id = answerIdFromShareValue(action.value);
    const channel = body.channel?.id;
    const answer = id && channel ? await deps.store.sharedAnswers.get(id, deps.clock().getTime()) : undefined;
    if (!answer || !channel || answer.userId !== body.user.id) return void (await refuse(msg('share.expired.title'), msg('share.expired.hint')));
    const may = decide('query', { userId: body.user.id, channelId: channel }, deps);
    if (!may.ok) return void (await refuse(may.title, may.hint));
    // One share per answer, even when the button is clicked twice or in two processes.
    if (!(await deps.store.sharedAnswers.take(answer.id))) return void (await refuse(msg('share.expired.title'), msg('share.alreadyShared.hint')));
    const inChannel = translator(await localesOf(deps).forChannel(channel));
    const sharedBy = context(inChannel.t('share.sharedBy', { user: userMention(body.user.id), command: echo(answer.command, 200) }));
    const outbound = createOutbound(client);
    try {
      for (const [i, message] of answer.messages.entries()) {
        const blocks = message as KnownBlock[];
        const shared = i === 0 ? [...blocks, sharedBy] : blocks;
        await outbound.post({ channel, blocks: shared, text: fallbackText(blocks) });
      }
    } catch (error) {
      deps.log.warn('share failed', { channel, error: slackError(error) });
      return void (await refuse(msg('share.cannotPost.title'), msg('share.cannotPost.hint')));
    }
    await respond({ delete_original: true });
  });
}
