/**
 * The `/aicc` slash command: acknowledge at once, then answer through `respond()`. A command that
 * has a form (`alert add`, `digest add`) opens it when typed without arguments: the form is the
 * same command with its fields laid out, and the typed syntax keeps working.
 */
import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { fallbackText } from '../render/limits.js';
import { runCommand, type CommandReply, type RunnerDeps } from './run.js';

/** Who opened a form and from where; `triggerId` is valid for three seconds after the click or command. */
export interface FormRequest {
  client: WebClient;
  triggerId: string;
  userId: string;
  /** The channel the command was typed in; absent from the Home tab. */
  channelId?: string;
  /** Answers privately where the request came from (absent where Slack gives no response URL). */
  respond?: RespondFn;
}

/** Opens a form (a modal) or tells the user why not. */
export type FormOpener = (req: FormRequest) => Promise<void>;

/** The command rows that open a form when typed bare, e.g. `{ 'alert add': openAlertForm }`. */
export type CommandForms = Readonly<Record<string, FormOpener>>;

/** The form row named by the text, when the text is exactly that row's name. */
export function bareFormCommand(text: string, forms: CommandForms): FormOpener | undefined {
  const words = text.trim().toLowerCase().split(/\s+/).join(' ');
  return Object.hasOwn(forms, words) ? forms[words] : undefined;
}

export function registerAiccCommand<D>(app: App, deps: RunnerDeps<D> & D, forms: CommandForms = {}): void {
  app.command('/aicc', async ({ command, ack, respond, client }) => {
    // Slack allows three seconds; nothing, not even parsing, happens before the ack.
    await ack();
    const started = performance.now();
    const form = command.trigger_id ? bareFormCommand(command.text, forms) : undefined;
    if (form) return form({ client, triggerId: command.trigger_id, userId: command.user_id, channelId: command.channel_id, respond });
    const answers = deps.answers;
    // Our keep-alive pool when wired (production), Bolt's respond() otherwise (handler tests' fakes).
    const send = answers && command.response_url ? (m: Record<string, unknown>) => answers.post(command.response_url, m) : (m: Record<string, unknown>) => respond(m);
    const deliver = async (reply: CommandReply) => {
      for (const blocks of reply.messages) {
        await send({ response_type: reply.isPublic ? 'in_channel' : 'ephemeral', replace_original: false, blocks, text: fallbackText(blocks) });
      }
    };
    const reply = await runCommand({ text: command.text, userId: command.user_id, channelId: command.channel_id, later: deliver }, deps);
    let delivered = false;
    try {
      await deliver(reply);
      delivered = true;
    } finally {
      answers?.answered(reply.command ?? 'unknown', delivered ? (reply.outcome ?? 'ok') : 'undelivered', (performance.now() - started) / 1000);
    }
  });
}
