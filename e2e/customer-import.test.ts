/**
 * Acceptance test of 导入客户 (manual 2.11.3.1) in a real Chromium against the real server: an admin
 * uploads an .xlsx with Chinese headers (one row with a bad date) in the import wizard, checks the
 * auto-mapping and changes one column, watches the job to its result (3 imported, 1 failed, a
 * failed-rows file), finds an imported company in the list, opens it, and merges two imported
 * companies through the merge dialog. Then 导出 downloads the list. No browser console errors.
 *
 * Needs the built console (`npm run build`) and Debian's chromium at /usr/bin/chromium.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './support/browser.js';
import { byTestId, inputOf, pickOption, setCheckbox, signIn } from './support/page.js';
import { useConsoleServer } from './support/server.js';

const server = useConsoleServer();
const { errors, openPage } = useChromium('customer-import');

/** The label an antd Select shows for its value. */
const selectedLabel = (page: Page, id: string) =>
  byTestId(page, id).locator('.ant-select-content').getAttribute('title');

/** A count of the import result (新增, 更新, 跳过, 失败). */
const resultCount = (page: Page, key: 'imported' | 'updated' | 'skipped' | 'failed') =>
  byTestId(page, `import-result-${key}`).locator('.ant-statistic-content-value').textContent();

const COMPANIES = {
  starRiver: { name: '北京星河软件有限公司', contact: '张建国', mobile: '13800138001' },
  cloudSail: { name: '上海云帆科技有限公司', contact: '李小明', mobile: '13900139002' },
  badDate: { name: '广州南方财务咨询中心', contact: '王小红', mobile: '13700137003' },
  qianhai: { name: '深圳前海贸易有限公司', contact: '赵六', mobile: '13600136004' },
};

/**
 * A small workbook as Excel users make it: Chinese headers, a real date cell, dates typed as text
 * in two spellings, one impossible date, and a column (说明) no field is named after.
 */
