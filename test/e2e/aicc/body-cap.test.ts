/**
 * AICC_MAX_BODY_BYTES over real HTTP: a server streaming an 80 MB call-detail body, with and
 * without Content-Length. The call fails fast with `too_large`, is not retried, and memory does not
 * grow by anything like the body's size.
 */
import { translator } from '../../../src/i18n/index.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAicc, type Aicc } from '../../../src/aicc/index.js';
import { AiccError } from '../../../src/aicc/errors.js';
import { systemClock } from '../../../src/platform/clock.js';
import { loadConfig } from '../../../src/platform/config.js';
import { createLogger } from '../../../src/platform/log.js';
import { explainError } from '../../../src/slack/explain-error.js';

const MB = 1024 * 1024;
const BODY = 80 * MB;

let server: Server | undefined;
let aicc: Aicc | undefined;
afterEach(async () => {
  await aicc?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  aicc = server = undefined;
});

/** Streams a JSON-looking body of `BODY` bytes, 64 KB at a time, honouring backpressure; counts requests and bytes sent. */
async function startHugeServer(opts: { contentLength: boolean }) {
  const stats = { requests: 0, bytesWritten: 0 };
  const chunk = Buffer.alloc(64 * 1024, 'a');
  server = createServer((req, res) => {
    stats.requests++;
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', ...(opts.contentLength ? { 'content-length': String(BODY + 2) } : {}) });
    res.write('{"');
    let sent = 0;
    const pump = () => {
      while (sent < BODY) {
        sent += chunk.length;
        stats.bytesWritten += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = BODY + 1));
    pump();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, stats };
}

/** Runs `fn` while sampling RSS and ArrayBuffer memory; returns the peaks above the start. */
async function peakGrowth<T>(fn: () => Promise<T>): Promise<{ result: T | unknown; rss: number; arrayBuffers: number; ms: number }> {
  const start = process.memoryUsage();
  let rss = 0;
  let arrayBuffers = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss - start.rss);
    arrayBuffers = Math.max(arrayBuffers, m.arrayBuffers - start.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const started = Date.now();
  let result: T | unknown;
  try {
    result = await fn();
  } catch (error) {
    result = error;
  } finally {
    clearInterval(timer);
    sample();
  }
  return { result, rss, arrayBuffers, ms: Date.now() - started };
}

function client(url: string, env: Record<string, string> = {}) {
  const logs: string[] = [];
  const config = loadConfig({ AICC_ISALES_URL: url, AICC_AK: 'ak', AICC_SK: 'sk', AICC_TIMEOUT_MS: '20000', ...env });
  aicc = createAicc(config.aicc, { clock: systemClock, log: createLogger({ level: 'debug', sink: (l) => logs.push(l) }), sleep: async () => undefined });
  return { aicc, logs };
}

describe('AICC answers larger than AICC_MAX_BODY_BYTES', () => {
  it.each([
    ['streamed without Content-Length', false],
    ['with a Content-Length over the cap', true],
  ])('an 80 MB call detail %s fails at once with too_large, not retried, memory flat', async (_name, contentLength) => {
    const { url, stats } = await startHugeServer({ contentLength });
    const { aicc } = client(url);
    const run = await peakGrowth(() => aicc.isales.callResultDetail(8, '1644464743-1388'));
    expect(run.result).toBeInstanceOf(AiccError);
    expect(run.result).toMatchObject({ code: 'too_large', service: 'isales', endpoint: 'call result', retryable: false, limitBytes: 5 * MB });
    expect(stats.requests).toBe(1);
    expect(run.ms).toBeLessThan(5_000);
    // Generous bounds: reading it whole took RSS up by several times the body.
    expect(run.arrayBuffers).toBeLessThan(30 * MB);
    expect(run.rss).toBeLessThan(40 * MB);
    // The server was cut off long before the end.
    await new Promise((r) => setTimeout(r, 50));
    expect(stats.bytesWritten).toBeLessThan(BODY / 2);
  });

  it('the cap is configurable, and the user is told what happened and what to do', async () => {
    const { url } = await startHugeServer({ contentLength: false });
    const { aicc, logs } = client(url, { AICC_MAX_BODY_BYTES: String(MB) });
    const error = await aicc.isales.callResultDetail(8, '1').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too_large', limitBytes: MB });
    const view = explainError(translator('en'), error, { timeZone: 'UTC', reference: 'r1' });
    expect(view.title).toBe('CC-iSales sent an answer too large to read');
    expect(view.detail).toContain('larger than 1 MiB');
    expect(view.hint).toContain('AICC_MAX_BODY_BYTES');
    expect(logs.some((l) => l.includes('aicc call failed') && l.includes('code=too_large'))).toBe(true);
  });
});
