/**
 * Turns a known failure into something a supervisor can act on, in the reader's language: what
 * failed (service and call), the vendor's code and text where there is one, and what to do.
 * Unknown errors get a reference to the log line instead of a stack trace.
 *
 * The vendor's own words stay as the vendor wrote them; the bot's technical advice for its
 * administrator (settings, addresses: `AiccError.hint`) stays English, like the log it matches.
 */
import { SERVICE_LABELS, isAiccError, type AiccError } from '../aicc/errors.js';
import { describeResultCode } from '../aicc/result-codes.js';
import { type MessageKey, type Translator } from '../i18n/index.js';
import { errors as englishErrors } from '../i18n/messages/en/errors.js';
import { say, type Wording } from './commands/message.js';
import { echo, vendorText } from './format.js';
import type { ErrorView } from './render/error.js';
import { SlackCallError } from './outbound.js';

export interface ExplainContext {
  timeZone: string;
  /** Words for "the thing was not found", e.g. "No call `123` in VDN 8." */
  notFound?: Wording;
  /** A short id that also appears in the log, for unknown errors. */
  reference: string;
  /** BOT_MASK_NUMBERS: mask phone numbers in the vendor's text (default true). */
  maskNumbers?: boolean;
}

/** The vendor's own words, whole (the renderer keeps them within Block Kit limits), redacted like the log. */
function vendorSaid(tr: Translator, error: AiccError, maskNumbers: boolean): string {
  const desc = error.resultDesc?.trim();
  return desc ? `\n${tr.t('errors.vendorSaid', { text: vendorText(desc, maskNumbers) })}` : '';
}

/** A vendor result code and what it means in the reader's language: `0200001 · parameter error`. */
function vendorCode(tr: Translator, code: string | undefined): string | undefined {
  if (!code) return undefined;
  const key = `resultCode.${code}`;
  const meaning = Object.hasOwn(englishErrors, key) ? tr.t(`errors.${key}` as MessageKey) : describeResultCode(code);
  return [code, meaning].filter(Boolean).join(' · ');
}

/** A MiB figure for the size cap, e.g. `5 MiB`. */
function mib(tr: Translator, bytes: number): string {
  const m = bytes / 1_048_576;
  return `${Number.isInteger(m) ? String(m) : tr.decimal(m)} MiB`;
}

