/**
 * Acceptance test of SLA 策略 (manual 5.3.3) and the SLA on tickets (9.3.11) in a real Chromium
 * against the real server: an admin creates a policy in the console (targets per priority, an
 * action before the first-response target); a new ticket then shows each target with the time left,
 * and once its deadline has been fired it shows red, in the ticket page and the list column. The
 * pages fit a phone; no browser console errors along the way.
 *
 * Needs the built console (`npm run build`) and Debian's chromium at /usr/bin/chromium.
 * With E2E_SHOTS=<dir> the list, the drawer and the ticket are saved there at 1440 and 375 px.
 */
import path from 'node:path';
import type { SlaPolicy, Ticket } from '@yidan/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fireDueSlaDeadlines } from '../apps/server/src/modules/sla/firing.js';
import { horizontalOverflow, useChromium } from './support/browser.js';
import { byTestId, pickOption, signIn } from './support/page.js';
import { useConsoleServer } from './support/server.js';

const server = useConsoleServer();
const { errors, openPage } = useChromium('sla');

const TITLE = 'VIP客户SLA';

async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  // Drawers slide in: wait until nothing moves (a string expression: no DOM lib here).
  await page.waitForFunction('document.getAnimations().length === 0');
  await page.screenshot({ path: path.join(dir, `sla-${name}.png`), fullPage: true });
}

describe('SLA 策略: created in the console, shown on tickets', () => {
  it('an admin creates a policy; a ticket shows its targets and turns red when breached', async () => {
    const page = await openPage('desktop', { width: 1440, height: 900 });
    await page.goto(server.baseUrl);
    await signIn(page);

    await byTestId(page, 'nav-sla-policies').click();
    await byTestId(page, 'sla-create').click();
    await byTestId(page, 'sla-form-title').fill(TITLE);
    await byTestId(page, 'sla-form-description').fill('紧急 15 分钟响应，2 小时解决');
    // 设置时限: 普通 — 首次响应 1 小时, 解决 8 小时; 紧急 — 首次响应 15 分钟.
    await byTestId(page, 'sla-target-normal-firstResponse-hours').fill('1');
    await byTestId(page, 'sla-target-normal-resolution-hours').fill('8');
    await byTestId(page, 'sla-target-urgent-firstResponse-minutes').fill('15');
    // 执行动作: 首次响应时限 之前 30 分钟 → 通知处理客服.
    await byTestId(page, 'sla-action-add').click();
    const action = byTestId(page, 'sla-action-0');
    await pickOption(page, action.locator('[data-testid="action-field-0"]'), '通知：向客服发送系统消息');
    await action
      .getByPlaceholder('通知标题，如 VIP 工单 #{{ticket.number}}')
      .fill('工单 #{{ticket.number}} 即将超时');
    await byTestId(page, 'sla-form-submit').click();
    await byTestId(page, `sla-row-${TITLE}`).waitFor();
    await byTestId(page, 'sla-form-submit').waitFor({ state: 'hidden' });
    await shot(page, 'list-1440');
    await byTestId(page, `sla-edit-${TITLE}`).click();
    await byTestId(page, 'sla-action-0').waitFor();
    await shot(page, 'drawer-1440');
    await page.keyboard.press('Escape');

    const policies = await server.adminApi<{ items: SlaPolicy[] }>('GET', '/api/v1/sla-policies');
    expect(policies.items.find((p) => p.title === TITLE)).toMatchObject({
      businessHours: true,
      pauseOnPending: true,
      targets: { normal: { firstResponse: 60, resolution: 480 }, urgent: { firstResponse: 15 } },
      actions: [
        {
          metric: 'firstResponse',
          offsetMinutes: -30,
          actions: [
            { field: 'notify.agent', value: { to: ['assignee'], title: '工单 #{{ticket.number}} 即将超时' } },
          ],
        },
      ],
    });

    // A calendar-hours twin, so the deadlines below do not depend on today's business hours.
    const policy = policies.items.find((p) => p.title === TITLE)!;
    await server.adminApi('PATCH', `/api/v1/sla-policies/${policy.id}`, { businessHours: false });
    const ticket = await server.adminApi<Ticket>('POST', '/api/v1/tickets', { subject: '凭证无法过账' });
    expect(ticket.sla?.policyTitle).toBe(TITLE);
    await page.goto(`${server.baseUrl}/tickets/${ticket.id}`);
    const first = byTestId(page, 'ticket-sla-firstResponse');
    await first.waitFor();
    expect(await first.getAttribute('data-state')).toBe('running');
    expect(await first.textContent()).toContain('目标 1小时');
    await shot(page, 'ticket-1440');

    // Two hours on, the scheduler fires the first response: the breach shows red.
    await fireDueSlaDeadlines(server.running.deps, new Date(Date.now() + 2 * 3600_000));
    const fired = await server.adminApi<Ticket>('GET', `/api/v1/tickets/${ticket.id}`);
    expect(fired.sla?.breached).toEqual(['firstResponse']);
    await page.reload();
    await first.waitFor();
    expect(await first.getAttribute('data-breached')).toBe('true');
    await shot(page, 'ticket-breached-1440');

    // The list column shows the nearest deadline (a view with the SLA column).
    const view = await server.adminApi<{ id: string }>('POST', '/api/v1/ticket-views', {
      name: 'SLA 视图',
      conditions: { all: [], any: [] },
      columns: ['number', 'subject', 'slaDueAt'],
      sort: { field: 'slaDueAt', direction: 'asc' },
    });
    await page.goto(`${server.baseUrl}/tickets?view=${view.id}`);
    await byTestId(page, 'sla-remaining').first().waitFor();
    expect(await byTestId(page, 'sla-remaining').first().getAttribute('data-breached')).toBe('true');
    await shot(page, 'tickets-1440');

    // A phone: the policy list, the drawer and the ticket fit the screen.
    const phone = await openPage('phone', { width: 375, height: 740 });
    await phone.goto(`${server.baseUrl}/settings/sla-policies`);
    await signIn(phone);
    await byTestId(phone, `sla-row-${TITLE}`).waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'list-375');
    await byTestId(phone, `sla-edit-${TITLE}`).click();
    await byTestId(phone, 'sla-action-0').waitFor();
    await shot(phone, 'drawer-375');
    await phone.goto(`${server.baseUrl}/tickets/${ticket.id}`);
    await byTestId(phone, 'ticket-sla').waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'ticket-375');

    expect(errors.list).toEqual([]);
  });
});
