/**
 * The alert form: `/aicc alert add` laid out as a modal (metric, comparison, threshold, what is
 * watched, minimum volume, for, clear, repeat, channel, who to notify), and the reading of a
 * submission with the command table's own value specs and cross-check, so a rule the command
 * refuses is refused here too, field by field. Rendering and reading are pure.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import type { Locale, Translator } from '../../i18n/index.js';
import { channel, choice, integer } from '../../slack/commands/spec.js';
import { escapeMrkdwn } from '../../slack/format.js';
import { decodeFormMeta, encodeFormMeta, field, FormErrors, readOne, type FormValues } from '../../slack/forms.js';
import { actions, button, context, section } from '../../slack/render/blocks.js';
import { conversationsSelect, externalSelect, input, modal, staticSelect, textInput, usersSelect, type Choice } from '../../slack/render/inputs.js';
import { BOT_PICK_ACTION, CAMPAIGN_PICK_ACTION, decodeCampaignPick } from '../queries/index.js';
import type { AlertRule } from '../../store/alert-rules.js';
import { alertAddProblem, alertMetric, comparison, duration, mention, thresholdValue } from './command-values.js';
import { CHANNEL_LANGUAGE, languageChoices, postLanguage } from '../../slack/language-input.js';
import { canonicalMetric, METRIC_NAMES, METRICS, thresholdInput, type MetricName } from './metrics.js';
import type { AlertRuleInput } from './rule-input.js';
import { durationWords } from './time.js';
import { metricLabel, opWords } from './words.js';

export const ALERT_FORM_CALLBACK = 'alert_form';
/** The form's "Preview" button: replays the rule as entered over the stored history. */
export const ALERT_FORM_PREVIEW_ACTION = 'alert_form_preview';
/** **New alert** (Home tab). */
export const ALERT_NEW_ACTION = 'alert_new';
/** **Edit** beside a rule; its value is the rule id. */
export const ALERT_EDIT_ACTION = 'alert_edit';
/** The block the preview is shown in. */
export const PREVIEW_BLOCK = 'preview';

/** The language select's value for "the channel's language" (no `lang:` of its own). */

const opChoices = (tr: Translator): Choice[] =>
  (
    [
      ['<', '<'],
      ['<=', '≤'],
      ['>', '>'],
      ['>=', '≥'],
    ] as const
  ).map(([op, sign]) => [op, tr.t('alerts.form.opChoice', { sign, words: opWords(tr, op) })]);

const scopeChoices = (tr: Translator): Choice[] => [
  ['campaign', tr.t('alerts.form.scopeCampaign')],
  ['bot', tr.t('alerts.form.scopeBot')],
  ['all', tr.t('alerts.form.scopeAll')],
];

/** The channel's language, or one of ours by its own name (a reader of it finds it whatever the form's language). */

const metricChoices = (tr: Translator): Choice[] =>
  METRIC_NAMES.map((n) => [n, tr.t(METRICS[n].subject === 'bot' ? 'alerts.form.metricChoiceBot' : 'alerts.form.metricChoice', { name: n, label: metricLabel(tr, n) })]);

/** What the form shows filled in (an edit, or the values of a previous attempt). */
export interface AlertFormValues {
  metric?: MetricName;
  op?: string;
  threshold?: number;
  scope?: 'campaign' | 'bot' | 'all';
  campaign?: Choice;
  bot?: Choice;
  vdn?: number;
  minVolume?: number;
  forS?: number;
  clearValue?: number;
  repeatS?: number;
  channelId?: string;
  mention?: string;
  /** The rule's own language; absent: the channel's. */
  lang?: Locale;
}

/** What a submission carries back: the rule being edited, and the channel the form came from. */
export interface AlertFormMeta {
  ruleId?: number;
  channelId?: string;
}

export const encodeMeta = (m: AlertFormMeta): string => encodeFormMeta('r', { id: m.ruleId, channelId: m.channelId });

