/**
 * "HTTP 200 with a failure result code is a failure": the checks each client runs on a parsed body
 * before reading its data.
 */
import type { z } from 'zod';
import { AiccError, type AiccService } from './errors.js';
import { CMS_SUCCESS, ISALES_SUCCESS, isNotFoundCode } from './result-codes.js';

function field(json: unknown, name: string): unknown {
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>)[name] : undefined;
}

function text(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * Throws when `resultCode` (or `returnCode`) is present and is not the service's success code.
 * Bodies without any code (statistics v2 answers only `countDetail`) pass.
 */
export function checkResultCode(service: AiccService, endpoint: string, json: unknown, success: string): void {
  for (const [codeField, descField] of [['resultCode', 'resultDesc'], ['returnCode', 'returnDesc']] as const) {
    const code = field(json, codeField);
    if (code === undefined || code === null || String(code) === success) continue;
    const resultCode = String(code);
    throw new AiccError({
      service,
      endpoint,
      code: isNotFoundCode(resultCode) ? 'not_found' : 'vendor',
      resultCode,
      resultDesc: text(field(json, descField)) ?? text(field(json, 'resultDesc')),
    });
  }
}

export const checkIsales = (endpoint: string, json: unknown) => checkResultCode('isales', endpoint, json, ISALES_SUCCESS);
export const checkCms = (endpoint: string, json: unknown) => checkResultCode('cms', endpoint, json, CMS_SUCCESS);

/** Parses with a boundary schema; a body that drifted beyond repair becomes a `bad_payload` error. */
export function parseBody<S extends z.ZodType>(service: AiccService, endpoint: string, schema: S, json: unknown): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unexpected shape';
  throw new AiccError({
    service,
    endpoint,
    code: 'bad_payload',
    cause: parsed.error,
    message: `${service} ${endpoint} sent an answer the bot cannot read (${where})`,
    hint: 'the server may run a different version than the documented API',
  });
}
