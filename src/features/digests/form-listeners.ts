/**
 * The digest form at work: opened by `/aicc digest add` with no arguments, by **New digest** on the
 * Home tab and by **Edit** beside a subscription; the time-zone picker's options; and the
 * submission, checked field by field, authorised as the command is (`add-digests`, or
 * `change-digests` for an edit, in the channel picked), saved, audited and confirmed in the modal.
 */
import { campaignList, unknownCampaigns } from './handle-add.js';
import { type Translator } from '../../i18n/index.js';
import { userReader } from '../../slack/locales.js';
import { say } from '../../slack/commands/message.js';
import { plainProblem } from '../../slack/forms.js';
import type { ActionRegistry } from '../../slack/actions.js';
import type { FormOpener } from '../../slack/commands/listener.js';
import { noticeModal, openModal, type ViewsClient } from '../../slack/modals.js';
import { audit, decide, decideUser } from '../../slack/permissions.js';
import { renderError } from '../../slack/render/error.js';
import { option } from '../../slack/render/inputs.js';
import { campaignChoice, type QueriesDeps } from '../queries/index.js';
import type { DigestsDeps } from './deps.js';
import { decodeMeta, DIGEST_EDIT_ACTION, DIGEST_FORM_CALLBACK, DIGEST_NEW_ACTION, formValuesOf, readDigestForm, renderDigestForm, timeZoneChoices, TZ_PICK_ACTION, type DigestFormMeta } from './form.js';
import { renderDigestAdded, renderDigestNotFound } from './render-list.js';

/** The form also names a subscription's campaigns, from the campaign list. */
export type DigestFormDeps = DigestsDeps & Pick<QueriesDeps, 'directory'>;

/** The form, its notices and its errors are the user's own: in the user's language. */

async function formFor(tr: Translator, deps: DigestFormDeps, meta: DigestFormMeta) {
  const base = { meta, vdnIds: deps.vdnIds, defaultTimeZone: deps.botTimeZone };
  if (meta.subId === undefined) return renderDigestForm(tr, base);
  const sub = await deps.store.digests.get(meta.subId);
  if (!sub) return undefined;
  const campaigns = sub.campaigns === 'all' ? [] : await Promise.all(sub.campaigns.map((id) => campaignChoice(deps, sub.vdn, id, tr)));
  return renderDigestForm(tr, { ...base, values: formValuesOf(sub, campaigns) });
}

/** `/aicc digest add` with no arguments: the command's permission, in the channel it was typed in. */
export function openDigestFormFromCommand(deps: DigestFormDeps): FormOpener {
  return async ({ client, triggerId, userId, channelId, respond }) => {
    const tr = await userReader(deps, userId);
    const may = decide('add-digests', { userId, channelId: channelId ?? '' }, deps);
    if (!may.ok) {
      const blocks = renderError(tr, { title: may.title, hint: may.hint });
      return void (await respond?.({ response_type: 'ephemeral', replace_original: false, blocks, text: say(tr, may.title) }));
    }
    await openModal(client, triggerId, renderDigestForm(tr, { meta: channelId ? { channelId } : {}, vdnIds: deps.vdnIds, defaultTimeZone: deps.botTimeZone }), deps.log);
  };
}

async function openFromButton(deps: DigestFormDeps, client: ViewsClient, triggerId: string, userId: string, subId?: number): Promise<void> {
  const tr = await userReader(deps, userId);
  const may = decideUser(subId === undefined ? 'add-digests' : 'change-digests', userId, deps);
  if (!may.ok) return void (await openModal(client, triggerId, noticeModal(tr.t('digests.form.notice'), renderError(tr, { title: may.title, hint: may.hint }), tr), deps.log));
  const view = await formFor(tr, deps, subId === undefined ? {} : { subId });
  await openModal(client, triggerId, view ?? noticeModal(tr.t('digests.form.notice'), renderDigestNotFound(tr, subId ?? 0), tr), deps.log);
}

export function registerDigestForms(actions: ActionRegistry, deps: DigestFormDeps): void {
  actions.on(DIGEST_NEW_ACTION, async ({ ack, body, client }) => {
    await ack();
    await openFromButton(deps, client, body.trigger_id, body.user.id);
  });

  actions.on(DIGEST_EDIT_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const id = Number(action.value);
    await openFromButton(deps, client, body.trigger_id, body.user.id, Number.isInteger(id) && id > 0 ? id : 0);
  });

  actions.options(TZ_PICK_ACTION, async ({ ack, options }) => {
    await ack({ options: timeZoneChoices(options.value).map(option) });
  });

  actions.view(DIGEST_FORM_CALLBACK, async ({ ack, body, view }) => {
    const meta = decodeMeta(view.private_metadata);
    const userId = body.user.id;
    const tr = await userReader(deps, userId);
    const read = readDigestForm(tr, view.state.values, deps);
    if (!read.ok) return void (await ack(read.errors.response()));
    const { lang, ...input } = read.input;
    const edit = meta.subId !== undefined;
    const may = decide(edit ? 'change-digests' : 'add-digests', { userId, channelId: input.channelId, vdn: input.vdn }, deps);
    if (!may.ok) return void (await ack({ response_action: 'errors', errors: { channel: plainProblem(`${say(tr, may.title)} ${say(tr, may.hint)}`) } }));
    // The same check as `/aicc digest add campaigns:…`: a forged or stale pick names no campaign.
    const unknown = await unknownCampaigns(input.campaigns, input.vdn, deps);
    if (unknown.length > 0) return void (await ack({ response_action: 'errors', errors: { campaigns: tr.t('digests.form.unknownCampaigns', { vdn: String(input.vdn), ids: campaignList(tr, unknown) }) } }));
    const now = deps.clock().getTime();
    let sub;
    if (edit) {
      const before = await deps.store.digests.get(meta.subId!);
      // A changed scope or schedule starts afresh: the last digest's hash no longer compares.
      sub = before && (await deps.store.digests.update(before.id, { ...input, lang, lastDigestHash: null, updatedAt: now }));
      if (sub) await audit(deps, { userId }, 'digest.edit', `digest:${sub.id}`, { before, after: sub, via: 'form' });
    } else {
      sub = await deps.store.digests.create({ ...input, ...(lang ? { lang } : {}), createdBy: userId, createdAt: now });
      await audit(deps, { userId }, 'digest.add', `digest:${sub.id}`, { ...sub, via: 'form' });
    }
    if (!sub) return void (await ack({ response_action: 'update', view: noticeModal(tr.t('digests.form.notice'), renderDigestNotFound(tr, meta.subId ?? 0), tr) }));
    const blocks = renderDigestAdded(tr, { ...sub, nextRun: deps.digests.nextRun(sub) }, edit);
    await ack({ response_action: 'update', view: noticeModal(tr.t(edit ? 'digests.form.titleSaved' : 'digests.form.titleAdded', { id: String(sub.id) }), blocks, tr) });
  });
}
