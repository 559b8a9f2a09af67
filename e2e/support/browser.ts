import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../screenshots');

/** Debian's chromium, headless (install it with `apt-get install -y chromium`). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * Collects what the browser reports as errors: console messages of type "error" (this includes
 * failed resource loads, e.g. a 4xx/5xx answer) and uncaught exceptions in the page.
 */
export class BrowserErrors {
  readonly list: string[] = [];

  watch(page: Page, label: string) {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const loc = msg.location();
      this.list.push(
        `[${label}] console.error: ${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`,
      );
    });
    page.on('pageerror', (err) => {
      this.list.push(`[${label}] pageerror: ${err.stack ?? err.message}`);
    });
    return page;
  }
}

/** Width the document needs beyond the viewport (0 = no horizontal overflow). */
export async function horizontalOverflow(
  page: Page,
): Promise<{ overflow: number; scrollWidth: number; viewport: number }> {
  // A string expression: this project's TypeScript has no DOM lib.
  return page.evaluate(`(() => {
    const el = document.scrollingElement || document.documentElement;
    const viewport = document.documentElement.clientWidth;
    const scrollWidth = Math.max(el.scrollWidth, document.body.scrollWidth);
    return { overflow: Math.max(0, scrollWidth - viewport), scrollWidth, viewport };
  })()`);
}

/** Saves a full-page screenshot of every open page of these contexts into e2e/screenshots/. */
export async function screenshotAll(contexts: BrowserContext[], testName: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const base = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const saved: string[] = [];
  let i = 0;
  for (const context of contexts) {
    for (const page of context.pages()) {
      const file = path.join(SCREENSHOT_DIR, `${base}-${stamp}-${i++}.png`);
      try {
        await page.screenshot({ path: file, fullPage: true, timeout: 5000 });
        saved.push(file);
      } catch {
        // A closed or crashed page has nothing to show.
      }
    }
  }
  if (saved.length) console.error(`screenshots:\n  ${saved.join('\n  ')}`);
  return saved;
}
