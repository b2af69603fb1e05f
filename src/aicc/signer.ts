/**
 * C2 "auth-v2" AK/SK request signing, as the vendor's Java demo and two community ports compute it
 * (see ../shared/api-docs/README.md). Pure: the time comes in as an argument.
 *
 * Kept in one small module with known-answer tests (test/fixtures/auth-v2-vectors.json) because the
 * vendor publishes the formula only as an image; if an installation disagrees, this is the one
 * place to change.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignInput {
  accessKey: string;
  secretKey: string;
  method: string;
  /** URI path without the query string. */
  path: string;
  /** Query parameters in the order sent (order does not matter to the signature). */
  query: ReadonlyArray<readonly [string, string]>;
  /** Request headers; the names to sign are picked from these, case-insensitively. */
  headers: Readonly<Record<string, string>>;
  body: string;
  now: Date;
}

export interface Signed {
  authorization: string;
  timestamp: string;
  signedHeaders: string;
  canonicalRequest: string;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes every byte except the unreserved set `A-Za-z0-9-._~` (RFC 3986), upper-case hex. */
export function percentEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'` in UTC. */
export function authTimestamp(now: Date): string {
  return now.toISOString();
}

/** Sorted `k=v` pairs, each side percent-encoded, joined by `&`. */
export function canonicalQuery(query: ReadonlyArray<readonly [string, string]>): string {
  return query
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .sort()
    .join('&');
}

/** Lower-case header names, trimmed values, keyed by name. */
function lowerHeaders(headers: Readonly<Record<string, string>>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) map.set(name.toLowerCase(), value.trim());
  return map;
}

/** The headers this signer signs: host (mandatory), content-type and content-length when present. */
export function headersToSign(headers: Readonly<Record<string, string>>): string[] {
  const present = lowerHeaders(headers);
  return ['content-length', 'content-type', 'host'].filter((h) => present.has(h));
}

export function canonicalRequest(
  input: Pick<SignInput, 'method' | 'path' | 'query' | 'headers' | 'body'>,
  signedHeaderNames: readonly string[],
): string {
  const headers = lowerHeaders(input.headers);
  const names = [...signedHeaderNames].map((n) => n.toLowerCase()).sort();
  const canonicalHeaders = names.map((n) => `${n}:${percentEncode(headers.get(n) ?? '')}`).join('\n');
  return [
    input.method.toUpperCase(),
    input.path,
    canonicalQuery(input.query),
    names.join(';'),
    canonicalHeaders,
    percentEncode(input.body),
  ].join('\n');
}

function hmacHex(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}

function signature(secretKey: string, authStringPrefix: string, canonical: string): string {
  const signingKey = hmacHex(secretKey, authStringPrefix);
  return hmacHex(signingKey, canonical);
}

/** Signs one request; returns the `Authorization` header value and what went into it. */
export function signAuthV2(input: SignInput): Signed {
  const names = headersToSign(input.headers);
  if (!names.includes('host')) throw new Error('auth-v2 signing needs a Host header');
  const timestamp = authTimestamp(input.now);
  const signedHeaders = names.join(';');
  const prefix = `auth-v2/${input.accessKey}/${timestamp}/${signedHeaders}`;
  const canonical = canonicalRequest(input, names);
  return {
    authorization: `${prefix}/${signature(input.secretKey, prefix, canonical)}`,
    timestamp,
    signedHeaders,
    canonicalRequest: canonical,
  };
}

export interface ParsedAuthV2 {
  accessKey: string;
  timestamp: string;
  signedHeaders: string[];
  signature: string;
}

/** Splits an `auth-v2/AK/ts/headers/sig` header; `undefined` when it is not one. */
export function parseAuthV2(header: string | undefined): ParsedAuthV2 | undefined {
  if (!header?.startsWith('auth-v2/')) return undefined;
  const parts = header.split('/');
  if (parts.length !== 5) return undefined;
  const [, accessKey, timestamp, signed, sig] = parts as [string, string, string, string, string];
  if (!accessKey || !timestamp || !signed || !/^[0-9a-f]{64}$/.test(sig)) return undefined;
  return { accessKey, timestamp, signedHeaders: signed.split(';'), signature: sig };
}

/**
 * Server-side check (used by the simulator): recomputes the signature over what arrived.
 * Returns the access key on success, or a reason on failure.
 */
export function verifyAuthV2(
  header: string | undefined,
  request: Pick<SignInput, 'method' | 'path' | 'query' | 'headers' | 'body'>,
  secretFor: (accessKey: string) => string | undefined,
): { ok: true; accessKey: string } | { ok: false; reason: string } {
  const parsed = parseAuthV2(header);
  if (!parsed) return { ok: false, reason: 'missing or malformed auth-v2 Authorization header' };
  if (!parsed.signedHeaders.includes('host')) return { ok: false, reason: 'host is not signed' };
  const secret = secretFor(parsed.accessKey);
  if (secret === undefined) return { ok: false, reason: 'unknown access key' };
  const prefix = `auth-v2/${parsed.accessKey}/${parsed.timestamp}/${parsed.signedHeaders.join(';')}`;
  const expected = signature(secret, prefix, canonicalRequest(request, parsed.signedHeaders));
  const a = Buffer.from(expected);
  const b = Buffer.from(parsed.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'signature mismatch' };
  return { ok: true, accessKey: parsed.accessKey };
}
