/**
 * **Run now** on a digest (`/aicc digest list`, the demo's welcome message): posts that digest to
 * its channel at once, as `/aicc digest run ID` does, audits the click and tells the clicker how it
 * went, privately. The button value is the subscription id, so any bot process can handle it.
 */
import type { BlockButtonAction } from '@slack/bolt';
import type { ActionRegistry } from '../../slack/actions.js';
import type { KnownBlock } from '@slack/types';
import { DIGEST_RUN_ACTION, digestRunId, renderDigestNotFound, renderDigestRunOutcome } from './render-list.js';
import { audit } from '../../slack/permissions.js';
import { renderError } from '../../slack/render/error.js';
import { fallbackText } from '../../slack/render/limits.js';
import type { DigestsDeps } from './deps.js';

export function registerDigestActions(actions: ActionRegistry, deps: DigestsDeps): void {
  actions.on(DIGEST_RUN_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const tell = (blocks: KnownBlock[]) => respond({ response_type: 'ephemeral', replace_original: false, blocks, text: fallbackText(blocks) });
    const id = digestRunId(action.value);
    if (id === undefined) return void (await tell(renderError({ title: 'That button has expired', hint: '`/aicc digest list` shows the digests.' })));
    const sub = await deps.store.digests.get(id);
    if (!sub) return void (await tell(renderDigestNotFound(id)));

    const outcome = await deps.digests.post(sub, { manual: true });
    const userId = body.user.id;
    const inv = { userId, channelId: body.channel?.id ?? '', vdn: sub.vdn, isAdmin: deps.adminUsers.includes(userId), isPublic: false };
    await audit(deps, inv, 'digest.run', `digest:${sub.id}`, { via: 'button', outcome: outcome.status });
    await tell(renderDigestRunOutcome(sub, outcome));
  });
}
