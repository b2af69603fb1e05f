/**
 * Campaign-list paging against servers that do not page as documented, over real HTTP: one that
 * ignores `rowsPerPage` (10,000 rows on every page), one that ignores `curPage`, one that never
 * stops. The bot stops once it has `totalSize` rows, at a repeated page, or at its row bound, and
 * never asks for more than ceil(totalSize / 100) pages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAicc, type Aicc } from '../../../src/aicc/index.js';
import { systemClock } from '../../../src/platform/clock.js';
import { loadConfig } from '../../../src/platform/config.js';
import { silentLogger } from '../../../src/platform/log.js';
import { json, startScriptedServer, type ScriptedServer } from '../../support/scripted-server.js';

let server: ScriptedServer | undefined;
let aicc: Aicc | undefined;
afterEach(async () => {
  await aicc?.close();
  await server?.close();
  aicc = server = undefined;
});

const row = (id: number) => ({ id, name: `Campaign ${id}`, status: 2, strBeginTime: '2026-11-01 08:00:00', strEndTime: '2026-12-31 20:00:00', deviceType: 1, callerNo: '10080' });

/** `rows(page)` decides what a page holds, whatever the request asked for. */
async function vendor(totalSize: number, rows: (page: number) => number[]) {
  server = await startScriptedServer((req, res) => {
    const page = Number(new URL(req.url, 'http://x').searchParams.get('curPage') ?? '1');
    json(res, 200, { resultCode: '0200000', resultDesc: '', curPage: page, totalSize, rowsPerPage: 100, data: rows(page).map(row) });
  });
  aicc = createAicc(loadConfig({ AICC_ISALES_URL: server.url, AICC_AK: 'ak', AICC_SK: 'sk' }).aicc, { clock: systemClock, log: silentLogger, sleep: async () => undefined });
  return { aicc, pagesAsked: () => server!.received.map((r) => Number(new URL(r.url, 'http://x').searchParams.get('curPage'))) };
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('campaign-list paging is bounded', () => {
  it('a server that ignores rowsPerPage and sends all 10,000 rows on every page: one page, quickly', async () => {
    const { aicc, pagesAsked } = await vendor(10_000, () => range(1, 10_000));
    const started = Date.now();
    const all = await aicc.isales.listAllCampaigns(8);
    expect(all).toHaveLength(10_000);
    expect(pagesAsked()).toEqual([1]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a server that ignores rowsPerPage and curPage, claiming a million rows: stops at the repeated page', async () => {
    const { aicc, pagesAsked } = await vendor(1_000_000, () => range(1, 10_000));
    expect(await aicc.isales.listAllCampaigns(8)).toHaveLength(10_000);
    expect(pagesAsked()).toEqual([1, 2]);
  });

  it('a server that ignores curPage (always the first 100 rows): stops at page 2', async () => {
    const { aicc, pagesAsked } = await vendor(1_000, () => range(1, 100));
    expect(await aicc.isales.listAllCampaigns(8)).toHaveLength(100);
    expect(pagesAsked()).toEqual([1, 2]);
  });

  it('a server sending 10,000 new rows on every page of a claimed billion: stops at the row bound, one page at a time', async () => {
    const { aicc, pagesAsked } = await vendor(1_000_000_000, (page) => range(page * 10_000, 10_000));
    const all = await aicc.isales.listAllCampaigns(8);
    expect(all).toHaveLength(20_000);
    expect(pagesAsked()).toEqual([1, 2]);
  });

  it('a server that pages correctly: every page once, never more than ceil(totalSize / 100)', async () => {
    const { aicc, pagesAsked } = await vendor(950, (page) => range((page - 1) * 100 + 1, Math.max(0, Math.min(100, 950 - (page - 1) * 100))));
    expect(await aicc.isales.listAllCampaigns(8)).toHaveLength(950);
    expect(pagesAsked().sort((a, b) => a - b)).toEqual(range(1, 10));
  });
});
