// Debian's Chromium through playwright-core; never a downloaded browser. Outside CI a machine
// without /usr/bin/chromium skips browser tests with a notice; in CI it is a failure.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveBrowser = existsSync(CHROMIUM);

if (!haveBrowser) {
  const msg = `browser tests need ${CHROMIUM} (apt-get install chromium fonts-wqy-microhei)`;
  if (process.env.CI) throw new Error(msg);
  console.warn(`SKIPPED: ${msg}`);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Collects what the page reports as a Content-Security-Policy violation (issue 9 item 2): Chromium
 * logs each one as a console error ("Refused to … because it violates the following Content
 * Security Policy directive"). A test asserts the list stays empty.
 */
export function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) seen.push(msg.text());
  });
  return seen;
}