async function customerWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(['公司名称', '联系人', '手机', '服务到期', '说明']);
  const { starRiver, cloudSail, badDate, qianhai } = COMPANIES;
  sheet.addRow([
    starRiver.name,
    starRiver.contact,
    starRiver.mobile,
    new Date(Date.UTC(2027, 5, 30)),
    '老客户',
  ]);
  sheet.addRow([cloudSail.name, cloudSail.contact, cloudSail.mobile, '2027-03-15', '']);
  sheet.addRow([badDate.name, badDate.contact, badDate.mobile, '2026-13-45', '日期写错了']);
  sheet.addRow([qianhai.name, qianhai.contact, qianhai.mobile, '2027年1月5日', '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function findCompany(name: string) {
  const found = await server.adminApi<{
    items: { id: number; name: string; notes: string | null; serviceEnd: string | null }[];
  }>('GET', `/api/v1/companies?q=${encodeURIComponent(name)}`);
  const company = found.items.find((c) => c.name === name);
  expect(company, `company ${name} was not imported`).toBeDefined();
  return company!;
}

describe('客户管理: import customers from Excel, open one, merge two', () => {
  it('an admin imports an .xlsx through the wizard and works with the imported companies', async () => {
    const { starRiver, cloudSail, qianhai } = COMPANIES;

    const page = await openPage('desktop', { width: 1280, height: 800 }, { acceptDownloads: true });
    await page.goto(server.baseUrl);
    await signIn(page);
    await byTestId(page, 'nav-customers').click();

    // Step 1: 公司 is preselected in 2B mode; the file goes into the dragger's file input.
    await byTestId(page, 'import-open').click();
    await page
      .locator('.ant-radio-button-wrapper-checked', { has: byTestId(page, 'import-entity-companies') })
      .waitFor();
    await (await inputOf(page, 'import-upload', 'input[type="file"]')).setInputFiles({
      name: '客户导入.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await customerWorkbook(),
    });
    await byTestId(page, 'import-file-name').filter({ hasText: '客户导入.xlsx' }).waitFor();
    await byTestId(page, 'import-next').click();

    // Step 2: the headers were matched to the right fields; 说明 was not, and goes to 备注.
    await byTestId(page, 'import-map-公司名称').waitFor();
    await expect(selectedLabel(page, 'import-map-公司名称')).resolves.toBe('公司名称 *');
    await expect(selectedLabel(page, 'import-map-联系人')).resolves.toBe('联系人姓名');
    await expect(selectedLabel(page, 'import-map-手机')).resolves.toBe('联系人手机');
    await expect(selectedLabel(page, 'import-map-服务到期')).resolves.toBe('服务到期日期');
    await expect(selectedLabel(page, 'import-map-说明')).resolves.toBe('不导入');
    await pickOption(page, byTestId(page, 'import-map-说明'), '备注');
    await expect(selectedLabel(page, 'import-map-说明')).resolves.toBe('备注');

    // Step 3: the progress bar shows (recorded as it appears: the job may finish at once), then the result.
    await page.evaluate(`(() => {
      window.__sawImportProgress = false;
      const seen = () => document.querySelector('[data-testid="import-progress"]') !== null;
      new MutationObserver((_, observer) => {
        if (seen()) { window.__sawImportProgress = true; observer.disconnect(); }
      }).observe(document.body, { childList: true, subtree: true });
    })()`);
    await byTestId(page, 'import-start').click();
    await byTestId(page, 'import-result').waitFor();
    await expect(page.evaluate('window.__sawImportProgress')).resolves.toBe(true);
    await expect(resultCount(page, 'imported')).resolves.toBe('3');
    await expect(resultCount(page, 'failed')).resolves.toBe('1');

    // The failed-rows file is there for the agent who imported (the session cookie fetches it).
    const failedRows = await byTestId(page, 'import-failed-download').getAttribute('href');
    expect(failedRows).toMatch(/^\/api\/v1\/imports\/\d+\/failed-rows$/);
    const file = await page.request.get(`${server.baseUrl}${failedRows}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');

    // The list was refreshed: the imported companies are in it, the bad-date one is not.
    await byTestId(page, 'import-finish').click();
    const first = await findCompany(starRiver.name);
    const second = await findCompany(cloudSail.name);
    expect(first.serviceEnd).toBe('2027-06-30');
    expect(first.notes).toBe('老客户');
    expect((await findCompany(qianhai.name)).serviceEnd).toBe('2027-01-05');
    const none = await server.adminApi<{ items: unknown[] }>(
      'GET',
      `/api/v1/companies?q=${encodeURIComponent(COMPANIES.badDate.name)}`,
    );
    expect(none.items).toEqual([]);
    await byTestId(page, `customer-row-${second.id}`).waitFor();

    // One imported company opened from the list, with its imported contact.
    await byTestId(page, `company-link-${first.id}`).click();
    await byTestId(page, 'company-title').filter({ hasText: starRiver.name }).waitFor();
    await byTestId(page, 'company-contacts').getByText(starRiver.contact).waitFor();

    // Merged into another imported company through the merge dialog.
    await byTestId(page, 'company-merge').click();
    await pickOption(page, byTestId(page, 'merge-target'), cloudSail.name, { exact: false });
    await setCheckbox(page, 'merge-confirm', true);
    await byTestId(page, 'merge-submit').click();
    await page.waitForURL(`**/customers/companies/${second.id}`);
    await byTestId(page, 'company-title').filter({ hasText: cloudSail.name }).waitFor();
    await byTestId(page, 'company-contacts').getByText(starRiver.contact).waitFor();
    await expect(server.adminApi('GET', `/api/v1/companies/${first.id}`)).rejects.toThrow(/404/);

    // 导出 of the list downloads an .xlsx once the export job is done.
    await byTestId(page, 'nav-customers').click();
    await byTestId(page, `customer-row-${second.id}`).waitFor();
    const download = page.waitForEvent('download');
    await byTestId(page, 'export-open').click();
    await byTestId(page, 'export-result').waitFor();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    expect(errors.list, 'browser console errors').toEqual([]);
  }, 120_000);
});
