/**
 * The words every alert surface shares, in the reader's language: metric names, comparisons,
 * states, what a rule watches, a rule's durations, why a rule stopped applying, where data comes
 * from, and which language a rule posts in. Pure.
 */
import { SERVICE_LABELS } from '../../aicc/errors.js';
import { CAMPAIGN_STATUS_LABELS } from '../../aicc/domain.js';
import { LOCALE_INFO, type Locale, type Translator } from '../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../slack/format.js';
import type { AlertOp } from '../../store/alert-rules.js';
import type { SnapshotSource } from '../../store/index.js';

const OP_KEYS: Readonly<Record<AlertOp, 'lt' | 'le' | 'gt' | 'ge'>> = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

/** `connection rate`, lower case for the middle of a sentence; an unknown metric shows its name. */
export const metricLabel = (tr: Translator, metric: string): string => tr.t('alerts.metric.label', { metric });

/** The first letter in capitals, for a label that starts a sentence (Chinese is left as it is). */
export const capital = (tr: Translator, s: string): string => s.charAt(0).toLocaleUpperCase(LOCALE_INFO[tr.locale].intl) + s.slice(1);

/** `below`, `at or above`. */
export const opWords = (tr: Translator, op: AlertOp): string => tr.t('alerts.op.words', { op: OP_KEYS[op] });

/** A stored state in words: `firing`, `no data`. */
export const stateWord = (tr: Translator, state: string): string => tr.t('alerts.state', { state });

/** `10m`, `4h`, `1h 30m` (in English; `1 小时 30 分钟` in Chinese): a rule's `for` and `repeat`. */
export function ruleDuration(tr: Translator, seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  if (rest === 0) return tr.t('alerts.unit.s', { n: '0' });
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(tr.t(`alerts.unit.${unit}`, { n: String(Math.floor(rest / size)) }));
      rest %= size;
    }
  }
  return parts.join(' ');
}

/** What an alert is about, for mrkdwn: a voice bot, or a campaign by name when known. */
export function subjectWords(tr: Translator, s: { kind: 'campaign' | 'bot'; id: string; name?: string }): string {
  const id = `\`${escapeMrkdwn(truncate(s.id.replace(/`/g, "'"), 64))}\``;
  if (s.kind === 'bot') return tr.t('alerts.subject.bot', { id });
  return s.name ? tr.t('alerts.subject.campaignNamed', { name: escapeMrkdwn(truncate(s.name.replace(/[*\n]/g, ' '), 80)), id }) : tr.t('alerts.subject.campaign', { id });
}

/** Where a metric's data comes from: `CC-CMS real-time statistics`. */
export function sourceLabel(tr: Translator, source: SnapshotSource | 'isales'): string {
  const service = source === 'cms' ? SERVICE_LABELS.cms : source === 'oifde' ? SERVICE_LABELS.oifde : SERVICE_LABELS.isales;
  return tr.t('alerts.source', { source, service });
}

/**
 * Why a rule stopped applying to a campaign. The store keeps it in these English words (as an
 * operator reads it in the database); {@link reasonWords} turns them into the reader's language.
 */
export const reasonNotListed = (vdn: number): string => `not in the campaign list of VDN ${vdn}`; // i18n-ok: stored, worded by reasonWords
export const reasonStatus = (statusLabel: string): string => `campaign ${statusLabel}`; // i18n-ok: stored, worded by reasonWords

const STATUS_BY_LABEL = new Map(Object.entries(CAMPAIGN_STATUS_LABELS).map(([code, label]) => [label, code]));

/** A stored reason in the reader's words, escaped for mrkdwn; a reason from elsewhere is shown as it is. */
export function reasonWords(tr: Translator, reason: string): string {
  const listed = /^not in the campaign list of VDN (\d+)$/.exec(reason);
  if (listed) return tr.t('alerts.reason.notListed', { vdn: listed[1] });
  const status = /^campaign (.+)$/.exec(reason);
  const code = status ? STATUS_BY_LABEL.get(status[1]!) : undefined;
  if (code !== undefined) return tr.t('alerts.reason.status', { status: tr.t('common.campaignStatus', { status: Number(code) }) });
  return escapeMrkdwn(truncate(reason, 100));
}

/** A language by its own name (`Português (Brasil)`), as pickers and `alert list` show it. */
export const languageName = (locale: Locale): string => LOCALE_INFO[locale].name;
