import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/platform/log.js';
import { createMetrics } from '../../../src/platform/metrics.js';

const at = () => new Date('2026-01-02T03:04:05Z');

describe('JSON logs', () => {
  it('writes one JSON object a line, redacted, with the error type, code, stack and cause', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (l) => lines.push(l), clock: at, format: 'json' });
    const cause = new Error('socket hang up calling https://obs.example.com/r.wav?AccessKeyId=AK1&Signature=abc');
    const error = Object.assign(new Error('AICC failed for 13812345678', { cause }), { code: 'network' });
    log.error('call failed', { error, token: 'xoxb-secret', url: 'https://x/y?sig=zzz' });
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ time: '2026-01-02T03:04:05.000Z', level: 'error', msg: 'call failed', token: '[redacted]', url: '[redacted-url]' });
    expect(entry.error).toMatchObject({ type: 'Error', code: 'network', message: 'AICC failed for ****5678' });
    expect(entry.error.stack).toContain('log-json.test.ts');
    expect(entry.error.cause.message).toContain('[redacted-url]');
    expect(lines[0]).not.toMatch(/AK1|Signature=abc|13812345678|xoxb-secret|zzz/);
  });

  it('keeps the readable text format', () => {
    const lines: string[] = [];
    createLogger({ sink: (l) => lines.push(l), clock: at }).info('hello', { n: 1, error: new Error('token=abc') });
    expect(lines[0]).toMatch(/^2026-01-02T03:04:05.000Z INFO hello n=1 error=/);
    expect(lines[0]).not.toContain('abc');
  });
});

describe('metrics', () => {
  it('two registries do not share instruments, and the text names every family', async () => {
    const a = createMetrics();
    const b = createMetrics({ processMetrics: false });
    a.commands.inc({ command: 'stats', outcome: 'ok' });
    a.aiccCalls.inc({ service: 'isales', endpoint: 'statistics', outcome: 'rate_limited' });
    const text = await a.text();
    for (const family of ['commands_total', 'ack_seconds', 'answer_seconds', 'aicc_calls_total', 'stats_budget_total', 'job_runs_total', 'collector_tick_seconds', 'digest_deliveries_total', 'alert_transitions_total', 'slack_api_calls_total', 'slack_api_retries_total', 'nodejs_eventloop_lag_p99_seconds', 'process_resident_memory_bytes']) {
      expect(text).toContain(`aicc_bot_${family}`);
    }
    expect(text).toContain('aicc_bot_aicc_calls_total{service="isales",endpoint="statistics",outcome="rate_limited"} 1');
    expect(await b.text()).not.toContain('command="stats"');
  });
});
