/** `/aicc call CALL_ID` */
import { isAiccError } from '../../aicc/errors.js';
import { LOCALE_INFO } from '../../i18n/index.js';
import type { callCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderCall } from './render-call.js';
import { NotFound } from '../../slack/commands/not-found.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import { msg } from '../../slack/commands/message.js';
import { echo } from '../../slack/format.js';
import type { QueriesDeps } from './deps.js';

export async function handleCall(input: ParsedCommand<typeof callCommand>, inv: Invocation, deps: QueriesDeps): Promise<HandlerResult> {
  const { tr } = inv;
  const callId = input.positional.callId;
  try {
    // Asked for this reader alone: the vendor writes its error text in their language where it can.
    const call = await deps.aicc.isales.callResultDetail(inv.vdn, callId, { locale: LOCALE_INFO[tr.locale].aicc });
    return renderCall({
      call,
      maskNumbers: deps.maskNumbers,
      // The recording URL is a secret: admins only, and only in a private answer.
      viewerIsAdmin: inv.isAdmin && !inv.isPublic,
      vdn: inv.vdn,
      timeZone: deps.timeZone,
      fetchedAt: deps.clock(),
      tr,
    });
  } catch (error) {
    if (isAiccError(error) && error.code === 'not_found') {
      // Worded by the router, in the asker's own language (a "not found" is answered privately).
      throw new NotFound(msg('queries.call.notFound', { call: echo(callId), vdn: String(inv.vdn) }), msg('queries.call.notFoundHint'));
    }
    throw error;
  }
}
