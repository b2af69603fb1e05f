/**
 * A figure the vendor sent that cannot be true is shown as the vendor wrote it, marked, never as a
 * clean value and never silently dropped.
 */
import { escapeMrkdwn, formatCount, formatPercent } from '../format.js';

/** The mark beside a figure that cannot be true. */
export const INCONSISTENT = 'inconsistent';

/** `1,234`; `150 (inconsistent)` for a figure set aside; `–` when unknown. */
export function countOrSent(value: number | undefined, sent: string | undefined): string {
  if (value !== undefined || sent === undefined) return formatCount(value);
  return `${escapeMrkdwn(sent)} (${INCONSISTENT})`;
}

/** `66.7%`; `– (inconsistent)` when a figure it is made of was set aside; `no data` otherwise. */
export function rateOrInconsistent(value: number | null | undefined, inconsistent: boolean, sent?: string): string {
  if (value !== undefined && value !== null) return formatPercent(value);
  if (sent !== undefined) return `${escapeMrkdwn(sent)} (${INCONSISTENT})`;
  return inconsistent ? `– (${INCONSISTENT})` : formatPercent(value);
}
