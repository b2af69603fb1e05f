/** GET /metrics on the bot's port: Prometheus text with what happened, counted as it happened. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../../support/e2e.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const scrape = async () => {
  const res = await fetch(`${e2e.botUrl}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/plain/);
  return res.text();
};
const value = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('/metrics', () => {
  it('counts commands, AICC calls, alert transitions, digest deliveries and jobs; serves process metrics', async () => {
    await e2e.slash('stats');
    await e2e.slash('call nope');
    await e2e.slash('alert add connection_rate < 100 all min:0');
    await e2e.bot.collector.tick();
    await e2e.bot.collector.settled();
    await e2e.slash('digest add at:09:00');
    const [sub] = await e2e.bot.store.digests.list();
    await e2e.slash(`digest run ${sub!.id}`);
    const text = await scrape();
    expect(value(text, 'aicc_bot_commands_total{command="stats",outcome="ok"}')).toBe(1);
    expect(value(text, 'aicc_bot_commands_total{command="call",outcome="usage"}')).toBe(1);
    expect(value(text, 'aicc_bot_aicc_calls_total{service="isales",endpoint="statistics",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'aicc_bot_alert_transitions_total{to="pending"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'aicc_bot_digest_deliveries_total{outcome="posted"}')).toBe(1);
    expect(value(text, 'aicc_bot_job_runs_total{job="collector",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('aicc_bot_ack_seconds_bucket');
    expect(text).toContain('aicc_bot_nodejs_eventloop_lag_seconds');
    expect(text).toContain('aicc_bot_process_resident_memory_bytes');
  });
});
