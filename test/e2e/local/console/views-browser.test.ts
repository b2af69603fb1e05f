/**
 * The console's Home tab and modals in a real browser (Debian's Chromium) against the whole stack:
 * open the Home tab, click New alert, search the campaign picker (block_suggestion), submit a bad
 * threshold and see the error under the field, fix it and see the confirmation with its backtest,
 * then the Home tab lists the rule; `/aicc digest add` typed bare opens the digest form. Skipped,
 * saying why, where Chromium is not installed.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { startConsole, type RunningConsole } from '../../../../local/console/server.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { SIGNING_SECRET, startE2E, type E2E } from '../../../support/e2e.js';
import { hasChromium, openBrowserPage, SKIP_REASON } from '../../../support/console-browser.js';

if (!hasChromium) console.log(`console views browser test skipped: ${SKIP_REASON}`);

const clock = manualClock('2026-11-20T06:30:00Z'); // 14:30 in Asia/Shanghai: campaigns are dialling
let e2e: E2E;
let konsole: RunningConsole;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  e2e = await startE2E({ clock, env: { AICC_TIMEZONE: 'Asia/Shanghai', BOT_ADMIN_USERS: 'U0ADMIN' }, sim: { timeZone: 'Asia/Shanghai' } });
  await e2e.bot.collector.tick();
  await e2e.bot.collector.settled();
  konsole = await startConsole({ port: 0, fakeSlack: e2e.slack, botUrl: e2e.botUrl, signingSecret: SIGNING_SECRET, log: silentLogger });
  ({ browser, page, pageErrors } = await openBrowserPage());
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await konsole?.close();
  await e2e?.close();
}, 30_000);

describe('console views in Chromium', () => {
  it.skipIf(!hasChromium)(
    hasChromium ? 'the Home tab, the alert form with a picker, a field error, and the confirmation with its backtest' : `skipped: ${SKIP_REASON}`,
    async () => {
      const running = e2e.sim.world.campaigns(8).find((c) => c.status === 2)!;
      await page.goto(konsole.url);
      await page.locator('#conn.conn-live').waitFor();
      await page.locator('#user').selectOption('U0ADMIN');
      await page.locator('#home-button').click();
      const pane = page.locator('#home-pane');
      await pane.locator('.home-view', { hasText: 'Nothing is firing' }).waitFor();
      await expect(pane.innerText()).resolves.toContain('CC-iSales campaign list: OK');

      await pane.locator('[data-action-id="alert_new"]').click();
      const modal = page.locator('#modal-layer .modal-view');
      await modal.locator('.modal-title', { hasText: 'New alert' }).waitFor();
      const campaign = modal.locator('.external[data-block-id="campaign"]');
      await campaign.locator('.search').fill(String(running.id));
      await campaign.locator(`option[value="8:${running.id}"]`).waitFor({ state: 'attached' });
      await campaign.locator('select').selectOption(`8:${running.id}`);
      await modal.locator('input[data-block-id="threshold"]').fill('forty');
      await modal.locator('select[data-block-id="channel"]').selectOption('C0ALERTS');
      await modal.locator('[data-modal-submit]').click();
      await modal.locator('.field-error', { hasText: 'Must be a number such as 40' }).waitFor();

      await page.locator('#modal-layer input[data-block-id="threshold"]').fill('40');
      await page.locator('#modal-layer [data-modal-submit]').click();
      await page.locator('#modal-layer .modal-title', { hasText: 'Alert 1 added' }).waitFor();
      await page.locator('#modal-layer .modal-view', { hasText: 'What it would have done' }).waitFor();
      await page.locator('#modal-layer .modal-view', { hasText: /No incidents|incident/ }).waitFor();
      expect(await e2e.bot.store.alerts.get(1)).toMatchObject({ threshold: 40, scopeId: String(running.id), channelId: 'C0ALERTS' });

      await mkdir('test-artifacts', { recursive: true });
      await page.mouse.move(1, 1);
      await page.screenshot({ path: 'test-artifacts/console-modal.png' });
      await page.locator('#modal-layer [data-modal-close]').click();
      await page.locator('#modal-layer').waitFor({ state: 'hidden' });
      await pane.locator('.home-view', { hasText: 'Alert 1' }).waitFor({ timeout: 10_000 });
      await page.screenshot({ path: 'test-artifacts/console-home.png' });

      // Back to a channel: `/aicc digest add` with no arguments opens the digest form.
      await page.locator('#channels button', { hasText: 'general' }).click();
      await page.locator('#input').fill('/aicc digest add');
      await page.locator('#input').press('Enter');
      await page.locator('#modal-layer .modal-title', { hasText: 'New digest' }).waitFor();
      await page.keyboard.press('Escape');
      await page.locator('#modal-layer').waitFor({ state: 'hidden' });
      expect(pageErrors).toEqual([]);
    },
    60_000,
  );
});