export function decodeMeta(raw: string | undefined): AlertFormMeta {
  const { id, channelId } = decodeFormMeta('r', raw);
  return { ...(id !== undefined ? { ruleId: id } : {}), ...(channelId ? { channelId } : {}) };
}

/** A stored rule as the form's initial values; `tr` names a campaign or bot the lists cannot. */
export function formValuesOf(rule: AlertRule, campaign: Choice | undefined, tr: Translator): AlertFormValues {
  const metric = canonicalMetric(rule.metric);
  return {
    ...(metric ? { metric } : {}),
    op: rule.op,
    threshold: rule.threshold,
    scope: rule.scope,
    ...(rule.scope === 'campaign' && rule.scopeId ? { campaign: campaign ?? [`${rule.vdn}:${rule.scopeId}`, tr.t('alerts.subject.plainCampaign', { name: rule.scopeId })] } : {}),
    ...(rule.scope === 'bot' && rule.scopeId ? { bot: [rule.scopeId, tr.t('alerts.subject.plainBot', { id: rule.scopeId })] as const } : {}),
    vdn: rule.vdn,
    minVolume: rule.minVolume,
    forS: rule.forS,
    clearValue: rule.clearValue,
    repeatS: rule.repeatS,
    channelId: rule.channelId,
    ...(rule.mention ? { mention: rule.mention } : {}),
    ...(rule.lang ? { lang: rule.lang } : {}),
  };
}

/** A user mention `<@U…>` picks the person; anything else is typed into the second field. */
function splitMention(m: string | undefined): { user?: string; other?: string } {
  const user = m ? /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(m)?.[1] : undefined;
  if (user) return { user };
  if (!m) return {};
  const group = /^<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>$/.exec(m);
  if (group) return { other: group[2] ? `${group[2]} ${group[1]}` : group[1] };
  const special = /^<!(here|channel)>$/.exec(m);
  return { other: special ? `@${special[1]}` : m };
}

/**
 * The form, in `tr`'s language (the person filling it in; English when not given); `preview` is
 * shown under the Preview button (a backtest, or why there is none).
 */
