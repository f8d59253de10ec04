// Debian's Chromium driven by playwright-core for the console's end-to-end tests: launched headless with the
// flags this closed network needs, every console error and page error collected so a test can fail on them.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null. Under CI=true a missing browser is a failure, not a skip. */
export function browserMissing(): string | null {
  return fs.existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A page whose console errors and uncaught exceptions land in `errors` (with the URL they happened on). */
export async function watchedPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error on ${page.url()}: ${e.message}`));
  return page;
}
