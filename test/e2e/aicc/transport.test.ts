import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/platform/clock.js';
import { AiccError } from '../../../src/aicc/errors.js';
import { authV2Authorizer } from '../../../src/aicc/auth.js';
import { verifyAuthV2 } from '../../../src/aicc/signer.js';
import { createTransport, type Transport } from '../../../src/aicc/transport.js';
import { createLogger, silentLogger } from '../../../src/platform/log.js';
import { json, startScriptedServer, type ScriptedServer } from '../../support/scripted-server.js';

let server: ScriptedServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = server = undefined;
});

function make(url: string, extra: Partial<Parameters<typeof createTransport>[0]> = {}) {
  transport = createTransport({
    service: 'isales',
    baseUrl: url,
    timeoutMs: 2000,
    maxConcurrency: 4,
    clock: systemClock,
    log: silentLogger,
    sleep: async () => undefined,
    ...extra,
  });
  return transport;
}

async function failure(p: Promise<unknown>): Promise<AiccError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AiccError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('transport over real HTTP', () => {
  it('sends a signed request the server can verify, with locale and request id', async () => {
    server = await startScriptedServer((_r, res) => json(res, 200, { ok: 1 }));
    const t = make(server.url, { authorizer: authV2Authorizer({ accessKey: 'ak', secretKey: 'sk', clock: systemClock }) });
    const res = await t.request({ endpoint: 'x', method: 'POST', path: '/p/q', query: [['name', '春 回访'], ['n', 2], ['skip', undefined]], body: { vdn: 8 } });
    expect(res.json).toEqual({ ok: 1 });
    const got = server.received[0]!;
    expect(got.url).toBe('/p/q?name=%E6%98%A5%20%E5%9B%9E%E8%AE%BF&n=2');
    expect(got.headers.locale).toBe('en_US');
    expect(got.headers['x-request-id']).toMatch(/^[0-9a-f]{8}$/);
    const verdict = verifyAuthV2(
      got.headers.authorization,
      {
        method: got.method,
        path: '/p/q',
        query: [['name', '春 回访'], ['n', '2']],
        headers: { host: got.headers.host!, 'content-type': got.headers['content-type']!, 'content-length': got.headers['content-length']! },
        body: got.body,
      },
      (ak) => (ak === 'ak' ? 'sk' : undefined),
    );
    expect(verdict).toEqual({ ok: true, accessKey: 'ak' });
  });

  it('retries a 5xx on a read and succeeds', async () => {
    let n = 0;
    server = await startScriptedServer((_r, res) => (++n < 3 ? json(res, 503, { error: 'busy' }) : json(res, 200, { ok: true })));
    const res = await make(server.url).request({ endpoint: 'x', method: 'GET', path: '/r' });
    expect(res.json).toEqual({ ok: true });
    expect(server.received).toHaveLength(3);
  });

  it('gives up after two retries with a retryable http error', async () => {
    server = await startScriptedServer((_r, res) => json(res, 500, { resultCode: '0100999', resultDesc: 'boom' }));
    const err = await failure(make(server.url).request({ endpoint: 'x', method: 'GET', path: '/r' }));
    expect(err).toMatchObject({ code: 'http', httpStatus: 500, retryable: true, service: 'isales', endpoint: 'x', resultCode: '0100999' });
    expect(server.received).toHaveLength(3);
  });

  it('does not retry a 5xx on a non-idempotent POST, nor any 4xx', async () => {
    server = await startScriptedServer((r, res) => (r.url === '/post' ? json(res, 502, {}) : json(res, 400, { resultCode: '0200001' })));
    const t = make(server.url);
    expect((await failure(t.request({ endpoint: 'x', method: 'POST', path: '/post', body: {} }))).httpStatus).toBe(502);
    expect((await failure(t.request({ endpoint: 'x', method: 'GET', path: '/get' }))).httpStatus).toBe(400);
    expect(server.received).toHaveLength(2);
  });

  it('turns 401 into an auth error with a hint naming the variables', async () => {
    server = await startScriptedServer((_r, res) => json(res, 401, { message: 'bad signature' }));
    const t = make(server.url, { authorizer: authV2Authorizer({ accessKey: 'ak', secretKey: 'sk', clock: systemClock }) });
    const err = await failure(t.request({ endpoint: 'statistics', method: 'GET', path: '/s' }));
    expect(err.code).toBe('auth');
    expect(err.hint).toContain('AICC_SK');
    expect(err.message).toContain('CC-iSales statistics');
    expect(server.received).toHaveLength(1);
  });

  it('turns 429 into a rate-limit error carrying Retry-After, without retrying', async () => {
    server = await startScriptedServer((_r, res) => json(res, 429, { resultDesc: '请勿频繁操作,请稍后再试。' }, { 'retry-after': '120' }));
    const before = Date.now();
    const err = await failure(make(server.url).request({ endpoint: 'statistics', method: 'GET', path: '/s' }));
    expect(err.code).toBe('rate_limited');
    expect(err.resultDesc).toBe('请勿频繁操作,请稍后再试。');
    expect(err.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 119_000);
    expect(server.received).toHaveLength(1);
  });

  it('times out within the deadline and does not retry a timeout', async () => {
    server = await startScriptedServer(() => undefined); // never answers
    const started = Date.now();
    const err = await failure(make(server.url, { timeoutMs: 300 }).request({ endpoint: 'slow', method: 'GET', path: '/slow' }));
    expect(err.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.received).toHaveLength(1);
  });

  it('retries a dropped connection, then reports the service unreachable', async () => {
    server = await startScriptedServer((_r, res) => {
      res.socket?.destroy();
    });
    const err = await failure(make(server.url).request({ endpoint: 'x', method: 'GET', path: '/x' }));
    expect(err).toMatchObject({ code: 'network', retryable: true });
    expect(server.received).toHaveLength(3);
  });

  it('reports a 200 that is not JSON as a bad payload', async () => {
    server = await startScriptedServer((_r, res) => json(res, 200, '{"countDetail": [ {'));
    const err = await failure(make(server.url).request({ endpoint: 'statistics', method: 'GET', path: '/s' }));
    expect(err.code).toBe('bad_payload');
  });

  it('never logs the Authorization header or the secret', async () => {
    const lines: string[] = [];
    server = await startScriptedServer((_r, res) => json(res, 401, {}));
    const t = make(server.url, {
      log: createLogger({ level: 'debug', sink: (l) => lines.push(l) }),
      authorizer: authV2Authorizer({ accessKey: 'ak', secretKey: 'super-secret-sk', clock: systemClock }),
    });
    await failure(t.request({ endpoint: 'x', method: 'GET', path: '/x' }));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/super-secret-sk|auth-v2\//);
  });
});
