/**
 * **Share in channel**: posts the kept public form of an ephemeral answer (see share.ts) as the
 * bot, with who shared it, and removes the ephemeral copy. Only the user who got the answer can
 * share it, once, and only where commands are answered (BOT_ALLOWED_CHANNELS).
 */
import type { ActionRegistry } from './actions.js';
import type { CommandContext } from './commands/handler.js';
import { echo, userMention } from './format.js';
import { createOutbound, slackError } from './outbound.js';
import { decide } from './permissions.js';
import { context } from './render/blocks.js';
import { renderError } from './render/error.js';
import { fallbackText } from './render/limits.js';
import { SHARE_ACTION_ID } from './render/share.js';
import { answerIdFromShareValue } from './share.js';
import type { KnownBlock } from '@slack/types';

export function registerShareAction(actions: ActionRegistry, deps: CommandContext): void {
  actions.on(SHARE_ACTION_ID, async ({ ack, body, action, respond, client }) => {
    await ack();
    const refuse = (title: string, hint: string) => respond({ response_type: 'ephemeral', replace_original: false, blocks: renderError({ title, hint }), text: title });
    const id = answerIdFromShareValue(action.value);
    const channel = body.channel?.id;
    const answer = id && channel ? await deps.store.sharedAnswers.get(id, deps.clock().getTime()) : undefined;
    if (!answer || !channel || answer.userId !== body.user.id) return void (await refuse('That button has expired', 'Run the command again.'));
    const may = decide('query', { userId: body.user.id, channelId: channel }, deps);
    if (!may.ok) return void (await refuse(may.title, may.hint));
    // One share per answer, even when the button is clicked twice or in two processes.
    if (!(await deps.store.sharedAnswers.take(answer.id))) return void (await refuse('That button has expired', 'The answer was shared already; run the command again.'));
    const outbound = createOutbound(client);
    try {
      for (const [i, message] of answer.messages.entries()) {
        const blocks = message as KnownBlock[];
        const shared = i === 0 ? [...blocks, context(`Shared by ${userMention(body.user.id)} · \`/aicc ${echo(answer.command, 200)}\``)] : blocks;
        await outbound.post({ channel, blocks: shared, text: fallbackText(blocks) });
      }
    } catch (error) {
      deps.log.warn('share failed', { channel, error: slackError(error) });
      return void (await refuse('I could not post in this channel', 'Invite me with `/invite @AICC Ops`, or share from a channel I am in.'));
    }
    await respond({ delete_original: true });
  });
}
