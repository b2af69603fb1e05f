/**
 * The alert form: `/aicc alert add` laid out as a modal (metric, comparison, threshold, what is
 * watched, minimum volume, for, clear, repeat, channel, who to notify), and the reading of a
 * submission with the command table's own value specs and cross-check, so a rule the command
 * refuses is refused here too, field by field. Rendering and reading are pure.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import { channel, choice, integer } from '../../slack/commands/spec.js';
import { escapeMrkdwn } from '../../slack/format.js';
import { field, FormErrors, readOne, type FormValues } from '../../slack/forms.js';
import { actions, button, context, section } from '../../slack/render/blocks.js';
import { conversationsSelect, externalSelect, input, modal, staticSelect, textInput, usersSelect, type Choice } from '../../slack/render/inputs.js';
import { BOT_PICK_ACTION, CAMPAIGN_PICK_ACTION, decodeCampaignPick } from '../queries/index.js';
import type { AlertRule } from '../../store/alert-rules.js';
import { alertMetric, checkAlertAdd, comparison, duration, mention, thresholdValue } from './command-values.js';
import { canonicalMetric, formatThreshold, METRIC_NAMES, METRICS, type MetricName } from './metrics.js';
import type { AlertRuleInput } from './rule-input.js';
import { durationWords } from './time.js';

export const ALERT_FORM_CALLBACK = 'alert_form';
/** The form's "Preview" button: replays the rule as entered over the stored history. */
export const ALERT_FORM_PREVIEW_ACTION = 'alert_form_preview';
/** **New alert** (Home tab). */
export const ALERT_NEW_ACTION = 'alert_new';
/** **Edit** beside a rule; its value is the rule id. */
export const ALERT_EDIT_ACTION = 'alert_edit';
/** The block the preview is shown in. */
export const PREVIEW_BLOCK = 'preview';

const OPS: readonly Choice[] = [
  ['<', '< (below)'],
  ['<=', '≤ (at or below)'],
  ['>', '> (above)'],
  ['>=', '≥ (at or above)'],
];
const SCOPES: readonly Choice[] = [
  ['campaign', 'One campaign'],
  ['bot', 'One voice bot'],
  ['all', 'All: every running campaign, or every voice bot in rules'],
];

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
}

/** What a submission carries back: the rule being edited, and the channel the form came from. */
export interface AlertFormMeta {
  ruleId?: number;
  channelId?: string;
}

export function encodeMeta(m: AlertFormMeta): string {
  return JSON.stringify({ ...(m.ruleId !== undefined ? { r: m.ruleId } : {}), ...(m.channelId ? { c: m.channelId } : {}) });
}

export function decodeMeta(raw: string | undefined): AlertFormMeta {
  try {
    const v = JSON.parse(raw || '{}') as { r?: unknown; c?: unknown };
    return { ...(typeof v.r === 'number' && Number.isInteger(v.r) ? { ruleId: v.r } : {}), ...(typeof v.c === 'string' && /^[CGD][A-Z0-9]{2,30}$/.test(v.c) ? { channelId: v.c } : {}) };
  } catch {
    return {};
  }
}

/** A stored rule as the form's initial values. */
export function formValuesOf(rule: AlertRule, campaign?: Choice): AlertFormValues {
  const metric = canonicalMetric(rule.metric);
  return {
    ...(metric ? { metric } : {}),
    op: rule.op,
    threshold: rule.threshold,
    scope: rule.scope,
    ...(rule.scope === 'campaign' && rule.scopeId ? { campaign: campaign ?? [`${rule.vdn}:${rule.scopeId}`, `Campaign ${rule.scopeId}`] } : {}),
    ...(rule.scope === 'bot' && rule.scopeId ? { bot: [rule.scopeId, `Voice bot ${rule.scopeId}`] as const } : {}),
    vdn: rule.vdn,
    minVolume: rule.minVolume,
    forS: rule.forS,
    clearValue: rule.clearValue,
    repeatS: rule.repeatS,
    channelId: rule.channelId,
    ...(rule.mention ? { mention: rule.mention } : {}),
  };
}

const metricChoices: Choice[] = METRIC_NAMES.map((n) => [n, `${n} (${METRICS[n].label}${METRICS[n].subject === 'bot' ? ', voice bots' : ''})`]);

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

