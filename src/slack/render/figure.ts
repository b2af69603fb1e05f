/**
 * A figure the vendor sent that cannot be true is shown as the vendor wrote it, marked, never as a
 * clean value and never silently dropped.
 */
import type { Translator } from '../../i18n/index.js';
import { escapeMrkdwn } from '../format.js';

/** `1,234`; `150 (inconsistent)` for a figure set aside; `–` when unknown. */
export function countOrSent(tr: Translator, value: number | undefined, sent: string | undefined): string {
  if (value !== undefined || sent === undefined) return tr.count(value);
  return tr.t('common.inconsistentFigure', { figure: escapeMrkdwn(sent) });
}

/** `66.7%`; `– (inconsistent)` when a figure it is made of was set aside; `no data` otherwise. */
export function rateOrInconsistent(tr: Translator, value: number | null | undefined, inconsistent: boolean, sent?: string): string {
  if (value !== undefined && value !== null) return tr.percent(value);
  if (sent !== undefined) return tr.t('common.inconsistentFigure', { figure: escapeMrkdwn(sent) });
  return inconsistent ? tr.t('common.inconsistentFigure', { figure: '–' }) : tr.percent(value);
}
