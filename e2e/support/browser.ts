import fs from 'node:fs';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';

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

export interface ChromiumSession {
  /** Every error the pages of this file reported; a test expects it empty at its end. */
  errors: BrowserErrors;
  /** A page in a fresh context (zh-CN, Asia/Shanghai, 15 s timeouts) whose errors are collected. */
  openPage(
    label: string,
    viewport: { width: number; height: number },
    options?: BrowserContextOptions,
  ): Promise<Page>;
}

/**
 * Chromium for one test file: launched before its tests and closed after them with every context
 * it opened. When a test fails, each open page is saved as a screenshot (named after `name`) and
 * the browser errors seen so far are printed.
 */
export function useChromium(name: string): ChromiumSession {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const errors = new BrowserErrors();
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });
  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      await screenshotAll(contexts, name);
      if (errors.list.length) console.error(`browser errors:\n${errors.list.join('\n')}`);
    });
  });
  return {
    errors,
    async openPage(label, viewport, options = {}) {
      if (!browser) throw new Error('Chromium launches in beforeAll: open pages inside a test.');
      const context = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        ...options,
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return errors.watch(await context.newPage(), label);
    },
  };
}