/** Explains `error` in `tr`'s language. */
export function explainError(tr: Translator, error: unknown, ctx: ExplainContext): ErrorView {
  if (!isAiccError(error)) {
    return {
      title: tr.t('errors.internal.title'),
      detail: tr.t('errors.internal.detail'),
      hint: tr.t('errors.internal.hint', { reference: ctx.reference }),
      code: ctx.reference,
    };
  }
  const service = SERVICE_LABELS[error.service];
  const call = `${service} ${error.endpoint}`;
  // The code and its documented meaning stay short; the vendor's text goes into the detail, whole.
  const vendor = vendorCode(tr, error.resultCode);
  const said = vendorSaid(tr, error, ctx.maskNumbers ?? true);
  const admin = error.hint ? tr.t('errors.adminHint', { hint: error.hint }) : undefined;
  const status = error.httpStatus !== undefined ? String(error.httpStatus) : '?';
  switch (error.code) {
    case 'not_found':
      return { title: ctx.notFound ?? tr.t('errors.notFound.title'), detail: tr.t('errors.notFound.detail', { call }) + said, code: vendor };
    case 'rate_limited': {
      const why = tr.t(error.endpoint === 'statistics' ? 'errors.rateLimited.statistics' : 'errors.rateLimited.other');
      const next = error.retryAt ? ` ${tr.t('errors.rateLimited.next', { time: tr.clockTime(error.retryAt, ctx.timeZone), zone: ctx.timeZone })}` : '';
      return { title: tr.t('errors.rateLimited.title', { call }), detail: why + next + said, code: vendor ?? (error.httpStatus ? `HTTP ${error.httpStatus}` : undefined) };
    }
    case 'auth':
      return {
        title: tr.t('errors.auth.title', { service }),
        detail: (error.httpStatus ? tr.t('errors.auth.detailHttp', { call, status }) : tr.t('errors.auth.detail', { call })) + said,
        hint: admin,
        code: vendor,
      };
    case 'timeout':
      return { title: tr.t('errors.timeout.title', { service }), detail: tr.t('errors.timeout.detail', { call }), hint: tr.t('errors.timeout.hint'), code: 'timeout' };
    case 'network':
      return { title: tr.t('errors.network.title', { service }), detail: tr.t('errors.network.detail', { call }), hint: admin, code: 'network' };
    case 'http':
      return {
        title: tr.t('errors.http.title', { service }),
        detail: tr.t('errors.http.detail', { call, status }) + said,
        hint: error.retryable ? tr.t('errors.http.hint') : undefined,
        code: vendor ?? `HTTP ${status}`,
      };
    case 'vendor':
      return { title: tr.t('errors.vendor.title', { service }), detail: tr.t('errors.vendor.detail', { call }) + said, hint: tr.t('errors.vendor.hint'), code: vendor };
    case 'too_large':
      return {
        title: tr.t('errors.tooLarge.title', { service }),
        detail: error.limitBytes ? tr.t('errors.tooLarge.detail', { call, limit: mib(tr, error.limitBytes) }) : tr.t('errors.tooLarge.detailNoLimit', { call }),
        hint: tr.t('errors.tooLarge.hint'),
        code: 'too_large',
      };
    case 'bad_payload':
      return { title: tr.t('errors.badPayload.title', { service }), detail: error.message, hint: tr.t('errors.badPayload.hint') };
    case 'not_configured':
      return { title: tr.t('errors.notConfigured.title', { service }), detail: tr.t('errors.notConfigured.detail'), hint: admin };
  }
}

/**
 * Why Slack did not take a post, for the person told about it (a digest's or a rule's creator):
 * Slack's own code stays as Slack wrote it, the sentence around it is in the reader's language.
 */
export function slackFailureWords(tr: Translator, error: unknown): string {
  if (error instanceof SlackCallError) {
    const code = error.code;
    if (code === 'timeout' || code === 'request_failed' || code.startsWith('http_5')) return tr.t('errors.slack.unreachable', { code });
    if (error.final) return tr.t('errors.slack.refused', { code });
    return tr.t('errors.slack.failed', { code });
  }
  return tr.t('errors.slack.failed', { code: 'unexpected' });
}

/**
 * A failure in one line, in the reader's language, for where it is one item of a longer post (a
 * digest's failed sources): the explanation's title, then the vendor's own words when it gave some.
 * Not escaped: escape it where it is put into mrkdwn.
 */
export function failureWords(tr: Translator, error: unknown, maskNumbers = true): string {
  const view = explainError(tr, error, { timeZone: 'UTC', reference: '', maskNumbers });
  const desc = isAiccError(error) ? error.resultDesc?.trim() : undefined;
  return desc ? `${say(tr, view.title)} — ${vendorText(desc, maskNumbers)}` : say(tr, view.title);
}

/** The failure kinds the collector and the jobs record as `kind: message` (AICC error codes). */
const RECORDED_KINDS = new Set(['timeout', 'network', 'http', 'auth', 'vendor', 'too_large', 'bad_payload', 'rate_limited', 'not_found', 'not_configured']);

/**
 * A failure recorded earlier as text (a source's or a job's last error, a delivery's): what kind of
 * failure it was in the reader's language, then the recorded text itself, for the operator, as
 * code. The record is kept as it was written (English, redacted like the log): it is diagnostic.
 */
export function recordedFailure(tr: Translator, recorded: string, max = 160): string {
  const flat = recorded.replace(/\s+/g, ' ').trim();
  const kind = /^([a-z_]+): /.exec(flat)?.[1];
  return tr.t('errors.recorded', { kind: kind && RECORDED_KINDS.has(kind) ? kind : 'other', text: echo(flat, max) });
}
