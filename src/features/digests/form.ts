/**
 * The digest form: `/aicc digest add` laid out as a modal — channel, time, days, time zone,
 * campaigns and voice bots picked from lists, whether to skip unchanged digests, and the language
 * it is posted in — and the reading of a submission with the command table's own value specs
 * (`at`, `days`, `tz`, `campaigns`, `bots`, `when`, `lang`), so the form and the command accept
 * exactly the same digests. The form itself is in the reader's language.
 */
import type { ModalView } from '@slack/types';
import { type Locale, type Translator } from '../../i18n/index.js';
import { channel, choice, csv, identifier, integer } from '../../slack/commands/spec.js';
import { decodeFormMeta, encodeFormMeta, field, FormErrors, readMany, readOne, type FormValues } from '../../slack/forms.js';
import { context } from '../../slack/render/blocks.js';
import { checkboxes, conversationsSelect, externalSelect, input, modal, multiExternalSelect, radios, staticSelect, timepicker, type Choice } from '../../slack/render/inputs.js';
import type { DigestSubscription, DigestWhen } from '../../store/digests.js';
import { BOT_PICK_ACTION, CAMPAIGN_PICK_ACTION, decodeCampaignPick } from '../queries/index.js';
import { CHANNEL_LANGUAGE, languageChoices, postLanguage } from '../../slack/language-input.js';
import { campaignScope, timeOfDay, timeZone, weekdays } from './command-values.js';
import { parseDays, weekdayName, type Weekday } from './schedule.js';

export const DIGEST_FORM_CALLBACK = 'digest_form';
/** **New digest** (Home tab). */
export const DIGEST_NEW_ACTION = 'digest_new';
/** **Edit** beside a subscription; its value is the subscription id. */
export const DIGEST_EDIT_ACTION = 'digest_edit';
/** The time-zone picker's options. */
export const TZ_PICK_ACTION = 'pick_time_zone';

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Monday first, as the checkboxes list them. */
const MON_FIRST: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];
/** The language select's value for "no language of its own". */

const dayChoices = (tr: Translator): Choice[] => MON_FIRST.map((d) => [DAY_KEYS[d], weekdayName(tr, d)] as const);
const whenChoices = (tr: Translator): Choice[] => [
  ['always', tr.t('digests.form.whenAlways')],
  ['changed', tr.t('digests.form.whenChanged')],
];
/** The channel's language, then each language in its own name (a reader finds their own). */

export interface DigestFormValues {
  channelId?: string;
  at?: string;
  days?: string;
  timeZone?: string;
  /** The picked campaigns, as option choices (value `VDN:ID`); empty or absent: all. */
  campaigns?: readonly Choice[];
  vdn?: number;
  bots?: readonly string[];
  whenMode?: DigestWhen;
  lang?: Locale;
}

export interface DigestFormMeta {
  subId?: number;
  channelId?: string;
}

export const encodeMeta = (m: DigestFormMeta): string => encodeFormMeta('d', { id: m.subId, channelId: m.channelId });

export function decodeMeta(raw: string | undefined): DigestFormMeta {
  const { id, channelId } = decodeFormMeta('d', raw);
  return { ...(id !== undefined ? { subId: id } : {}), ...(channelId ? { channelId } : {}) };
}

/** A subscription as the form's initial values (`campaigns` named by the caller, from the list). */
export function formValuesOf(sub: DigestSubscription, campaigns: readonly Choice[]): DigestFormValues {
  return { channelId: sub.channelId, at: sub.at, days: sub.days, timeZone: sub.timeZone, campaigns, vdn: sub.vdn, bots: sub.bots, whenMode: sub.whenMode, ...(sub.lang ? { lang: sub.lang } : {}) };
}

/** The weekday keys of a stored `days` text (`mon-fri` → mon … fri). */
function dayKeys(days: string | undefined): string[] {
  const parsed = parseDays(days ?? 'mon-fri');
  return parsed.ok ? parsed.value.map((d) => DAY_KEYS[d]) : [];
}

