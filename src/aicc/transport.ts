/**
 * The one place that speaks HTTP to AICC. Per service: a keep-alive undici pool capped at the
 * configured concurrency, TLS options for self-signed on-premises servers, a deadline per logical
 * call, JSON in and out, request ids in logs, and retries only where they are safe.
 *
 * Retry policy: network errors and 5xx are retried on reads (at most twice, exponential backoff with
 * full jitter), always within the same deadline, so a caller hears back within `timeoutMs` plus a
 * little; a connection that failed before anything was sent is retried for any call. Timeouts are
 * not retried (a slow server does not get faster, and Slack is waiting); 4xx never are; 429 becomes
 * a typed rate-limit error. Answers larger than `maxBodyBytes` are cut off and never retried.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import type { Clock } from '../platform/clock.js';
import { DEFAULT_MAX_BODY_BYTES } from '../platform/config.js';
import type { Logger } from '../platform/log.js';
import { createPriorityGate } from '../platform/pool.js';
import { AiccError, type AiccService } from './errors.js';
import { percentEncode } from './signer.js';

export interface SignableRequest {
  method: string;
  path: string;
  query: ReadonlyArray<readonly [string, string]>;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** Adds credentials to a request (auth-v2 signature, bearer token); see auth.ts. */
export interface Authorizer {
  authorize(request: SignableRequest): Promise<Record<string, string>>;
  /** Called after a 401; true means fresh credentials were obtained and one more try may succeed. */
  refreshAfterUnauthorized?(): Promise<boolean>;
  /** What to tell the operator when credentials are refused. */
  readonly hint: string;
}

export interface RequestSpec {
  /** Short name used in errors and logs, e.g. `statistics`. */
  endpoint: string;
  method: 'GET' | 'POST';
  path: string;
  query?: ReadonlyArray<readonly [string, string | number | undefined]>;
  body?: unknown;
  /** Safe to retry; defaults to true for GET. Vendor "query" POSTs set it too. */
  idempotent?: boolean;
  /** Extra unsigned headers. */
  headers?: Readonly<Record<string, string>>;
  /** The `locale` header of this call (see {@link CallOptions}); the transport's own when absent. */
  locale?: string;
  /** Background work (see {@link CallOptions}). */
  background?: boolean;
}

/** Per-call options a client passes through to the transport. */
export interface CallOptions {
  /**
   * The AICC `locale` header (`zh_CN`, `en_US`): the language the vendor writes its own error
   * text in. Set for a call made for one reader; shared, cached calls leave it to the default.
   */
  locale?: string;
  /**
   * Background work (the collector): the call starts only while one of the service's connections
   * is free and no other call waits for one, so a command waits behind at most one background
   * call, never behind a background queue. Its deadline starts when it starts.
   */
  background?: boolean;
}

export interface TransportResponse {
  status: number;
  json: unknown;
  requestId: string;
}

