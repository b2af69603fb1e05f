/**
 * Debian's Chromium through playwright-core, for the console's browser tests: whether it is there
 * (the tests skip, saying why, where it is not), and a page that collects the page's own errors.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_REASON = `${CHROMIUM} does not exist (apt-get install chromium to run it)`;

export interface BrowserPage {
  browser: Browser;
  page: Page;
  /** Uncaught page errors and console errors, for asserting there were none. */
  pageErrors: string[];
}

/** Launches Chromium headless (never a downloaded browser) and opens one 1280×900 page. */
export async function openBrowserPage(): Promise<BrowserPage> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  return { browser, page, pageErrors };
}