/** The form; `preview` is shown under the Preview button (a backtest, or why there is none). */
export function renderAlertForm(v: { values?: AlertFormValues; meta: AlertFormMeta; vdnIds: readonly number[]; preview?: KnownBlock[] }): ModalView {
  const f = v.values ?? {};
  const edit = v.meta.ruleId !== undefined;
  const mentionParts = splitMention(f.mention);
  const blocks: KnownBlock[] = [
    input('metric', 'Metric', staticSelect('metric', metricChoices, { initial: f.metric ?? METRIC_NAMES[0] })),
    input('op', 'Fire when the value is', staticSelect('op', OPS, { initial: f.op ?? '<' })),
    input('threshold', 'Threshold', textInput('threshold', { initial: f.threshold !== undefined ? String(f.threshold) : '', placeholder: 'e.g. 40 (rates in percent) or 200 (calls waiting)' })),
    input('scope', 'Watch', staticSelect('scope', SCOPES, { initial: f.scope ?? 'campaign' })),
    input('campaign', 'Campaign', externalSelect(CAMPAIGN_PICK_ACTION, { ...(f.campaign ? { initial: f.campaign } : {}), placeholder: 'Search by name or id' }), { optional: true, hint: 'With “One campaign”.' }),
    input('bot', 'Voice bot', externalSelect(BOT_PICK_ACTION, { ...(f.bot ? { initial: f.bot } : {}), placeholder: 'Search or type an access code' }), { optional: true, hint: 'With “One voice bot”.' }),
  ];
  if (v.vdnIds.length > 1) {
    blocks.push(input('vdn', 'VDN (with “All”)', staticSelect('vdn', v.vdnIds.map((n) => [String(n), `VDN ${n}`] as const), { initial: String(f.vdn ?? v.vdnIds[0]) })));
  }
  blocks.push(
    input('min', 'Minimum volume', textInput('min', { initial: f.minVolume !== undefined ? String(f.minVolume) : '', placeholder: '50' }), { optional: true, hint: 'No verdict below this many dialled (or bot) calls today. Default 50.' }),
    input('for', 'For', textInput('for', { initial: f.forS !== undefined ? durationWords(f.forS).replace(/\s/g, '') : '', placeholder: '10m' }), { optional: true, hint: 'How long the threshold must be crossed before it fires. Default 10m.' }),
    input('clear', 'Clear at', textInput('clear', { initial: f.clearValue !== undefined && f.metric ? formatThreshold(METRICS[f.metric], f.clearValue).replace('%', '') : '', placeholder: 'default: 5 points on the healthy side' }), { optional: true, hint: 'The value at which a firing alert resolves.' }),
    input('repeat', 'Remind every', textInput('repeat', { initial: f.repeatS !== undefined ? (f.repeatS === 0 ? 'off' : durationWords(f.repeatS).replace(/\s/g, '')) : '', placeholder: '4h' }), { optional: true, hint: 'While it fires; “off” for never. Default 4h.' }),
    input('channel', 'Post to', conversationsSelect('channel', { ...(f.channelId ?? v.meta.channelId ? { initial: f.channelId ?? v.meta.channelId } : {}), placeholder: 'Pick a channel' })),
    input('mention_user', 'Notify a person', usersSelect('mention_user', { ...(mentionParts.user ? { initial: mentionParts.user } : {}), placeholder: 'Nobody' }), { optional: true }),
    input('mention_other', 'Or notify', textInput('mention_other', { initial: mentionParts.other ?? '', placeholder: '@here, @channel, or a user group id (S…)' }), { optional: true }),
    actions([button('Preview: what would it have done?', ALERT_FORM_PREVIEW_ACTION, 'preview')], 'preview_actions'),
    ...(v.preview ?? [context('*Preview* replays the rule as entered over the stored history (the last 7 days) before you save it.')]),
  );
  return modal({ callbackId: ALERT_FORM_CALLBACK, title: edit ? `Edit alert ${v.meta.ruleId}` : 'New alert', submit: edit ? 'Save' : 'Add alert', blocks, privateMetadata: encodeMeta(v.meta) });
}

/** A checked submission: the rule's settings, where it posts and whom it notifies. */
export interface AlertFormInput {
  rule: AlertRuleInput;
  vdn: number;
  channelId: string;
  mention?: string;
}

