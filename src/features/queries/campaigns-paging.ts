/**
 * Prev/Next on a campaigns answer: re-run the query for the other page and replace the private
 * message; on a shared (public) list, answer the clicker privately instead of changing it for everyone.
 */
import type { BlockButtonAction } from '@slack/bolt';
import type { ActionRegistry } from '../../slack/actions.js';
import { campaignsPage } from './campaigns.js';
import { CAMPAIGNS_NEXT_ACTION, CAMPAIGNS_PREV_ACTION, decodeCampaignsQuery } from './render-campaigns.js';
import { renderError } from '../../slack/render/error.js';
import { fallbackText } from '../../slack/render/limits.js';
import type { CampaignsQuery } from './views.js';
import { offerShare } from '../../slack/share.js';
import type { QueriesDeps } from './deps.js';
import { explainError } from '../../slack/explain-error.js';
import { decide } from '../../slack/permissions.js';
import { userReader } from '../../slack/locales.js';
import { msg, say } from '../../slack/commands/message.js';

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
    // Whoever clicks reads the page: a shared list's page goes to them alone, in their language.
    const tr = await userReader(deps, body.user.id);
    const query = decodeCampaignsQuery(action.value);
    if (!query) {
      const expired = { title: msg('queries.campaigns.expired.title'), hint: msg('queries.campaigns.expired.hint') };
      await respond({ replace_original: false, response_type: 'ephemeral', blocks: renderError(tr, expired), text: say(tr, expired.title) });
      return;
    }
    const vdn = query.vdn ?? deps.vdnIds[0] ?? 1;
    const may = decide('query', { userId: body.user.id, channelId: body.channel?.id ?? '', vdn }, deps);
    if (!may.ok) {
      await respond({ replace_original: false, response_type: 'ephemeral', blocks: renderError(tr, may), text: say(tr, may.title) });
      return;
    }
    // A page of a shared (public) list goes to the clicker alone: the shared message stays as it was.
    const shared = body.container?.['is_ephemeral'] !== true;
    try {
      const blocks = await campaignsPage(query, vdn, deps, tr);
      const [first] = await offerShare(blocks, { userId: body.user.id, channelId: body.channel?.id ?? '', command: commandText(query), tr }, deps);
      const text = fallbackText(first ?? []);
      await respond(shared ? { replace_original: false, response_type: 'ephemeral', blocks: first, text } : { replace_original: true, blocks: first, text });
    } catch (error) {
      const blocks = renderError(tr, explainError(tr, error, { timeZone: deps.timeZone, reference: 'paging', maskNumbers: deps.maskNumbers }));
      await respond({ replace_original: false, response_type: 'ephemeral', blocks, text: fallbackText(blocks) });
    }
  };
  actions.on(CAMPAIGNS_PREV_ACTION, onPage);
  actions.on(CAMPAIGNS_NEXT_ACTION, onPage);
}
