import type { Locator, Page } from 'playwright-core';
import { ADMIN_PASSWORD } from './server.js';

/** The element the console marks with this data-testid. */
export const byTestId = (page: Page, id: string): Locator => page.locator(`[data-testid="${id}"]`);

/**
 * Signs in on the login page already shown (the vendor admin unless told otherwise) and waits for
 * the login form to go. A vendor key is typed into the field behind "more" when given.
 */
export async function signIn(page: Page, account = 'admin', password = ADMIN_PASSWORD, vendor?: string) {
  await byTestId(page, 'login-account').fill(account);
  await byTestId(page, 'login-password').fill(password);
  if (vendor) {
    // The vendor key field is behind "more" while only one vendor needs no key.
    if (!(await byTestId(page, 'login-vendor').isVisible())) await byTestId(page, 'login-more').click();
    await byTestId(page, 'login-vendor').fill(vendor);
  }
  await byTestId(page, 'login-submit').click();
  await byTestId(page, 'login-submit').waitFor({ state: 'detached' });
}

/** The <input> of an antd control whose data-testid sits on the input itself or on its wrapper. */
export async function inputOf(page: Page, id: string, selector = 'input'): Promise<Locator> {
  const el = byTestId(page, id);
  const isInput = await el.evaluate((node) => node.nodeName === 'INPUT');
  return isInput ? el : el.locator(selector);
}

/** Sets an antd checkbox whose data-testid sits on the <input> or on its wrapper. */
export async function setCheckbox(page: Page, id: string, checked: boolean) {
  await (await inputOf(page, id, 'input[type="checkbox"]')).setChecked(checked);
}

/** The options of the open antd Select dropdown that contain `text`. */
export const dropdownOption = (page: Page, text: string | RegExp): Locator =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });

/**
 * Opens an antd Select (by its wrapper or its combobox), types to filter and picks the option with
 * exactly that label (or, with `exact: false`, the one containing it).
 */
export async function pickOption(page: Page, select: Locator, label: string, { exact = true } = {}) {
  await select.click();
  await page.keyboard.type(label);
  const option = dropdownOption(page, exact ? new RegExp(`^${label}$`) : label).first();
  await option.waitFor();
  // antd slides the dropdown in; a click during the animation can miss, so wait until it settles.
  await page.waitForFunction(
    "!document.querySelector('[class*=ant-slide-up-appear], [class*=ant-slide-up-enter]')",
  );
  await option.click();
}
