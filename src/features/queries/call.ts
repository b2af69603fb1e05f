/** `/aicc call CALL_ID` */
import { isAiccError } from '../../aicc/errors.js';
import type { callCommand } from './commands.js';
import type { ParsedCommand } from '../../slack/commands/spec.js';
import { renderCall } from './render-call.js';
import { NotFound } from '../../slack/commands/not-found.js';
import type { HandlerResult, Invocation } from '../../slack/commands/handler.js';
import type { QueriesDeps } from './deps.js';

export async function handleCall(input: ParsedCommand<typeof callCommand>, inv: Invocation, deps: QueriesDeps): Promise<HandlerResult> {
  const callId = input.positional.callId;
  try {
    const call = await deps.aicc.isales.callResultDetail(inv.vdn, callId);
    return renderCall({
      call,
      maskNumbers: deps.maskNumbers,
      // The recording URL is a secret: admins only, and only in a private answer.
      viewerIsAdmin: inv.isAdmin && !inv.isPublic,
      vdn: inv.vdn,
      timeZone: deps.timeZone,
      fetchedAt: deps.clock(),
    });
  } catch (error) {
    if (isAiccError(error) && error.code === 'not_found') {
      throw new NotFound(`No call \`${callId}\` in VDN ${inv.vdn}.`, 'Call ids look like `1644464743-1388`; check the VDN with `vdn:N`.');
    }
    throw error;
  }
}