export function renderDigestForm(tr: Translator, v: { values?: DigestFormValues; meta: DigestFormMeta; vdnIds: readonly number[]; defaultTimeZone: string }): ModalView {
  const f = v.values ?? {};
  const edit = v.meta.subId !== undefined;
  const zone = f.timeZone ?? v.defaultTimeZone;
  const channelId = f.channelId ?? v.meta.channelId;
  const blocks = [
    input('channel', tr.t('digests.form.channel'), conversationsSelect('channel', { ...(channelId ? { initial: channelId } : {}), placeholder: tr.t('digests.form.channelPlaceholder') })),
    input('at', tr.t('digests.form.at'), timepicker('at', f.at ?? '09:00')),
    input('days', tr.t('digests.form.days'), checkboxes('days', dayChoices(tr), dayKeys(f.days))),
    input('tz', tr.t('digests.form.timeZone'), externalSelect(TZ_PICK_ACTION, { initial: [zone, zone], placeholder: tr.t('digests.form.timeZonePlaceholder') })),
    input(
      'campaigns',
      tr.t('digests.form.campaigns'),
      multiExternalSelect(CAMPAIGN_PICK_ACTION, { ...(f.campaigns ? { initial: f.campaigns } : {}), placeholder: tr.t('digests.form.campaignsPlaceholder'), max: 100 }),
      { optional: true, hint: tr.t('digests.form.campaignsHint') },
    ),
    ...(v.vdnIds.length > 1
      ? [input('vdn', tr.t('digests.form.vdn'), staticSelect('vdn', v.vdnIds.map((n) => [String(n), tr.t('common.vdn', { vdn: String(n) })] as const), { initial: String(f.vdn ?? v.vdnIds[0]) }))]
      : []),
    input(
      'bots',
      tr.t('digests.form.bots'),
      multiExternalSelect(BOT_PICK_ACTION, { initial: (f.bots ?? []).map((b) => [b, tr.t('digests.form.bot', { code: b })] as const), placeholder: tr.t('digests.form.botsPlaceholder'), max: 50 }),
      { optional: true },
    ),
    input('when', tr.t('digests.form.when'), radios('when', whenChoices(tr), f.whenMode ?? 'always')),
    input('lang', tr.t('digests.form.lang'), staticSelect('lang', languageChoices(tr), { initial: f.lang ?? CHANNEL_LANGUAGE }), { hint: tr.t('digests.form.langHint') }),
    context(tr.t('digests.form.note')),
  ];
  return modal({
    callbackId: DIGEST_FORM_CALLBACK,
    title: edit ? tr.t('digests.form.titleEdit', { id: String(v.meta.subId) }) : tr.t('digests.form.titleNew'),
    submit: tr.t(edit ? 'digests.form.submitSave' : 'digests.form.submitAdd'),
    blocks,
    privateMetadata: encodeMeta(v.meta),
    tr,
  });
}

/** A checked submission, ready for the store; `lang` null: the channel's language. */
export type DigestFormInput = Pick<DigestSubscription, 'channelId' | 'vdn' | 'at' | 'days' | 'timeZone' | 'campaigns' | 'bots' | 'whenMode'> & { lang: Locale | null };

export function readDigestForm(tr: Translator, values: FormValues, ctx: { vdnIds: readonly number[] }): { ok: true; input: DigestFormInput } | { ok: false; errors: FormErrors } {
  const errors = new FormErrors(tr);
  // A picked channel arrives as its id; as a link it reads exactly as a command's `#channel`.
  const pickedChannel = readOne(values, 'channel');
  const channelId = field(values, 'channel', channel(), errors, { required: true, ...(pickedChannel ? { raw: `<#${pickedChannel}>` } : {}) });
  const at = field(values, 'at', timeOfDay(), errors, { required: true });
  const dayPicks = readMany(values, 'days');
  const days = dayPicks.length === 0 ? (errors.add('days', tr.t('digests.form.pickDay')), undefined) : field(values, 'days', weekdays(), errors, { raw: dayPicks.join(',') });
  const zone = field(values, 'tz', timeZone(), errors, { required: true });
  const when = field(values, 'when', choice(['always', 'changed']), errors) ?? 'always';
  // A form opened before this field existed has no language: the channel's.
  const lang = field(values, 'lang', postLanguage(), errors) ?? null;
  const vdnPick = ctx.vdnIds.length > 1 ? field(values, 'vdn', integer({ min: 1, max: 9999 }), errors) : undefined;

  const picks = readMany(values, 'campaigns').map((v) => decodeCampaignPick(v));
  let campaigns: 'all' | string[] = 'all';
  let vdn = vdnPick ?? ctx.vdnIds[0] ?? 1;
  if (picks.some((p) => p === undefined)) errors.add('campaigns', tr.t('digests.form.pickAgain'));
  else if (picks.length > 0) {
    const vdns = new Set(picks.map((p) => p!.vdn));
    if (vdns.size > 1) errors.add('campaigns', tr.t('digests.form.oneVdn'));
    vdn = picks[0]!.vdn;
    campaigns = field(values, 'campaigns', campaignScope(), errors, { raw: picks.map((p) => p!.id).join(',') }) ?? 'all';
  }
  const codes = readMany(values, 'bots');
  const bots = codes.length === 0 ? [] : (field(values, 'bots', csv(identifier('CODE'), { placeholder: 'CODE,CODE', max: 50 }), errors, { raw: codes.join(',') }) ?? []);
  if (errors.any || !channelId || !at || !days || !zone) return { ok: false, errors };
  return { ok: true, input: { channelId, vdn, at, days, timeZone: zone, campaigns, bots, whenMode: when, lang } };
}

/** IANA zones whose name contains the query (`shanghai`, `new york`), at most 100. */
export function timeZoneChoices(query: string): Choice[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '_');
  const zones = Intl.supportedValuesOf('timeZone');
  const hits = zones.filter((z) => q === '' || z.toLowerCase().includes(q));
  return hits.slice(0, 100).map((z) => [z, z.replace(/_/g, ' ')] as const);
}
