/**
 * Acceptance test of the customer 360 tabs and 客户统计 in a real Chromium: a company with a ticket
 * and service records shows them under 服务记录, 工单 (each row opens the ticket) and 时间线; the
 * statistics page lists it with its services and finds the never-served company with the
 * "not served for N days" filter. No browser console errors along the way.
 *
 * Needs the built console (`npm run build`) and Debian's chromium at /usr/bin/chromium.
 */
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser.js';
import { byTestId, dropdownOption, signIn } from './support/page.js';
import { useConsoleServer } from './support/server.js';

const server = useConsoleServer();
const { errors, openPage } = useChromium('customer-360');

describe('customer 360 and 客户统计', () => {
  it('shows records, tickets and the timeline of a company, and the statistics page', async () => {
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

    const page = await openPage('desktop', { width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/customers/companies/${served.id}`);
    await signIn(page);
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
    await dropdownOption(page, '超过 30 天').click();
    await table.getByText(`从未服务公司${stamp}`).waitFor();
    await expect.poll(() => table.getByText(`常服务公司${stamp}`).count()).toBe(0);

    expect(errors.list, 'browser console errors').toEqual([]);
  }, 120_000);
});