export function renderAlertForm(v: { values?: AlertFormValues; meta: AlertFormMeta; vdnIds: readonly number[]; preview?: KnownBlock[]; tr: Translator }): ModalView {
  const { tr } = v;
  const f = v.values ?? {};
  const edit = v.meta.ruleId !== undefined;
  const mentionParts = splitMention(f.mention);
  const blocks: KnownBlock[] = [
    input('metric', tr.t('alerts.form.metric'), staticSelect('metric', metricChoices(tr), { initial: f.metric ?? METRIC_NAMES[0] })),
    input('op', tr.t('alerts.form.op'), staticSelect('op', opChoices(tr), { initial: f.op ?? '<' })),
    input('threshold', tr.t('alerts.form.threshold'), textInput('threshold', { initial: f.threshold !== undefined ? thresholdInput(f.threshold) : '', placeholder: tr.t('alerts.form.thresholdPlaceholder') })),
    input('scope', tr.t('alerts.form.scope'), staticSelect('scope', scopeChoices(tr), { initial: f.scope ?? 'campaign' })),
    input('campaign', tr.t('alerts.form.campaign'), externalSelect(CAMPAIGN_PICK_ACTION, { ...(f.campaign ? { initial: f.campaign } : {}), placeholder: tr.t('alerts.form.campaignPlaceholder') }), { optional: true, hint: tr.t('alerts.form.campaignHint') }),
    input('bot', tr.t('alerts.form.bot'), externalSelect(BOT_PICK_ACTION, { ...(f.bot ? { initial: f.bot } : {}), placeholder: tr.t('alerts.form.botPlaceholder') }), { optional: true, hint: tr.t('alerts.form.botHint') }),
  ];
  if (v.vdnIds.length > 1) {
    blocks.push(input('vdn', tr.t('alerts.form.vdn'), staticSelect('vdn', v.vdnIds.map((n) => [String(n), tr.t('common.vdn', { vdn: String(n) })] as const), { initial: String(f.vdn ?? v.vdnIds[0]) })));
  }
  blocks.push(
    input('min', tr.t('alerts.form.min'), textInput('min', { initial: f.minVolume !== undefined ? String(f.minVolume) : '', placeholder: '50' }), { optional: true, hint: tr.t('alerts.form.minHint') }),
    input('for', tr.t('alerts.form.for'), textInput('for', { initial: f.forS !== undefined ? durationWords(f.forS).replace(/\s/g, '') : '', placeholder: '10m' }), { optional: true, hint: tr.t('alerts.form.forHint') }),
    input('clear', tr.t('alerts.form.clear'), textInput('clear', { initial: f.clearValue !== undefined && f.metric ? thresholdInput(f.clearValue) : '', placeholder: tr.t('alerts.form.clearPlaceholder') }), { optional: true, hint: tr.t('alerts.form.clearHint') }),
    input('repeat', tr.t('alerts.form.repeat'), textInput('repeat', { initial: f.repeatS !== undefined ? (f.repeatS === 0 ? 'off' : durationWords(f.repeatS).replace(/\s/g, '')) : '', placeholder: '4h' }), { optional: true, hint: tr.t('alerts.form.repeatHint') }),
    input('channel', tr.t('alerts.form.channel'), conversationsSelect('channel', { ...(f.channelId ?? v.meta.channelId ? { initial: f.channelId ?? v.meta.channelId } : {}), placeholder: tr.t('alerts.form.channelPlaceholder') })),
    input('lang', tr.t('alerts.form.lang'), staticSelect('lang', languageChoices(tr), { initial: f.lang ?? CHANNEL_LANGUAGE }), { hint: tr.t('alerts.form.langHint') }),
    input('mention_user', tr.t('alerts.form.mentionUser'), usersSelect('mention_user', { ...(mentionParts.user ? { initial: mentionParts.user } : {}), placeholder: tr.t('alerts.form.mentionUserPlaceholder') }), { optional: true }),
    input('mention_other', tr.t('alerts.form.mentionOther'), textInput('mention_other', { initial: mentionParts.other ?? '', placeholder: tr.t('alerts.form.mentionOtherPlaceholder') }), { optional: true }),
    actions([button(tr.t('alerts.form.preview'), ALERT_FORM_PREVIEW_ACTION, 'preview')], 'preview_actions'),
    ...(v.preview ?? [context(tr.t('alerts.form.previewHint'))]),
  );
  return modal({
    callbackId: ALERT_FORM_CALLBACK,
    title: edit ? tr.t('alerts.form.titleEdit', { id: String(v.meta.ruleId) }) : tr.t('alerts.form.titleNew'),
    submit: tr.t(edit ? 'alerts.form.submitEdit' : 'alerts.form.submitNew'),
    blocks,
    privateMetadata: encodeMeta(v.meta),
    tr,
  });
}

/** A checked submission: the rule's settings, where it posts and whom it notifies. */
export interface AlertFormInput {
  rule: AlertRuleInput;
  vdn: number;
  channelId: string;
  mention?: string;
  /** The rule's own language; null: the channel's. */
  lang: Locale | null;
}

