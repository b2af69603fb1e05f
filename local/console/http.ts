/**
 * Small node:http helpers for the console: a size-capped JSON body reader and response writers.
 * Bodies are read to the end even when too large (up to a hard limit), so the client gets a clean
 * 413 instead of a reset connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

/** Bytes read (and thrown away) past the cap before the connection is cut. */
const HARD_LIMIT_FACTOR = 16;

/**
 * Reads a JSON body of at most `limit` bytes. Requiring `application/json` also keeps other web
 * pages from posting to the console: a cross-site JSON post needs a CORS preflight it never gets.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) {
    req.resume();
    return { ok: false, status: 415, error: 'send JSON (content-type: application/json)' };
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit * HARD_LIMIT_FACTOR) {
    req.destroy();
    return { ok: false, status: 413, error: `body larger than ${limit} bytes` };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit * HARD_LIMIT_FACTOR) {
      req.destroy();
      break;
    }
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) return { ok: false, status: 413, error: `body larger than ${limit} bytes` };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'body is not valid JSON' };
  }
}

/**
 * Whether a request's Host header names this console: an IP address, `localhost`, or the host it
 * was bound to. A DNS-rebinding page reaches 127.0.0.1 under its own domain name, and is refused.
 */
export function isAllowedHost(hostHeader: string | undefined, boundHost: string): boolean {
  if (!hostHeader) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${hostHeader}`).hostname;
  } catch {
    return false;
  }
  const bare = hostname.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === boundHost || isIP(bare) !== 0;
}

/** Headers every console response carries. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': type, ...extra });
  res.end(text);
}
