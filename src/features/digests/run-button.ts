/**
 * **Run now** on a digest (`/aicc digest list`, the demo's welcome message): posts that digest to
 * its channel at once, as `/aicc digest run ID` does, audits the click and tells the clicker how it
 * went, privately. The button value is the subscription id, so any bot process can handle it.
 */
import type { ActionRegistry } from '../../slack/actions.js';
import type { KnownBlock } from '@slack/types';
import { DIGEST_RUN_ACTION, digestRunId, renderDigestNotFound, renderDigestRunOutcome, renderDigestRunTooSoon } from './render-list.js';
import { NotFound } from '../../slack/commands/not-found.js';
import { runDigestNow } from './run-now.js';
import { renderError } from '../../slack/render/error.js';
import { fallbackText } from '../../slack/render/limits.js';
import type { DigestsDeps } from './deps.js';
import { userReader } from '../../slack/locales.js';
import { msg } from '../../slack/commands/message.js';

export function registerDigestActions(actions: ActionRegistry, deps: DigestsDeps): void {
  actions.on(DIGEST_RUN_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const tell = (blocks: KnownBlock[]) => respond({ response_type: 'ephemeral', replace_original: false, blocks, text: fallbackText(blocks) });
    // The answer is the clicker's alone, so it is in the clicker's language.
    const tr = await userReader(deps, body.user.id);
    const id = digestRunId(action.value);
    if (id === undefined) return void (await tell(renderError(tr, { title: msg('digests.run.expired'), hint: msg('digests.notFound.hint') })));
    const result = await runDigestNow(id, { userId: body.user.id, channelId: body.channel?.id ?? '' }, deps, 'button').catch((error: unknown) => {
      if (error instanceof NotFound) return { kind: 'refused' as const, title: error.title, hint: error.hint };
      throw error;
    });
    if (result.kind === 'refused') return void (await tell(renderError(tr, { title: result.title, ...(result.hint ? { hint: result.hint } : {}) })));
    if (result.kind === 'not-found') return void (await tell(renderDigestNotFound(tr, id)));
    if (result.kind === 'too-soon') return void (await tell(renderDigestRunTooSoon(tr, result.sub, result.retryAt, deps.timeZone)));
    await tell(renderDigestRunOutcome(tr, result.sub, result.outcome));
  });
}
