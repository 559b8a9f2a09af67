/**
 * Acceptance test of 外部目标 (manual 5.2.19) in a real Chromium against the real server: an admin
 * creates a target pointing at a local HTTP receiver (standing in for the dealer's ERP), presses
 * 测试 and sees the status code the receiver answered; the call is in the target's 发送记录, and a
 * failed one can be sent again with 重试. A trigger calling the target opens in the trigger editor
 * and saves back unchanged. The pages fit a phone. No browser console errors along the way.
 *
 * Needs the built console (`npm run build`) and Debian's chromium at /usr/bin/chromium.
 * With E2E_SHOTS=<dir> the pages are saved there at 1440 and 375 px.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { OutboxEntry, Trigger } from '@yidan/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, useChromium } from './support/browser.js';
import { byTestId, pickOption, signIn } from './support/page.js';
import { useConsoleServer } from './support/server.js';

const server = useConsoleServer();
const { errors, openPage } = useChromium('targets');

const TITLE = '经销商ERP';
let erp: http.Server;
let erpUrl = '';
let answer = 201;
const received: { method: string; body: string; key: string }[] = [];

beforeAll(async () => {
  erp = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ method: req.method ?? '', body, key: String(req.headers['idempotency-key'] ?? '') });
      res.writeHead(answer, { 'content-type': 'application/json' });
      res.end(answer < 300 ? '{"erpId":"E-1001"}' : '{"error":"maintenance"}');
    });
  });
  await new Promise<void>((resolve) => erp.listen(0, '127.0.0.1', resolve));
  erpUrl = `http://127.0.0.1:${(erp.address() as AddressInfo).port}/api/tickets`;
});
afterAll(async () => {
  erp.closeAllConnections();
  await new Promise((resolve) => erp.close(resolve));
});

async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  await page.waitForFunction('document.getAnimations().length === 0');
  await page.screenshot({ path: path.join(dir, `targets-${name}.png`), fullPage: true });
}

describe('外部目标: created in the console and tested', () => {
  it('an admin creates a target, presses 测试 and sees the status code', async () => {
    const page = await openPage('desktop', { width: 1440, height: 1000 });
    await page.goto(server.baseUrl);
    await signIn(page);

    await byTestId(page, 'nav-targets').click();
    await byTestId(page, 'target-create').click();
    await byTestId(page, 'target-form-title').fill(TITLE);
    await byTestId(page, 'target-form-url').fill(erpUrl);
    await pickOption(page, byTestId(page, 'target-form-method'), 'PUT');
    await byTestId(page, 'target-form-add-header').click();
    await page.getByRole('textbox', { name: '名称' }).fill('X-Erp-Source');
    await page.getByRole('textbox', { name: '值', exact: true }).fill('yidan');
    await pickOption(page, byTestId(page, 'target-form-auth'), '基本身份认证（用户名、密码）');
    // antd names each input after its field (auth.username → #auth_username).
    await page.locator('#auth_username').fill('erp');
    await page.locator('#auth_password').fill('erp-secret');
    // 测试 needs a saved target.
    await expect(byTestId(page, 'target-form-test').isDisabled()).resolves.toBe(true);
    await byTestId(page, 'target-form-submit').click();
    await byTestId(page, `target-row-${TITLE}`).waitFor();
    await byTestId(page, 'target-form-submit').waitFor({ state: 'hidden' });
    await shot(page, 'list-1440');

    await byTestId(page, `target-edit-${TITLE}`).click();
    await byTestId(page, 'target-form-test').click();
    await expect(byTestId(page, 'target-test-status').textContent()).resolves.toBe('201');
    await byTestId(page, 'target-test-result').getByText('E-1001').waitFor();
    await shot(page, 'drawer-tested-1440');
    const call = received.at(-1)!;
    expect(call.method).toBe('PUT');
    expect(JSON.parse(call.body)).toEqual({
      ticket: { number: 10086, subject: '示例工单：凭证无法打印', status: '处理中' },
    });

    // A receiver answering 503: the result says so, and the call can be sent again from the log.
    answer = 503;
    await byTestId(page, 'target-form-test').click();
    await byTestId(page, 'target-test-status').getByText('503').waitFor();
    answer = 201;
    await page.keyboard.press('Escape');
    await byTestId(page, 'target-form-submit').waitFor({ state: 'hidden' });
    await byTestId(page, `target-log-${TITLE}`).click();
    const table = byTestId(page, 'outbox-table');
    await table.getByText('失败').waitFor();
    await expect(table.getByText('已送达').count()).resolves.toBe(1);
    await shot(page, 'deliveries-1440');
    const [failed] = (
      await server.adminApi<{ items: OutboxEntry[] }>('GET', '/api/v1/outbox?channel=webhook&status=failed')
    ).items;
    await byTestId(page, `outbox-retry-${failed!.id}`).click();
    await byTestId(page, `outbox-status-${failed!.id}`).getByText('等待发送').waitFor();
    expect(errors.list, 'browser console errors').toEqual([]);
  });

  it('a trigger calling the target and messaging the customer opens in the editor and saves back unchanged', async () => {
    const targets = await server.adminApi<{ items: { id: number; title: string }[] }>(
      'GET',
      '/api/v1/targets',
    );
    const target = targets.items.find((x) => x.title === TITLE)!;
    const actions = [
      { field: 'target', value: { targetId: target.id } },
      { field: 'notify.customer.sms', value: { body: '您的工单 #{{ticket.number}} 已受理' } },
      { field: 'notify.customer.email', value: { subject: '工单已解决', body: '{{contact.name}}，您好' } },
    ];
    const created = await server.adminApi<Trigger>('POST', '/api/v1/triggers', {
      title: '解决后同步ERP',
      conditions: { all: [{ field: 'ticket.status', op: 'changed_to', value: 'solved' }], any: [] },
      actions,
    });
    const page = await openPage('trigger', { width: 1440, height: 1000 });
    await page.goto(server.baseUrl);
    await signIn(page);
    await page.goto(`${server.baseUrl}/settings/triggers`);
    await byTestId(page, 'trigger-edit-解决后同步ERP').click();
    await byTestId(page, 'trigger-actions').getByText(TITLE).waitFor();
    await shot(page, 'trigger-drawer-1440');
    await byTestId(page, 'trigger-form-submit').click();
    await byTestId(page, 'trigger-form-submit').waitFor({ state: 'hidden' });
    const saved = await server.adminApi<Trigger>('GET', `/api/v1/triggers/${created.id}`);
    expect(saved.actions).toEqual(actions);

    // The messages wait in the outbox (this server runs no jobs) and show in 客户通知记录.
    const company = await server.adminApi<{ primaryContact: { id: number } }>('POST', '/api/v1/companies', {
      name: '杭州某某财务',
      contacts: [{ name: '李会计', mobile: '13800138001', email: 'li@example.com' }],
    });
    const ticket = await server.adminApi<{ id: number }>('POST', '/api/v1/tickets', {
      subject: '凭证无法打印',
      contactId: company.primaryContact.id,
    });
    await server.adminApi('PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'solved' });
    await byTestId(page, 'nav-customer-messages').click();
    await byTestId(page, 'outbox-table').getByText('13800138001').waitFor();
    await shot(page, 'messages-1440');
    expect(errors.list, 'browser console errors').toEqual([]);
  });

  it('the list, the form and the log fit a phone', async () => {
    const phone = await openPage('phone', { width: 375, height: 812 });
    await phone.goto(server.baseUrl);
    await signIn(phone);
    await phone.goto(`${server.baseUrl}/settings/targets`);
    await byTestId(phone, `target-row-${TITLE}`).waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'list-375');
    await byTestId(phone, `target-edit-${TITLE}`).click();
    await byTestId(phone, 'target-form-test').click();
    await byTestId(phone, 'target-test-status').waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'drawer-375');
    await phone.keyboard.press('Escape');
    await byTestId(phone, 'target-form-submit').waitFor({ state: 'hidden' });
    await byTestId(phone, `target-log-${TITLE}`).click();
    await byTestId(phone, 'outbox-table').waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'deliveries-375');
    await phone.goto(`${server.baseUrl}/settings/customer-messages`);
    await byTestId(phone, 'outbox-table').waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'messages-375');
    expect(errors.list, 'browser console errors').toEqual([]);
  });
});
