/**
 * Turns a known failure into something a supervisor can act on: what failed (service and call),
 * the vendor's code and text where there is one, and what to do. Unknown errors get a reference
 * to the log line instead of a stack trace.
 */
import { SERVICE_LABELS, isAiccError, type AiccError } from '../aicc/errors.js';
import { describeResultCode } from '../aicc/result-codes.js';
import { formatClockTime, vendorText } from './format.js';
import type { ErrorView } from './render/error.js';

export interface ExplainContext {
  timeZone: string;
  /** Words for "the thing was not found", e.g. "No call `123` in VDN 8." */
  notFound?: string;
  /** A short id that also appears in the log, for unknown errors. */
  reference: string;
  /** BOT_MASK_NUMBERS: mask phone numbers in the vendor's text (default true). */
  maskNumbers?: boolean;
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
}

/** The vendor's own words, whole (the renderer keeps them within Block Kit limits), redacted like the log. */
function vendorSaid(error: AiccError, maskNumbers: boolean): string {
  const desc = error.resultDesc?.trim();
  return desc ? `\nThe vendor said: ${vendorText(desc, maskNumbers)}` : '';
}

/** A MiB figure for the size cap, e.g. `5 MiB`. */
function mib(bytes: number): string {
  const m = bytes / 1_048_576;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} MiB`;
}

export function explainError(error: unknown, ctx: ExplainContext): ErrorView {
  if (!isAiccError(error)) {
    return {
      title: 'Something went wrong inside the bot',
      detail: 'The request could not be completed. Nothing was changed.',
      hint: `Try again in a minute; if it keeps happening, give your administrator the reference ${ctx.reference}.`,
      code: ctx.reference,
    };
  }
  const service = SERVICE_LABELS[error.service];
  const call = `${service} ${error.endpoint}`;
  // The code and its documented meaning stay short; the vendor's text goes into the detail, whole.
  const vendor = error.resultCode ? [error.resultCode, describeResultCode(error.resultCode)].filter(Boolean).join(' · ') : undefined;
  const said = vendorSaid(error, ctx.maskNumbers ?? true);
  switch (error.code) {
    case 'not_found':
      return { title: ctx.notFound ?? 'Not found', detail: `${call} has no such record.${said}`, code: vendor };
    case 'rate_limited': {
      const why = sentence(error.hint ?? 'the vendor limits how often this can be asked');
      const next = error.retryAt ? ` Next refresh possible at ${formatClockTime(error.retryAt, ctx.timeZone)} (${ctx.timeZone}); ask again then.` : '';
      return { title: `${call} is rate limited`, detail: why + next + said, code: vendor ?? (error.httpStatus ? `HTTP ${error.httpStatus}` : undefined) };
    }
    case 'auth':
      return { title: `${service} refused the bot's credentials`, detail: `${call} answered ${error.httpStatus ? `HTTP ${error.httpStatus}` : 'with an authentication error'}.${said}`, hint: error.hint ? `Administrator: ${error.hint}.` : undefined, code: vendor };
    case 'timeout':
      return { title: `${service} did not answer in time`, detail: `${call} took too long.`, hint: `Try again shortly; ${error.hint ?? 'the service may be overloaded'}.`, code: 'timeout' };
    case 'network':
      return { title: `${service} is unreachable`, detail: `The bot could not connect for ${call}.`, hint: error.hint ? `Administrator: ${error.hint}.` : undefined, code: 'network' };
    case 'http':
      return { title: `${service} failed`, detail: `${call} answered HTTP ${error.httpStatus ?? '?'}.${said}`, hint: error.retryable ? 'This is usually temporary; try again in a minute.' : undefined, code: vendor ?? `HTTP ${error.httpStatus ?? '?'}` };
    case 'vendor':
      return { title: `${service} refused the request`, detail: `${call} failed.${said}`, hint: 'Check the ids in the command.', code: vendor };
    case 'too_large':
      return {
        title: `${service} sent an answer too large to read`,
        detail: `The answer to ${call} was larger than ${error.limitBytes ? mib(error.limitBytes) : 'the limit'}, so the bot stopped reading it.`,
        hint: 'Ask for less (one campaign, one batch); the administrator can raise AICC_MAX_BODY_BYTES if such answers are expected.',
        code: 'too_large',
      };
    case 'bad_payload':
      return { title: `${service} sent an answer the bot cannot read`, detail: error.message, hint: 'The server may run a different API version; the administrator can see details in the bot log.' };
    case 'not_configured':
      return { title: `${service} is not configured`, detail: 'This bot was set up without that service.', hint: error.hint ? `Administrator: ${error.hint}.` : undefined };
  }
}
