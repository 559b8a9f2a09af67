/**
 * Acceptance test of the customer 360 tabs and 客户统计 in a real Chromium: a company with a ticket
 * and service records shows them under 服务记录, 工单 (each row opens the ticket) and 时间线; the
 * statistics page lists it with its services and finds the never-served company with the
 * "not served for N days" filter. No browser console errors along the way.
 *
 * Needs the built console (`npm run build`) and Debian's chromium at /usr/bin/chromium.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { BrowserErrors, launchChromium, screenshotAll } from './support/browser.js';
import { ADMIN_PASSWORD, type ConsoleServer, startConsoleServer } from './support/server.js';

let server: ConsoleServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors = new BrowserErrors();

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

describe('customer 360 and 客户统计', () => {
  it('shows records, tickets and the timeline of a company, and the statistics page', async () => {
    onTestFailed(async () => {
      await screenshotAll(contexts, 'customer-360');
      if (errors.list.length) console.error(`browser errors:\n${errors.list.join('\n')}`);
    });
    const stamp = Date.now().toString().slice(-6);
    const served = await server.adminApi<{ id: number; primaryContact: { id: number } }>(
      'POST',
      '/api/v1/companies',
      { name: `常服务公司${stamp}`, contacts: [{ name: '李出纳', mobile: `139${stamp}01` }] },
    );
    await server.adminApi('POST', '/api/v1/companies', { name: `从未服务公司${stamp}` });
    const ticket = await server.adminApi<{ id: number }>('POST', '/api/v1/tickets', {
      subject: `凭证打印错位${stamp}`,
      contactId: served.primaryContact.id,
    });
    for (const channel of ['call', 'remote'])
      await server.adminApi('POST', `/api/v1/tickets/${ticket.id}/records`, {
        channel,
        summary: `${channel} 已处理`,
      });

    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = errors.watch(await context.newPage(), 'desktop');
    await page.goto(`${server.baseUrl}/customers/companies/${served.id}`);
    await byTestId(page, 'login-account').fill('admin');
    await byTestId(page, 'login-password').fill(ADMIN_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'customer-tabs').waitFor();

    await page.getByRole('tab', { name: '服务记录' }).click();
    await byTestId(page, 'customer-records').getByText('remote 已处理').waitFor();
    await page.getByRole('tab', { name: '时间线' }).click();
    await byTestId(page, 'customer-timeline-ticket_created').getByText(`凭证打印错位${stamp}`).waitFor();
    await expect.poll(() => page.locator('[data-testid="customer-timeline-service"]').count()).toBe(2);
    await byTestId(page, 'customer-stats').getByText('远程协助').waitFor();

    await page.getByRole('tab', { name: '工单' }).click();
    await byTestId(page, 'customer-tickets').getByText(`凭证打印错位${stamp}`).click();
    await page.waitForURL(`**/tickets/${ticket.id}`);

    await page.goto(`${server.baseUrl}/customers`);
    await byTestId(page, 'customer-statistics-open').click();
    await page.waitForURL('**/customers/statistics');
    const table = byTestId(page, 'customer-statistics-table');
    await table.getByText(`常服务公司${stamp}`).waitFor();
    await byTestId(page, 'customer-statistics-not-served').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '超过 30 天' })
      .click();
    await table.getByText(`从未服务公司${stamp}`).waitFor();
    await expect.poll(() => table.getByText(`常服务公司${stamp}`).count()).toBe(0);

    expect(errors.list, 'browser console errors').toEqual([]);
  }, 120_000);
});
