/**
 * The console page's languages in a real browser (Debian's Chromium through playwright-core)
 * against the whole stack: the page speaks the language of the person it types as, switches with
 * them, and its language picker changes that person's Slack language, so the bot answers them in
 * it. Skipped, saying why, where Chromium is not installed.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../src/platform/clock.js';
import { startConsole, type RunningConsole } from '../../../../local/console/server.js';
import { silentLogger } from '../../../../src/platform/log.js';
import { SIGNING_SECRET, startE2E, type E2E } from '../../../support/e2e.js';
import { hasChromium, openBrowserPage, SKIP_REASON } from '../../../support/console-browser.js';

if (!hasChromium) console.log(`console languages browser test skipped: ${SKIP_REASON}`);

const clock = manualClock('2026-11-20T06:30:00Z');
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

// A string, so the test compiles without the DOM's types.
const htmlLang = () => page.evaluate<string[]>('[document.documentElement.lang, document.documentElement.dir, document.title]');
const general = () => page.locator('.timeline[data-channel="C0GENERAL"]');

async function type(command: string): Promise<void> {
  await page.locator('#input').fill(command);
  await page.locator('#input').press('Enter');
}

describe('console page languages in Chromium', () => {
  it.skipIf(!hasChromium)(
    hasChromium ? 'follows the person it types as, and the picker changes their Slack language' : `skipped: ${SKIP_REASON}`,
    async () => {
      await page.goto(konsole.url);
      await page.locator('#conn.conn-live').waitFor();
      // Mei Lin reads Slack in English.
      expect(await htmlLang()).toEqual(['en-US', 'ltr', 'AICC Ops · local Slack console']);
      expect(await page.locator('label[for="user"]').innerText()).toBe('Typing as');
      expect(await page.locator('#lang').inputValue()).toBe('en');
      expect(await page.locator('#lang option').allInnerTexts()).toEqual(['English', '简体中文', 'Español (Latinoamérica)', 'Português (Brasil)']);

      // 王芳 reads Slack in Chinese: the page turns Chinese with her, and so do the bot's answers to her.
      await page.locator('#user').selectOption('U0WANG');
      await expect.poll(htmlLang).toEqual(['zh-CN', 'ltr', 'AICC Ops · 本地 Slack 控制台']);
      expect(await page.locator('label[for="user"]').innerText()).toBe('当前身份');
      expect(await page.locator('#lang').inputValue()).toBe('zh-CN');
      expect(await page.locator('#user option[value="U0WANG"]').innerText()).toBe('王芳（班长）');
      expect(await page.locator('#input').getAttribute('placeholder')).toBe('发消息到 #general（/aicc help）');
      expect(await page.locator('.hint').innerText()).toContain('试试 /aicc help, /aicc stats, /aicc campaigns · Enter 发送');
      expect(await page.locator('#conn').innerText()).toBe('实时');
      await type('/aicc lang');
      const answer = general().locator('article.msg-ephemeral[data-ephemeral-to="U0WANG"]').last();
      await answer.waitFor();
      await expect.poll(() => answer.innerText()).toMatch(/语言/);
      expect(await answer.locator('.msg-note').innerText()).toBe('仅你可见');
      expect(await answer.locator('.msg-app').innerText()).toBe('应用');

      // She picks Spanish: the page follows at once, the messages' own words too, and Slack knows.
      await page.locator('#lang').selectOption('es');
      await expect.poll(htmlLang).toEqual(['es-419', 'ltr', 'AICC Ops · consola local de Slack']);
      expect(await page.locator('label[for="user"]').innerText()).toBe('Escribiendo como');
      expect(await answer.locator('.msg-note').innerText()).toBe('Mensaje privado: nadie más lo ve');
      expect(await page.locator('#input').getAttribute('placeholder')).toBe('Mensaje a #general (/aicc help)');
      await expect.poll(() => e2e.slack.user('U0WANG')?.locale).toBe('es-LA');

      // João, who has not asked the bot anything yet, picks Spanish too: the bot answers him in it.
      await page.locator('#user').selectOption('U0JOAO');
      await expect.poll(htmlLang).toEqual(['pt-BR', 'ltr', 'AICC Ops · console local do Slack']);
      expect(await page.locator('label[for="lang"]').innerText()).toBe('Idioma');
      await page.locator('#lang').selectOption('es');
      await expect.poll(() => e2e.slack.user('U0JOAO')?.locale).toBe('es-LA');
      await type('/aicc lang');
      const his = general().locator('article.msg-ephemeral[data-ephemeral-to="U0JOAO"]').last();
      await his.waitFor();
      await expect.poll(() => his.innerText()).toMatch(/Idiomas/);
      // 王芳's answer is hidden from him, as in Slack.
      expect(await answer.isVisible()).toBe(false);

      // A typo is refused in the reader's language.
      await type('/frobnicate');
      await expect.poll(() => general().locator('.note-error').last().innerText()).toBe('/frobnicate no es un comando de este espacio de trabajo. Pruebe /aicc help');

      await mkdir('test-artifacts', { recursive: true });
      await page.mouse.move(1, 1);
      await page.screenshot({ path: 'test-artifacts/console-languages.png' });
      expect(pageErrors).toEqual([]);
    },
    30_000,
  );
});
