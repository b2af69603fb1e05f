/**
 * Turns a known failure into something a supervisor can act on: what failed (service and call),
 * the vendor's code and text where there is one, and what to do. Unknown errors get a reference
 * to the log line instead of a stack trace.
 */
import { SERVICE_LABELS, isAiccError } from '../aicc/errors.js';
import { describeResultCode } from '../aicc/result-codes.js';
import { formatTime } from './format.js';
import type { ErrorView } from './render/error.js';

export interface ExplainContext {
  timeZone: string;
  /** Words for "the thing was not found", e.g. "No call `123` in VDN 8." */
  notFound?: string;
  /** A short id that also appears in the log, for unknown errors. */
  reference: string;
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
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
  const vendor = error.resultCode
    ? [error.resultCode, describeResultCode(error.resultCode), error.resultDesc].filter(Boolean).join(' · ')
    : undefined;
  switch (error.code) {
    case 'not_found':
      return { title: ctx.notFound ?? 'Not found', detail: `${call} has no such record.`, code: vendor };
    case 'rate_limited': {
      const why = sentence(error.hint ?? 'the vendor limits how often this can be asked');
      const next = error.retryAt ? ` Next refresh possible at ${formatTime(error.retryAt, ctx.timeZone)} (${ctx.timeZone}).` : '';
      return { title: `${call} is rate limited`, detail: why + next, code: vendor ?? (error.httpStatus ? `HTTP ${error.httpStatus}` : undefined) };
    }
    case 'auth':
      return { title: `${service} refused the bot's credentials`, detail: `${call} answered ${error.httpStatus ? `HTTP ${error.httpStatus}` : 'with an authentication error'}.`, hint: error.hint ? `Administrator: ${error.hint}.` : undefined, code: vendor };
    case 'timeout':
      return { title: `${service} did not answer in time`, detail: `${call} took too long.`, hint: `Try again shortly; ${error.hint ?? 'the service may be overloaded'}.`, code: 'timeout' };
    case 'network':
      return { title: `${service} is unreachable`, detail: `The bot could not connect for ${call}.`, hint: error.hint ? `Administrator: ${error.hint}.` : undefined, code: 'network' };
    case 'http':
      return { title: `${service} failed`, detail: `${call} answered HTTP ${error.httpStatus ?? '?'}.`, hint: error.retryable ? 'This is usually temporary; try again in a minute.' : undefined, code: vendor ?? `HTTP ${error.httpStatus ?? '?'}` };
    case 'vendor':
      return { title: `${service} refused the request`, detail: `${call} failed.`, hint: 'Check the ids in the command.', code: vendor };
    case 'bad_payload':
      return { title: `${service} sent an answer the bot cannot read`, detail: error.message, hint: 'The server may run a different API version; the administrator can see details in the bot log.' };
    case 'not_configured':
      return { title: `${service} is not configured`, detail: 'This bot was set up without that service.', hint: error.hint ? `Administrator: ${error.hint}.` : undefined };
  }
}
