/**
 * A small structured logger. Secrets never reach it in the first place (callers log ids, not
 * bodies), and `redact` is a second line of defence for anything that looks like a credential or a
 * pre-signed URL.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /(authorization|token|secret|password|signature|^sk$|appsecret|app_secret|recordpath|recordurl)/i;
/** Query parameters that carry a credential: OBS/S3/OSS signed URLs, SAS `sig`, `token=`, `authToken=`. */
const CREDENTIAL_PARAM = String.raw`(?:[\w-]*(?:accesskeyid|signature|credential|security-token|token|secret|password|passwd)|sig)`;
/** A whole URL with a credential in its query: the URL itself is the secret. */
const SIGNED_URL = new RegExp(String.raw`https?:\/\/[^\s"'<>]*[?&]${CREDENTIAL_PARAM}=[^\s"'<>]*`, 'gi');
/** The same parameters outside a URL (`…&AccessKeyId=AK…&Signature=…` quoted by a vendor). */
const CREDENTIAL_PAIR = new RegExp(String.raw`(^|[^\w-])(${CREDENTIAL_PARAM})=[^\s&"'<>]+`, 'gi');
/** `"authToken": "…"` inside JSON quoted in a message. */
const CREDENTIAL_JSON = /("[\w-]*(?:token|secret|password|signature)")\s*:\s*"[^"]*"/gi;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;
const AUTH_V2 = /(auth-v2\/[^/\s]+\/[^/\s]+\/[^/\s]+\/)[0-9a-f]{64}/g;
const SLACK_TOKEN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;
/**
 * Phone numbers in free text: an international number (`+86 138 1234 5678`, `0086…`), a Chinese
 * mobile (`13812345678`, `138-1234-5678`) or a trunk-prefixed national number (`010-12345678`,
 * `07911123456`). Vendor codes (`0200001`), ids (`1798316116`, `1644464743-1388`), 18-digit access
 * codes and dates do not match.
 */
const PHONE = new RegExp(
  [
    String.raw`(?:\+|\b00)\d{1,4}(?:[ -]?\d{2,5}){2,5}`,
    String.raw`\b1[3-9]\d(?:\d{8}|[ -]\d{4}[ -]\d{4})`,
    String.raw`\b0\d{2,3}(?:\d{7,8}|-\d{7,8})`,
  ]
    .map((p) => `${p}(?![\\w-])`)
    .join('|'),
  'g',
);

/** A number masked to its last four characters (`****1955`); four or fewer are masked entirely. */
export function maskDigits(num: string): string {
  const visible = num.replace(/[\s-]/g, '');
  return visible.length <= 4 ? '****' : `****${visible.slice(-4)}`;
}

export interface RedactTextOptions {
  /** Mask phone numbers to their last four digits (default true; Slack answers pass BOT_MASK_NUMBERS). */
  maskNumbers?: boolean;
}

/**
 * The one redaction of free text, for logs and for vendor text shown in Slack: signed URLs and
 * query credentials, bearer and auth-v2 signatures, Slack tokens, and (unless told not to) phone
 * numbers.
 */
export function redactText(text: string, opts: RedactTextOptions = {}): string {
  const out = text
    .replace(SIGNED_URL, '[redacted-url]')
    .replace(CREDENTIAL_PAIR, '$1$2=[redacted]')
    .replace(CREDENTIAL_JSON, '$1:"[redacted]"')
    .replace(BEARER, '$1[redacted]')
    .replace(AUTH_V2, '$1[redacted]')
    .replace(SLACK_TOKEN, '[redacted-token]');
  return opts.maskNumbers === false ? out : out.replace(PHONE, maskDigits);
}

/** Masks values that look like secrets, and phone numbers; used on every message and field before it is written. */
export function redact(value: unknown, key = ''): unknown {
  if (key && SECRET_KEY.test(key)) return value === undefined ? undefined : '[redacted]';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return redact(value.message);
  if (value && typeof value === 'object' && ERROR_SHAPE in value) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

/** Marks an error already serialized (and redacted) by {@link serializeError}. */
const ERROR_SHAPE = Symbol('serialized error');

/** An error as a plain object: type, code, message, stack and its cause chain, all redacted. */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return redact(error);
  const e = error as Error & { code?: unknown; cause?: unknown };
  const out: Record<string | symbol, unknown> = { type: e.name, message: redactText(e.message) };
  if (typeof e.code === 'string' || typeof e.code === 'number') out['code'] = e.code;
  if (e.stack) out['stack'] = redactText(e.stack);
  if (e.cause !== undefined && depth < 5) out['cause'] = serializeError(e.cause, depth + 1);
  out[ERROR_SHAPE] = true;
  return out;
}

function formatField(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; defaults to stderr. Tests pass an array's push. */
  sink?: (line: string) => void;
  clock?: () => Date;
  fields?: LogFields;
  /**
   * `json`: one JSON object a line (`time`, `level`, `msg`, fields; errors with type, code, stack
   * and cause), for log shippers; `text`: `time LEVEL message k=v ...` for a person at a terminal.
   * Default `text`; `main.ts` picks `json` when the log's stream is not a terminal.
   */
  format?: 'json' | 'text';
}

/** Errors (in any field named `error`/`err`, or any Error value) keep their stack and cause. */
function withErrors(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) out[k] = v instanceof Error ? serializeError(v) : v;
  return out;
}

/** Creates a logger writing one line per call, as JSON or as readable text (see `format`). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const sink = options.sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());
  const base = options.fields ?? {};
  const format = options.format ?? 'text';
  const write = (at: LogLevel, msg: string, fields?: LogFields) => {
    if (ORDER[at] < ORDER[level]) return;
    const all = redact(withErrors({ ...base, ...fields })) as LogFields;
    if (format === 'json') {
      sink(JSON.stringify({ time: clock().toISOString(), level: at, msg: redact(msg) as string, ...all }));
      return;
    }
    const tail = Object.entries(all)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${formatField(v)}`)
      .join(' ');
    sink(`${clock().toISOString()} ${at.toUpperCase()} ${redact(msg) as string}${tail ? ` ${tail}` : ''}`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = createLogger({ sink: () => undefined });
