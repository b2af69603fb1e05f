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
const SIGNED_URL = /(https?:\/\/[^\s"']*[?&](?:Signature|AccessKeyId|X-Amz-Signature|sig)=[^\s"']*)/gi;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;
const AUTH_V2 = /(auth-v2\/[^/\s]+\/[^/\s]+\/[^/\s]+\/)[0-9a-f]{64}/g;
const SLACK_TOKEN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;

/** Masks values that look like secrets; used on every message and field before it is written. */
export function redact(value: unknown, key = ''): unknown {
  if (key && SECRET_KEY.test(key)) return value === undefined ? undefined : '[redacted]';
  if (typeof value === 'string') {
    return value
      .replace(SIGNED_URL, '[redacted-url]')
      .replace(BEARER, '$1[redacted]')
      .replace(AUTH_V2, '$1[redacted]')
      .replace(SLACK_TOKEN, '[redacted-token]');
  }
  if (value instanceof Error) return redact(value.message);
  if (Array.isArray(value)) return value.map((v) => redact(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
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
}

/** Creates a logger writing one `time LEVEL message k=v ...` line per call. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const sink = options.sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());
  const base = options.fields ?? {};
  const write = (at: LogLevel, msg: string, fields?: LogFields) => {
    if (ORDER[at] < ORDER[level]) return;
    const all = redact({ ...base, ...fields }) as LogFields;
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