/** Reads the fields through the command table's value specs; problems land on their fields, worded by `tr`. */
export function readAlertForm(values: FormValues, ctx: { vdnIds: readonly number[] }, tr: Translator): { ok: true; input: AlertFormInput } | { ok: false; errors: FormErrors } {
  const errors = new FormErrors(tr);
  const metric = field(values, 'metric', alertMetric(), errors, { required: true });
  const op = field(values, 'op', comparison(), errors, { required: true });
  const threshold = field(values, 'threshold', thresholdValue(), errors, { required: true });
  const scope = field(values, 'scope', choice(['campaign', 'bot', 'all']), errors, { required: true });
  const min = field(values, 'min', integer({ min: 0, max: 1_000_000 }), errors);
  const forS = field(values, 'for', duration({ max: 86_400 }), errors);
  const clear = field(values, 'clear', thresholdValue('VALUE'), errors);
  const repeat = field(values, 'repeat', duration({ max: 7 * 86_400, allowOff: true }), errors);
  // An older form without the language select keeps the rule following its channel.
  const lang = readOne(values, 'lang') !== undefined ? (field(values, 'lang', postLanguage(), errors) ?? null) : null;
  // A picked channel arrives as its id; as a link it reads exactly as a command's `#channel`.
  const picked = readOne(values, 'channel');
  const channelId = field(values, 'channel', channel(), errors, { required: true, ...(picked ? { raw: `<#${picked}>` } : {}) });
  const vdnPick = ctx.vdnIds.length > 1 ? field(values, 'vdn', integer({ min: 1, max: 9999 }), errors) : undefined;
  const user = readOne(values, 'mention_user');
  const other = readOne(values, 'mention_other');
  if (user && other) errors.add('mention_other', tr.t('alerts.form.mentionBoth'));
  const raw = user ? `<@${user}>` : other ? mentionToken(other) : undefined;
  const parsedWho = raw !== undefined ? mention().parse(raw) : undefined;
  if (parsedWho && !parsedWho.ok) errors.add(user ? 'mention_user' : 'mention_other', tr.t('alerts.form.mentionBad'));
  const who = parsedWho?.ok ? parsedWho.value : undefined;

  let campaign: { vdn: number; id: string } | undefined;
  let bot: string | undefined;
  if (metric && scope) {
    const subject = METRICS[metric].subject;
    if (scope === 'campaign') {
      const picked = readOne(values, 'campaign');
      campaign = picked ? decodeCampaignPick(picked) : undefined;
      if (subject === 'bot') errors.add('scope', tr.t('alerts.form.botMetric', { metric }));
      else if (!picked) errors.add('campaign', tr.t('alerts.form.pickCampaign'));
      else if (!campaign) errors.add('campaign', tr.t('alerts.form.pickCampaignAgain'));
    } else if (scope === 'bot') {
      bot = readOne(values, 'bot');
      if (subject === 'campaign') errors.add('scope', tr.t('alerts.form.campaignMetric', { metric }));
      else if (!bot) errors.add('bot', tr.t('alerts.form.pickBot'));
    }
  }
  if (metric && op && threshold !== undefined && scope && !errors.any) {
    // The command's own cross-check: threshold and clear within range and on the right sides.
    const problem = alertAddProblem({
      positional: { metric, op, threshold, target: { all: scope === 'all' } },
      options: { ...(campaign ? { campaign: campaign.id } : {}), ...(bot ? { bot } : {}), ...(clear !== undefined ? { clear } : {}) },
    });
    if (problem) errors.add(problem.field, problem.problem);
  }
  if (errors.any || !metric || !op || threshold === undefined || !scope || !channelId) return { ok: false, errors };
  return {
    ok: true,
    input: {
      rule: { metric, op, threshold, all: scope === 'all', ...(campaign ? { campaign: campaign.id } : {}), ...(bot ? { bot } : {}), min, for: forS, clear, repeat },
      vdn: campaign?.vdn ?? vdnPick ?? ctx.vdnIds[0] ?? 1,
      channelId,
      ...(who ? { mention: who } : {}),
      lang,
    },
  };
}

/** What people type for a group (`S0123ABCD`, `oncall S0123ABCD`) or `@here`, as Slack's mention token. */
function mentionToken(text: string): string {
  const group = /(?:^|\s)(S[A-Z0-9]{2,30})$/.exec(text.trim());
  if (group) return `<!subteam^${group[1]}>`;
  return text.trim();
}

/** The preview's blocks: the backtest, or the problems that keep it from running. */
export function previewProblems(tr: Translator, errors: FormErrors): KnownBlock[] {
  const lines = Object.values(errors.byBlock).map((p) => `• ${escapeMrkdwn(p)}`);
  return [section(`${tr.t('alerts.form.fix')}\n${lines.join('\n')}`, PREVIEW_BLOCK)];
}
