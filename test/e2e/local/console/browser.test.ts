/**
 * The console page in a real browser (Debian's Chromium through playwright-core) against the whole
 * stack: type `/aicc stats`, see the simulator's figures, click **Share in channel**, see the
 * public copy. Skipped, saying why, where Chromium is not installed.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { startConsole, type RunningConsole } from '../../../../local/console/server.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { SIGNING_SECRET, startE2E, type E2E } from '../../../support/e2e.js';
import { hasChromium, openBrowserPage, SKIP_REASON } from '../../../support/console-browser.js';

if (!hasChromium) console.log(`console browser test skipped: ${SKIP_REASON}`);

const clock = manualClock('2026-11-20T06:30:00Z'); // 14:30 in Asia/Shanghai: campaigns are dialling
let e2e: E2E;
let konsole: RunningConsole;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  e2e = await startE2E({ clock, env: { AICC_TIMEZONE: 'Asia/Shanghai' }, sim: { timeZone: 'Asia/Shanghai' } });
  konsole = await startConsole({ port: 0, fakeSlack: e2e.slack, botUrl: e2e.botUrl, signingSecret: SIGNING_SECRET, log: silentLogger });
  ({ browser, page, pageErrors } = await openBrowserPage());
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await konsole?.close();
  await e2e?.close();
}, 30_000);

describe('console page in Chromium', () => {
  it.skipIf(!hasChromium)(
    hasChromium ? '/aicc stats shows the simulator’s campaigns, and Share in channel posts them publicly' : `skipped: ${SKIP_REASON}`,
    async () => {
      const first = e2e.sim.world.campaigns(8).find((c) => c.status === 2)!;
      await page.goto(konsole.url);
      await page.locator('#conn.conn-live').waitFor();
      await expect(page.locator('.hint').innerText()).resolves.toContain('try /aicc help, /aicc stats, /aicc campaigns');

      await page.locator('#input').fill('/aicc stats');
      await page.locator('#input').press('Enter');
      const general = page.locator('.timeline[data-channel="C0GENERAL"]');
      await general.locator('.msg-command', { hasText: '/aicc stats' }).waitFor();
      const answer = general.locator('article.msg-ephemeral', { hasText: String(first.id) });
      await answer.waitFor();
      await expect(answer.innerText()).resolves.toContain('Only visible to you');
      // History: ↑ brings the command back.
      await page.locator('#input').press('ArrowUp');
      expect(await page.locator('#input').inputValue()).toBe('/aicc stats');
      await page.locator('#input').fill('');

      await answer.locator('[data-action-id="share_in_channel"]').click();
      const shared = general.locator('article.msg-bot:not(.msg-ephemeral)', { hasText: 'Shared by' });
      await shared.waitFor();
      await expect(shared.innerText()).resolves.toContain(String(first.id));
      await expect(shared.innerText()).resolves.toContain('@Mei Lin');
      await answer.waitFor({ state: 'detached' });
      expect(e2e.slack.messages('C0GENERAL').some((m) => m.ephemeralTo === undefined && JSON.stringify(m.blocks).includes('Shared by'))).toBe(true);

      await mkdir('test-artifacts', { recursive: true });
      await page.mouse.move(1, 1); // no hover highlight in the picture
      await page.screenshot({ path: 'test-artifacts/console.png' });
      expect(pageErrors).toEqual([]);
    },
    30_000,
  );

  it.skipIf(!hasChromium)(
    hasChromium ? 'draws a chart as inline SVG and a table as an HTML table, under the page’s CSP' : `skipped: ${SKIP_REASON}`,
    async () => {
      const code = e2e.sim.world.bots[0]!.accessCode;
      await page.goto(konsole.url);
      await page.locator('#conn.conn-live').waitFor();
      const general = page.locator('.timeline[data-channel="C0GENERAL"]');

      await page.locator('#input').fill(`/aicc bot ${code}`);
      await page.locator('#input').press('Enter');
      const bot = general.locator('article.msg-ephemeral', { hasText: 'Voice bot traffic' });
      await bot.waitFor();
      const chart = bot.locator('figure.b-chart', { hasText: 'Calls by hour' });
      await chart.locator('svg.chart-svg').waitFor();
      // Drawn: bars with a real size and colour from the stylesheet, not an empty box.
      expect(await chart.locator('rect.chart-bar').count()).toBeGreaterThan(5);
      const box = await chart.locator('svg.chart-svg').boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(await chart.locator('rect.chart-bar').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(el).fill)).toMatch(/^rgb\(/);
      expect(await bot.locator('figure.b-chart polyline.chart-line').count()).toBeGreaterThan(0);

      await page.locator('#input').fill('/aicc campaigns all');
      await page.locator('#input').press('Enter');
      const list = general.locator('article.msg-ephemeral', { hasText: 'Campaigns' }).last();
      const table = list.locator('.b-table table');
      await table.waitFor();
      expect(await table.locator('tr').count()).toBe(11);
      expect(await table.locator('tr').first().innerText()).toMatch(/Campaign\s+ID\s+Status\s+Type\s+Period\s+Caller/);
      // Chinese names sit in their own cells, lined up by the browser's table layout.
      const cells = await table.locator('tr:nth-child(2) td').allInnerTexts();
      expect(cells).toHaveLength(6);

      await mkdir('test-artifacts', { recursive: true });
      await page.mouse.move(1, 1);
      await chart.screenshot({ path: 'test-artifacts/console-chart.png' });
      await list.scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-artifacts/console-table.png' });
      expect(pageErrors).toEqual([]);
    },
    30_000,
  );

  it.skipIf(!hasChromium)(
    hasChromium ? 'falls back to polling /api/state when live updates fail' : `skipped: ${SKIP_REASON}`,
    async () => {
      const polling = await browser.newPage({ viewport: { width: 1024, height: 700 } });
      try {
        // A 503 makes EventSource give up for good, as a proxy that refuses streams would.
        await polling.route('**/events', (route) => route.fulfill({ status: 503, body: 'no streams here' }));
        await polling.goto(`${konsole.url}#alerts`);
        await polling.locator('#conn', { hasText: 'polling' }).waitFor({ timeout: 10_000 });
        expect(await polling.locator('#channel-title').innerText()).toBe('#alerts');
        await polling.locator('#input').fill('/aicc help');
        await polling.locator('#input').press('Enter');
        await polling.locator('.timeline[data-channel="C0ALERTS"] article.msg-ephemeral', { hasText: '/aicc commands' }).waitFor({ timeout: 10_000 });
        // A command the console does not know is refused in the page, without a round trip.
        await polling.locator('#input').fill('/weather');
        await polling.locator('#input').press('Enter');
        await polling.locator('.note-error', { hasText: '/weather is not a command' }).waitFor();
      } finally {
        await polling.close();
      }
    },
    30_000,
  );
});
