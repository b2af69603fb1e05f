/**
 * A handler's "there is no such thing" (or a polite refusal): shown as a plain message, not as a
 * failure, worded by the router in the reader's language.
 *
 * Throw it with catalogue messages, their values escaped for mrkdwn like any value:
 * `throw new NotFound(msg('queries.call.notFound', { callId: echo(id), vdn: String(inv.vdn) }), msg('queries.call.notFoundHint'))`.
 * A plain string is taken as already worded plain text (it is escaped when shown).
 */
import { inEnglish, type Wording } from './message.js';

export class NotFound extends Error {
  constructor(
    readonly title: Wording,
    readonly hint?: Wording,
  ) {
    // The Error's own message is for logs: English.
    super(inEnglish(title));
    this.name = 'NotFound';
  }
}
