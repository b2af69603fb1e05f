/** The collector against the simulator, storing into a real SQLite store. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAicc, type Aicc } from '../../../../src/aicc/index.js';
import { BOT_VDN } from '../../../../src/features/collector/collect.js';
import { decodeCms, decodeStats } from '../../../../src/features/collector/payloads.js';
import { createCollector } from '../../../../src/features/collector/runner.js';
import { manualClock } from '../../../../src/platform/clock.js';
import { loadConfig } from '../../../../src/platform/config.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { startSimulator, type Simulator } from '../../../../local/sim/server.js';
import { openStore, type Store } from '../../../../src/store/index.js';
import { botEnvFor } from '../../../../local/sim/bot-env.js';

let sim: Simulator | undefined;
const stores: Store[] = [];
const aiccs: Aicc[] = [];
afterEach(async () => {
  for (const a of aiccs.splice(0)) await a.close();
  for (const s of stores.splice(0)) await s.close();
  await sim?.close();
  sim = undefined;
});

const clock = manualClock('2026-11-20T06:00:00Z');

async function makeProcess(dbFile: string) {
  const store = await openStore({ url: dbFile });
  stores.push(store);
  const config = loadConfig({
    ...botEnvFor(sim!),
    AICC_TIMEZONE: 'Asia/Shanghai',
    AICC_TIMEOUT_MS: '1000',
  });
  const aicc = createAicc(config.aicc, { clock, log: silentLogger, statsLease: store.statsLease, statsCache: store.statsCache, sleep: async () => undefined });
  aiccs.push(aicc);
  const bot = sim!.world.bots[0]!.accessCode;
  const collector = createCollector({ aicc, store, clock, log: silentLogger, vdnIds: [8], botCodes: async () => [bot], intervalMs: 300_000, retentionDays: 35 });
  return { store, collector, bot };
}

describe('collector', () => {
  it('stores campaigns, statistics, CMS for running campaigns and bot rows as snapshots', async () => {
    sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai' });
    const { store, collector, bot } = await makeProcess(join(mkdtempSync(join(tmpdir(), 'coll-')), 'db.sqlite'));
    const report = await collector.tick();
    expect(report?.failures).toEqual([]);
    const stats = await store.snapshots.latest('stats', 8, '', { okOnly: true });
    const running = sim.world.campaigns(8).filter((c) => c.status === 2);
    const decoded = decodeStats(stats?.payload);
    const c = running[0]!;
    expect(decoded.find((s) => s.campaignId === String(c.id))?.dailyCalled).toBe(sim.world.counts(c).total.dailyCalled);
    const cms = decodeCms((await store.snapshots.latest('cms', 8, ''))?.payload);
    expect(cms.map((t) => t.taskId).sort()).toEqual(running.map((r) => String(r.id)).sort());
    expect((await store.snapshots.latest('oifde', BOT_VDN, bot))?.ok).toBe(true);
    expect((await store.snapshots.latest('campaigns', 8, ''))?.ok).toBe(true);
  });

  it('with one service down, stores that failure as health and the rest as data', async () => {
    sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai', faults: { cms: { down: true } } });
    const { store, collector } = await makeProcess(join(mkdtempSync(join(tmpdir(), 'coll-')), 'db.sqlite'));
    const report = await collector.tick();
    expect(report?.failures.map((f) => f.source)).toEqual(['cms']);
    expect((await store.snapshots.health('cms')).consecutiveFailures).toBe(1);
    expect((await store.snapshots.health('cms')).lastError).toMatch(/unreachable/);
    expect((await store.snapshots.latest('stats', 8, '', { okOnly: true }))?.ok).toBe(true);
  });

  it('an unchanged campaign list is confirmed, not stored again; a changed one is stored', async () => {
    sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai' });
    const { store, collector } = await makeProcess(join(mkdtempSync(join(tmpdir(), 'coll-')), 'db.sqlite'));
    const first = await collector.tick();
    expect(first).toMatchObject({ confirmed: 0, failures: [] });
    const listBytes = Buffer.byteLength(JSON.stringify((await store.snapshots.latest('campaigns', 8, ''))?.payload));
    for (let i = 1; i <= 2; i++) {
      clock.advance(300_000);
      const next = await collector.tick();
      expect(next).toMatchObject({ confirmed: 1, failures: [] });
      // Statistics, CMS and bots are stored as every tick; the list is not.
      expect(next!.payloadBytes).toBeLessThan(first!.payloadBytes - listBytes + 1);
    }
    const all = () => store.snapshots.range('campaigns', 8, '', 0, Number.MAX_SAFE_INTEGER);
    const now = clock().getTime();
    expect(await all()).toEqual([expect.objectContaining({ firstTakenAt: first!.at.getTime(), takenAt: now })]);
    // What the campaign directory, digests, /aicc status and the Home tab read: fresh.
    expect(await store.snapshots.latest('campaigns', 8, '', { okOnly: true, maxAgeMs: 60_000, now })).toMatchObject({ takenAt: now });
    expect((await store.snapshots.health('campaigns')).lastOkAt).toBe(now);

    (sim.world.campaigns(8)[0] as { name: string }).name = 'Renamed in the console';
    clock.advance(300_000);
    expect(await collector.tick()).toMatchObject({ confirmed: 0, failures: [] });
    const rows = await all();
    expect(rows.map((r) => r.takenAt)).toEqual([now, clock().getTime()]);
    expect(JSON.stringify(rows[1]!.payload)).toContain('Renamed in the console');
  });

  it('two processes on one database: one collects each tick, one statistics call per interval', async () => {
    sim = await startSimulator({ clock, timeZone: 'Asia/Shanghai' });
    const db = join(mkdtempSync(join(tmpdir(), 'coll-')), 'db.sqlite');
    const a = await makeProcess(db);
    const b = await makeProcess(db);
    const [ra, rb] = await Promise.all([a.collector.tick(), b.collector.tick()]);
    expect([ra, rb].filter(Boolean)).toHaveLength(1);
    clock.advance(300_000);
    const [ra2, rb2] = await Promise.all([a.collector.tick(), b.collector.tick()]);
    expect([ra2, rb2].filter(Boolean)).toHaveLength(1);
    const statsCalls = Object.values(sim.requestCounts()['isales.statistics'] ?? {}).reduce((x, y) => x + y, 0);
    expect(statsCalls).toBe(2);
  });
});
