/** The `/aicc` slash command: acknowledge at once, then answer through `respond()`. */
import type { App } from '@slack/bolt';
import { fallbackText } from '../render/limits.js';
import { runCommand, type RunnerDeps } from './run.js';

export function registerAiccCommand<D>(app: App, deps: RunnerDeps<D> & D): void {
  app.command('/aicc', async ({ command, ack, respond }) => {
    // Slack allows three seconds; nothing, not even parsing, happens before the ack.
    await ack();
    const reply = await runCommand({ text: command.text, userId: command.user_id, channelId: command.channel_id }, deps);
    for (const blocks of reply.messages) {
      await respond({ response_type: reply.isPublic ? 'in_channel' : 'ephemeral', replace_original: false, blocks, text: fallbackText(blocks) });
    }
  });
}
