/** Prev/Next on a campaigns answer: re-run the query for the other page and replace the message. */
import type { BlockButtonAction } from '@slack/bolt';
import type { ActionRegistry } from '../../slack/actions.js';
import { campaignsPage } from './campaigns.js';
import { CAMPAIGNS_NEXT_ACTION, CAMPAIGNS_PREV_ACTION, decodeCampaignsQuery } from './render-campaigns.js';
import { renderError } from '../../slack/render/error.js';
import { fallbackText, fitBlocks } from '../../slack/render/limits.js';
import { withShareButton } from '../../slack/render/share.js';
import type { CampaignsQuery } from './views.js';
import { shareValue } from '../../slack/commands/run.js';
import type { QueriesDeps } from './deps.js';
import { explainError } from '../../slack/explain-error.js';
import { allows } from '../../slack/permissions.js';

/** The command text that shows this page, for the Share button. */
function commandText(q: CampaignsQuery): string {
  const parts = ['campaigns', q.status];
  if (q.name) parts.push(`name:"${q.name.replace(/"/g, '')}"`);
  if (q.type) parts.push(`type:${q.type}`);
  parts.push(`page:${q.page}`);
  if (q.vdn) parts.push(`vdn:${q.vdn}`);
  return parts.join(' ');
}

export function registerCampaignsPaging(actions: ActionRegistry, deps: QueriesDeps): void {
  const onPage = async ({ ack, action, body, respond }: { ack: () => Promise<void>; action: BlockButtonAction['actions'][number]; body: BlockButtonAction; respond: (m: object) => Promise<unknown> }) => {
    await ack();
    const query = decodeCampaignsQuery(action.value);
    if (!query) {
      await respond({ replace_original: false, response_type: 'ephemeral', blocks: renderError({ title: 'That button has expired', hint: 'Run `/aicc campaigns` again.' }), text: 'That button has expired' });
      return;
    }
    if (!allows('query', { userId: body.user.id, channelId: body.channel?.id ?? '' }, deps)) return;
    try {
      const blocks = await campaignsPage(query, query.vdn ?? deps.defaultVdn, deps);
      const [first] = fitBlocks(withShareButton(blocks, shareValue(commandText(query))));
      await respond({ replace_original: true, blocks: first, text: fallbackText(first ?? []) });
    } catch (error) {
      const blocks = renderError(explainError(error, { timeZone: deps.timeZone, reference: 'paging' }));
      await respond({ replace_original: false, response_type: 'ephemeral', blocks, text: fallbackText(blocks) });
    }
  };
  actions.on(CAMPAIGNS_PREV_ACTION, onPage);
  actions.on(CAMPAIGNS_NEXT_ACTION, onPage);
}
