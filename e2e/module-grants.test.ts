/**
 * Acceptance test of the console's access rules, in a real Chromium against the real server:
 * an admin creates a group and an agent granted only 工单 (ticket) in it; that agent then sees
 * 首页 and 工单 in the navigation and neither 在线客服, 呼叫中心 nor 设置. No browser console errors
 * along the way, and at 375 px the login page and the home page do not scroll sideways.
 *
 * Needs the built console (`npm run build`) and Debian's chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, useChromium } from './support/browser.js';
import { byTestId, pickOption, setCheckbox, signIn } from './support/page.js';
import { useConsoleServer, VENDOR_KEY } from './support/server.js';

const server = useConsoleServer();
const { errors, openPage } = useChromium('module-grants');

/** Opens a navigation entry, expanding the 设置 submenu first when the entry is inside it. */
async function navigate(page: Page, id: string) {
  const item = byTestId(page, id);
  if (!(await item.isVisible())) await byTestId(page, 'nav-settings').click();
  await item.click();
}

describe('console navigation follows the module grants', () => {
  it('an agent granted only 工单 sees 首页 and 工单, not 在线客服, 呼叫中心 or 设置', async () => {
    const stamp = Date.now().toString(36);
    const groupName = `售后组${stamp}`;
    const account = `ticketonly${stamp}`;
    const agentPassword = 'agent-pass-1234';

    // Admin signs in.
    const page = await openPage('desktop', { width: 1280, height: 800 });
    await page.goto(server.baseUrl);
    await signIn(page);
    await byTestId(page, 'nav-home').waitFor();

    // Creates a group.
    await navigate(page, 'nav-groups');
    await byTestId(page, 'group-create').click();
    await byTestId(page, 'group-form-name').fill(groupName);
    await byTestId(page, 'group-form-submit').click();
    await byTestId(page, 'group-form-submit').waitFor({ state: 'hidden' });
    const groups = await server.adminApi<{ items: { id: number; name: string }[] }>('GET', '/api/v1/groups');
    const group = groups.items.find((g) => g.name === groupName);
    expect(group, `group ${groupName} was not created`).toBeDefined();

    // Creates an agent with only the 工单 grant, in that group.
    await navigate(page, 'nav-agents');
    await byTestId(page, 'agent-create').click();
    await byTestId(page, 'agent-form-account').fill(account);
    await byTestId(page, 'agent-form-name').fill('工单专员');
    await byTestId(page, 'agent-form-password').fill(agentPassword);
    await setCheckbox(page, 'agent-form-grants-chat', false);
    await setCheckbox(page, 'agent-form-grants-ticket', true);
    await setCheckbox(page, 'agent-form-grants-call', false);
    await pickOption(page, byTestId(page, 'agent-form-groups'), groupName, { exact: false });
    await page.keyboard.press('Escape');
    await byTestId(page, 'agent-form-submit').click();
    await byTestId(page, 'agent-form-submit').waitFor({ state: 'hidden' });
    const agents = await server.adminApi<{
      items: { account: string; grants: string[]; groupIds: number[] }[];
    }>('GET', `/api/v1/agents?q=${encodeURIComponent(account)}`);
    const agent = agents.items.find((a) => a.account === account);
    expect(agent, `agent ${account} was not created`).toBeDefined();
    expect(agent!.grants).toEqual(['ticket']);
    expect(agent!.groupIds).toEqual([group!.id]);

    // Admin signs out.
    await byTestId(page, 'user-menu').click();
    await byTestId(page, 'menu-logout').click();
    await byTestId(page, 'login-account').waitFor();

    // The agent signs in (with the vendor key) and sees only what the grant allows.
    await signIn(page, account, agentPassword, VENDOR_KEY);
    await byTestId(page, 'nav-home').waitFor();
    await byTestId(page, 'nav-ticket').waitFor();
    expect(await byTestId(page, 'nav-home').isVisible()).toBe(true);
    expect(await byTestId(page, 'nav-ticket').isVisible()).toBe(true);
    for (const hidden of ['nav-chat', 'nav-call', 'nav-settings', 'nav-agents', 'nav-groups']) {
      expect(await byTestId(page, hidden).count(), `${hidden} is shown to a ticket-only agent`).toBe(0);
    }

    // Phone width: the login page and the home page fit 375 px.
    const phone = await openPage('375px', { width: 375, height: 812 });
    await phone.goto(server.baseUrl);
    await byTestId(phone, 'login-account').waitFor();
    await phone.waitForLoadState('networkidle');
    expect(await horizontalOverflow(phone), 'login page at 375 px').toMatchObject({ overflow: 0 });
    await signIn(phone, account, agentPassword, VENDOR_KEY);
    await byTestId(phone, 'nav-toggle').waitFor();
    await phone.waitForLoadState('networkidle');
    expect(await horizontalOverflow(phone), 'home page at 375 px').toMatchObject({ overflow: 0 });
    // The phone menu (a drawer) follows the same rules.
    await byTestId(phone, 'nav-toggle').click();
    await byTestId(phone, 'nav-ticket').waitFor();
    expect(await byTestId(phone, 'nav-chat').count()).toBe(0);

    expect(errors.list, 'browser console errors').toEqual([]);
  }, 120_000);
});
