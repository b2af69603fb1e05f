/**
 * One error type for every upstream failure. It keeps the original `cause`, says whether a retry
 * could help, and carries a human hint a supervisor can act on.
 */
import { redactText } from '../platform/log.js';
import { describeResultCode } from './result-codes.js';

/** The three AICC services plus the C1 token gateway. */
export type AiccService = 'isales' | 'cms' | 'oifde' | 'apigw';

export const SERVICE_LABELS: Readonly<Record<AiccService, string>> = {
  isales: 'CC-iSales',
  cms: 'CC-CMS',
  oifde: 'OIFDE',
  apigw: 'API gateway (token)',
};

export type AiccErrorCode =
  /** 401/403, a wrong signature or token. */
  | 'auth'
  /** HTTP 429, or our own statistics guard refusing to call again so soon. */
  | 'rate_limited'
  | 'timeout'
  /** Connection refused, reset, DNS, TLS. */
  | 'network'
  /** A non-2xx status that is none of the above. */
  | 'http'
  /** HTTP 200 with a failure result code. */
  | 'vendor'
  /** The answer was larger than AICC_MAX_BODY_BYTES; the bot stopped reading it. */
  | 'too_large'
  /** The vendor's answer is not what its docs say (not JSON, wrong shape). */
  | 'bad_payload'
  /** The vendor says the thing does not exist (e.g. 0200007). */
  | 'not_found'
  /** The service has no URL configured. */
  | 'not_configured';

export interface AiccErrorInit {
  service: AiccService;
  endpoint: string;
  code: AiccErrorCode;
  httpStatus?: number;
  resultCode?: string;
  resultDesc?: string;
  retryable?: boolean;
  /** When a rate-limited call may be tried again. */
  retryAt?: Date;
  /** The size cap a `too_large` answer went over (AICC_MAX_BODY_BYTES). */
  limitBytes?: number;
  /**
   * For `network` errors: false when the connection failed before anything was sent (refused,
   * DNS, connect timeout, TLS), so the server cannot have seen or counted the call.
   */
  requestSent?: boolean;
  /** What the reader can do about it. */
  hint?: string;
  cause?: unknown;
  message?: string;
}

export class AiccError extends Error {
  readonly service: AiccService;
  readonly endpoint: string;
  readonly code: AiccErrorCode;
  readonly httpStatus?: number;
  readonly resultCode?: string;
  readonly resultDesc?: string;
  readonly retryable: boolean;
  readonly retryAt?: Date;
  readonly limitBytes?: number;
  readonly requestSent?: boolean;
  readonly hint?: string;

  constructor(init: AiccErrorInit) {
    // Vendor text can quote a signed URL or a called number. The description keeps its digits so
    // a Slack answer can mask them per BOT_MASK_NUMBERS; the message, which goes to logs, health
    // and digests as it is, has numbers masked too.
    const resultDesc = init.resultDesc === undefined ? undefined : redactText(init.resultDesc, { maskNumbers: false });
    super(redactText(init.message ?? defaultMessage({ ...init, resultDesc })), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AiccError';
    this.service = init.service;
    this.endpoint = init.endpoint;
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.resultCode = init.resultCode;
    this.resultDesc = resultDesc;
    this.retryable = init.retryable ?? false;
    this.retryAt = init.retryAt;
    this.limitBytes = init.limitBytes;
    this.requestSent = init.requestSent;
    this.hint = init.hint;
  }
}

export function isAiccError(error: unknown): error is AiccError {
  return error instanceof AiccError;
}

function defaultMessage(init: AiccErrorInit): string {
  const where = `${SERVICE_LABELS[init.service]} ${init.endpoint}`;
  switch (init.code) {
    case 'auth':
      return `${where} rejected our credentials (HTTP ${init.httpStatus ?? 401})`;
    case 'rate_limited':
      return `${where} is rate limited`;
    case 'timeout':
      return `${where} did not answer in time`;
    case 'network':
      return `${where} is unreachable`;
    case 'http':
      return `${where} answered HTTP ${init.httpStatus ?? '?'}`;
    case 'vendor':
    case 'not_found': {
      const meaning = describeResultCode(init.resultCode);
      const desc = [meaning, init.resultDesc].filter(Boolean).join(': ');
      return `${where} failed with ${init.resultCode ?? 'an error'}${desc ? ` (${desc})` : ''}`;
    }
    case 'bad_payload':
      return `${where} sent an answer the bot cannot read`;
    case 'too_large':
      return `${where} sent an answer too large to read`;
    case 'not_configured':
      return `${SERVICE_LABELS[init.service]} is not configured`;
  }
}
