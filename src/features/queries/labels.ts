/**
 * The vendor's campaign codes in the reader's words (`common.campaignStatus`, `common.deviceType`),
 * never the English labels the client attaches. A code no vendor page defines keeps its number,
 * so a supervisor can still ask about it.
 */
import { CAMPAIGN_STATUS_LABELS, DEVICE_TYPE_LABELS } from '../../aicc/domain.js';
import type { Translator } from '../../i18n/index.js';

/** `running`, `执行中`; `status unknown (7)` for an undefined code. */
export function campaignStatusText(tr: Translator, status: number): string {
  const label = tr.t('common.campaignStatus', { status });
  return CAMPAIGN_STATUS_LABELS[status] !== undefined ? label : tr.t('queries.unknownCode', { label, code: String(status) });
}

/** `predictive`, `预测外呼`; `unknown type (9)` for an undefined code. */
export function deviceTypeText(tr: Translator, type: number): string {
  const label = tr.t('common.deviceType', { type });
  return DEVICE_TYPE_LABELS[type] !== undefined ? label : tr.t('queries.unknownCode', { label, code: String(type) });
}