/** Reads the fields through the command table's value specs; problems land on their fields. */
export function readAlertForm(values: FormValues, ctx: { vdnIds: readonly number[] }): { ok: true; input: AlertFormInput } | { ok: false; errors: FormErrors } {
  const errors = new FormErrors();
  const metric = field(values, 'metric', alertMetric(), errors, { required: true });
  const op = field(values, 'op', comparison(), errors, { required: true });
  const threshold = field(values, 'threshold', thresholdValue(), errors, { required: true });
  const scope = field(values, 'scope', choice(['campaign', 'bot', 'all']), errors, { required: true });
  const min = field(values, 'min', integer({ min: 0, max: 1_000_000 }), errors);
  const forS = field(values, 'for', duration({ max: 86_400 }), errors);
  const clear = field(values, 'clear', thresholdValue('VALUE'), errors);
  const repeat = field(values, 'repeat', duration({ max: 7 * 86_400, allowOff: true }), errors);
  // A picked channel arrives as its id; as a link it reads exactly as a command's `#channel`.
  const picked = readOne(values, 'channel');
  const channelId = field(values, 'channel', channel(), errors, { required: true, ...(picked ? { raw: `<#${picked}>` } : {}) });
  const vdnPick = ctx.vdnIds.length > 1 ? field(values, 'vdn', integer({ min: 1, max: 9999 }), errors) : undefined;
  const user = readOne(values, 'mention_user');
  const other = readOne(values, 'mention_other');
  if (user && other) errors.add('mention_other', 'Notify a person or this, not both');
  const raw = user ? `<@${user}>` : other ? mentionToken(other) : undefined;
  const parsedWho = raw !== undefined ? mention().parse(raw) : undefined;
  if (parsedWho && !parsedWho.ok) errors.add(user ? 'mention_user' : 'mention_other', 'Type @here, @channel or a user group id such as S0123ABCD');
  const who = parsedWho?.ok ? parsedWho.value : undefined;

  let campaign: { vdn: number; id: string } | undefined;
  let bot: string | undefined;
  if (metric && scope) {
    const subject = METRICS[metric].subject;
    if (scope === 'campaign') {
      const picked = readOne(values, 'campaign');
      campaign = picked ? decodeCampaignPick(picked) : undefined;
      if (subject === 'bot') errors.add('scope', `${metric} watches voice bots: pick “One voice bot” or “All”`);
      else if (!picked) errors.add('campaign', 'Pick the campaign to watch');
      else if (!campaign) errors.add('campaign', 'Pick the campaign again from the list');
    } else if (scope === 'bot') {
      bot = readOne(values, 'bot');
      if (subject === 'campaign') errors.add('scope', `${metric} watches campaigns: pick “One campaign” or “All”`);
      else if (!bot) errors.add('bot', 'Pick the voice bot to watch');
    }
  }
  if (metric && op && threshold !== undefined && scope && !errors.any) {
    // The command's own cross-check: threshold and clear within range and on the right sides.
    const problem = checkAlertAdd({
      positional: { metric, op, threshold, target: { all: scope === 'all' } },
      options: { ...(campaign ? { campaign: campaign.id } : {}), ...(bot ? { bot } : {}), ...(clear !== undefined ? { clear } : {}) },
    });
    if (problem) errors.add(/clear/.test(problem) ? 'clear' : /THRESHOLD/.test(problem) ? 'threshold' : 'scope', problem);
  }
  if (errors.any || !metric || !op || threshold === undefined || !scope || !channelId) return { ok: false, errors };
  return {
    ok: true,
    input: {
      rule: { metric, op, threshold, all: scope === 'all', ...(campaign ? { campaign: campaign.id } : {}), ...(bot ? { bot } : {}), min, for: forS, clear, repeat },
      vdn: campaign?.vdn ?? vdnPick ?? ctx.vdnIds[0] ?? 1,
      channelId,
      ...(who ? { mention: who } : {}),
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
export function previewProblems(errors: FormErrors): KnownBlock[] {
  const lines = Object.values(errors.byBlock).map((p) => `• ${escapeMrkdwn(p)}`);
  return [section(`:pencil2: *Fix the form to see a preview:*\n${lines.join('\n')}`, PREVIEW_BLOCK)];
}
