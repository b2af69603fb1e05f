/**
 * **Share in channel**: re-runs the command behind an ephemeral answer as a public one (without
 * private parts such as recording links), posts it as the bot with who shared it, and removes the
 * ephemeral copy. Slack does not send an ephemeral message's blocks with the click, and re-running
 * works in whichever bot process receives the click; cached data keeps it the same answer.
 */
import type { BlockButtonAction } from '@slack/bolt';
import type { ActionRegistry } from './actions.js';
import { echo, userMention } from './format.js';
import { context } from './render/blocks.js';
import { renderError } from './render/error.js';
import { fallbackText } from './render/limits.js';
import { SHARE_ACTION_ID } from './render/share.js';
import { commandFromShareValue, runCommand, type RunnerDeps } from './commands/run.js';

export function registerShareAction<D>(actions: ActionRegistry, deps: RunnerDeps<D> & D): void {
  actions.on(SHARE_ACTION_ID, async ({ ack, body, action, respond, client }) => {
    await ack();
    const text = commandFromShareValue(action.value);
    const channel = body.channel?.id;
    if (text === undefined || !channel) {
      await respond({ response_type: 'ephemeral', replace_original: false, blocks: renderError({ title: 'That button has expired', hint: 'Run the command again.' }), text: 'That button has expired' });
      return;
    }
    const reply = await runCommand({ text, userId: body.user.id, channelId: channel, forcePublic: true }, deps);
    try {
      for (const [i, blocks] of reply.messages.entries()) {
        const shared = i === 0 ? [...blocks, context(`Shared by ${userMention(body.user.id)} · \`/aicc ${echo(text, 200)}\``)] : blocks;
        await client.chat.postMessage({ channel, blocks: shared, text: fallbackText(blocks) });
      }
    } catch (error) {
      deps.log.warn('share failed', { channel, error });
      await respond({ response_type: 'ephemeral', replace_original: false, blocks: renderError({ title: 'I could not post in this channel', hint: 'Invite me with `/invite @AICC Ops`, or share from a channel I am in.' }), text: 'I could not post in this channel' });
      return;
    }
    await respond({ delete_original: true });
  });
}