export interface TransportOptions {
  service: AiccService;
  baseUrl: string;
  timeoutMs: number;
  maxConcurrency: number;
  ca?: string | Buffer;
  tlsInsecure?: boolean;
  locale?: string;
  authorizer?: Authorizer;
  clock: Clock;
  log: Logger;
  maxRetries?: number;
  /**
   * Most bytes of one answer the bot reads (AICC_MAX_BODY_BYTES, default 5 MiB). Past it the
   * connection is dropped and the call fails with `too_large`: an 80 MB body must not be held and
   * parsed whole.
   */
  maxBodyBytes?: number;
  /** Told about every logical call's outcome (health tracking). */
  onOutcome?: (endpoint: string, outcome: { ok: true } | { ok: false; error: AiccError }) => void;
  /** Injected for tests: how to wait between retries, and the jitter source. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface Transport {
  readonly service: AiccService;
  request(spec: RequestSpec): Promise<TransportResponse>;
  close(): Promise<void>;
}

const RETRY_BASE_MS = 200;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function queryPairs(query: RequestSpec['query']): [string, string][] {
  return (query ?? []).filter((p): p is readonly [string, string | number] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => [k, String(v)]);
}

function parseRetryAfter(value: string | string[] | undefined, now: Date): Date | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return new Date(now.getTime() + seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : new Date(date);
}

function vendorText(json: unknown): { resultCode?: string; resultDesc?: string } {
  if (!json || typeof json !== 'object') return {};
  const o = json as Record<string, unknown>;
  const code = o.resultCode ?? o.returnCode ?? o.errorCode;
  const desc = o.resultDesc ?? o.returnDesc ?? o.errorMsg;
  return {
    resultCode: code === undefined || code === null ? undefined : String(code),
    resultDesc: typeof desc === 'string' ? desc : undefined,
  };
}

/** Creates the transport of one service. */
export function createTransport(options: TransportOptions): Transport {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const pool = new Pool(base.origin, {
    connections: options.maxConcurrency,
    keepAliveTimeout: 30_000,
    connect: { ca: options.ca, rejectUnauthorized: !options.tlsInsecure },
  });
  // Commands go straight to the pool; background calls wait here while the connections are taken.
  const gate = createPriorityGate(options.maxConcurrency);
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxRetries = options.maxRetries ?? 2;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { service, log } = options;

  /**
   * Reads a body up to `maxBodyBytes`: a declared Content-Length over the cap fails before any
   * byte is read, and a streamed body fails as soon as the cap is passed. Either way the body is
   * destroyed, which closes the connection instead of draining the rest.
   */
  async function readCapped(endpoint: string, status: number, headers: Record<string, string | string[] | undefined>, body: AsyncIterable<Buffer> & { destroy(error?: Error): unknown }): Promise<string> {
    const tooLarge = () => {
      body.destroy();
      return new AiccError({ service, endpoint, code: 'too_large', httpStatus: status, retryable: false, limitBytes: maxBodyBytes, hint: `the answer is larger than ${maxBodyBytes} bytes (AICC_MAX_BODY_BYTES)` });
    };
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBodyBytes) throw tooLarge();
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, size).toString('utf8');
  }

  async function attempt(spec: RequestSpec, requestId: string, deadline: number): Promise<TransportResponse> {
    const query = queryPairs(spec.query);
    const path = basePath + spec.path;
    const body = spec.body === undefined ? '' : JSON.stringify(spec.body);
    const headers: Record<string, string> = {
      host: base.host,
      'content-type': 'application/json;charset=UTF-8',
      ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
    };
    const auth = options.authorizer ? await options.authorizer.authorize({ method: spec.method, path, query, headers, body }) : {};
    const qs = query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
    const controller = new AbortController();
    const remaining = Math.max(1, deadline - Date.now());
    const timer = setTimeout(() => controller.abort(), remaining);
    const started = Date.now();
    try {
      const res = await pool.request({
        path: qs ? `${path}?${qs}` : path,
        method: spec.method,
        headers: { ...spec.headers, ...headers, ...auth, accept: 'application/json', locale: spec.locale ?? options.locale ?? 'en_US', 'x-request-id': requestId },
        body: body || undefined,
        signal: controller.signal,
        headersTimeout: remaining,
        bodyTimeout: remaining,
      });
      const text = await readCapped(spec.endpoint, res.statusCode, res.headers, res.body);
      log.debug('aicc call', { service, endpoint: spec.endpoint, status: res.statusCode, ms: Date.now() - started, rid: requestId });
      let json: unknown;
      if (res.statusCode < 300) {
        try {
          json = JSON.parse(text);
        } catch (cause) {
          throw new AiccError({ service, endpoint: spec.endpoint, code: 'bad_payload', httpStatus: res.statusCode, cause, hint: 'the server answered with something that is not JSON; check the URL points at the right service' });
        }
        return { status: res.statusCode, json, requestId };
      }
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      throw statusError(spec.endpoint, res.statusCode, json, res.headers['retry-after']);
    } catch (error) {
      if (error instanceof AiccError) throw error;
      if (controller.signal.aborted || isTimeout(error)) {
        throw new AiccError({ service, endpoint: spec.endpoint, code: 'timeout', retryable: false, cause: error, hint: `no answer within ${options.timeoutMs} ms (AICC_TIMEOUT_MS); the service may be overloaded` });
      }
      throw new AiccError({ service, endpoint: spec.endpoint, code: 'network', retryable: true, requestSent: !neverSent(error), cause: error, hint: `check that ${base.origin} is reachable from the bot${isTls(error) ? ' and its certificate is trusted (AICC_CA_FILE)' : ''}` });
    } finally {
      clearTimeout(timer);
    }
  }

  function statusError(endpoint: string, status: number, json: unknown, retryAfter: string | string[] | undefined): AiccError {
    const vendor = vendorText(json);
    if (status === 401 || status === 403) {
      return new AiccError({ service, endpoint, code: 'auth', httpStatus: status, ...vendor, hint: options.authorizer?.hint });
    }
    if (status === 429) {
      return new AiccError({ service, endpoint, code: 'rate_limited', httpStatus: status, ...vendor, retryAt: parseRetryAfter(retryAfter, options.clock()) });
    }
    return new AiccError({ service, endpoint, code: 'http', httpStatus: status, ...vendor, retryable: status >= 500 });
  }

  function request(spec: RequestSpec): Promise<TransportResponse> {
    return gate.run(spec.background ? 'background' : 'foreground', () => send(spec));
  }

  async function send(spec: RequestSpec): Promise<TransportResponse> {
    const requestId = randomUUID().slice(0, 8);
    const deadline = Date.now() + options.timeoutMs;
    const idempotent = spec.idempotent ?? spec.method === 'GET';
    let refreshed = false;
    for (let retry = 0; ; retry++) {
      try {
        const res = await attempt(spec, requestId, deadline);
        options.onOutcome?.(spec.endpoint, { ok: true });
        return res;
      } catch (error) {
        if (!(error instanceof AiccError)) throw error;
        if (error.code === 'auth' && !refreshed && options.authorizer?.refreshAfterUnauthorized) {
          refreshed = true;
          if (await options.authorizer.refreshAfterUnauthorized()) continue;
        }
        const backoff = Math.floor(random() * RETRY_BASE_MS * 2 ** retry);
        // A call the server never saw may be repeated whatever it does; others only when idempotent.
        const canRetry = (idempotent || error.requestSent === false) && error.retryable && retry < maxRetries && Date.now() + backoff < deadline;
        log.warn('aicc call failed', { service, endpoint: spec.endpoint, code: error.code, status: error.httpStatus, resultCode: error.resultCode, rid: requestId, retrying: canRetry });
        if (!canRetry) {
          options.onOutcome?.(spec.endpoint, { ok: false, error });
          throw error;
        }
        await sleep(backoff);
      }
    }
  }

  return { service, request, close: () => pool.close() };
}

function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
}

/** Failures before a request is written: connection refused, DNS, connect timeout, TLS handshake. */
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function neverSent(error: unknown): boolean {
  return CONNECT_FAILURES.has(errorCode(error) ?? '') || isTls(error);
}

function isTls(error: unknown): boolean {
  const code = errorCode(error) ?? '';
  return /CERT|SSL|TLS|SELF_SIGNED/i.test(code);
}
