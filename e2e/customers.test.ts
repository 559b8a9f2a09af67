/**
 * Acceptance test of 客户管理 in a real Chromium against the real server: an admin creates a company
 * with a contact through the console, finds it by the last digits of the contact's mobile in the one
 * search box, opens it, creates a second company, merges the first into the second through the merge
 * dialog and then sees the contact under the target. No browser console errors along the way.
 *
 * Needs the built console (`npm run build`) and Debian's chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser.js';
import { byTestId, pickOption, setCheckbox, signIn } from './support/page.js';
import { useConsoleServer } from './support/server.js';

const server = useConsoleServer();
const { errors, openPage } = useChromium('customers');

/** 新增客户 from the list: the drawer saves and opens the new company's page. */
async function createCompany(page: Page, name: string, contact?: { name: string; mobile: string }) {
  await byTestId(page, 'nav-customers').click();
  await byTestId(page, 'customer-create').click();
  await byTestId(page, 'company-form-name').fill(name);
  if (contact) {
    await byTestId(page, 'company-form-add-contact').click();
    await byTestId(page, 'company-form-contact-name-0').fill(contact.name);
    await byTestId(page, 'company-form-contact-mobile-0').fill(contact.mobile);
  }
  await byTestId(page, 'company-form-submit').click();
  await byTestId(page, 'company-title').filter({ hasText: name }).waitFor();
  const found = await server.adminApi<{ items: { id: number; name: string }[] }>(
    'GET',
    `/api/v1/companies?q=${encodeURIComponent(name)}`,
  );
  const company = found.items.find((c) => c.name === name);
  expect(company, `company ${name} was not created`).toBeDefined();
  return company!;
}

describe('客户管理: create, search, open and merge companies', () => {
  it('an admin merges a company into another and finds its contact under the target', async () => {
    const stamp = Date.now().toString().slice(-8);
    const source = `源公司${stamp}`;
    const target = `目标公司${stamp}`;
    const contact = { name: `王小明${stamp.slice(-3)}`, mobile: `139${stamp}` };
    const tail = contact.mobile.slice(-4);

    const page = await openPage('desktop', { width: 1280, height: 800 });
    await page.goto(server.baseUrl);
    await signIn(page);
    await byTestId(page, 'nav-customers').waitFor();

    // A company with a contact, made in the 新增客户 drawer.
    const first = await createCompany(page, source, contact);
    await byTestId(page, 'company-contacts').getByText(contact.name).waitFor();

    // Found again from the list by the last four digits of the contact's mobile.
    await byTestId(page, 'nav-customers').click();
    await byTestId(page, 'customer-search').locator('input').fill(tail);
    await byTestId(page, 'customer-search').locator('input').press('Enter');
    await byTestId(page, `customer-row-${first.id}`).waitFor();
    await expect.poll(() => page.locator('[data-testid^="customer-row-"]').count()).toBe(1);

    // Opened from the list.
    await byTestId(page, `company-link-${first.id}`).click();
    await byTestId(page, 'company-title').filter({ hasText: source }).waitFor();

    // A second company, the merge target.
    const second = await createCompany(page, target);

    // Back on the first company: 合并到… the second one.
    await page.goto(`${server.baseUrl}/customers/companies/${first.id}`);
    await byTestId(page, 'company-title').filter({ hasText: source }).waitFor();
    await byTestId(page, 'company-merge').click();
    await expect(byTestId(page, 'merge-submit').isDisabled()).resolves.toBe(true);
    await pickOption(page, byTestId(page, 'merge-target'), target, { exact: false });
    await setCheckbox(page, 'merge-confirm', true);
    await byTestId(page, 'merge-submit').click();

    // The target's page opens, with the moved contact.
    await page.waitForURL(`**/customers/companies/${second.id}`);
    await byTestId(page, 'company-title').filter({ hasText: target }).waitFor();
    await byTestId(page, 'company-contacts').getByText(contact.name).waitFor();

    // The server agrees: the source is gone and the contact belongs to the target.
    await expect(server.adminApi('GET', `/api/v1/companies/${first.id}`)).rejects.toThrow(/404/);
    const moved = await server.adminApi<{ items: { name: string; companyId: number }[] }>(
      'GET',
      `/api/v1/contacts?companyId=${second.id}`,
    );
    expect(moved.items.map((c) => c.name)).toEqual([contact.name]);

    expect(errors.list, 'browser console errors').toEqual([]);
  }, 120_000);
});
