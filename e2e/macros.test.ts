/**
 * Acceptance test of 宏 (manual 5.1.6.3) in a real Chromium against the real server: an admin
 * creates "远程协助完成" (用户触发: 优先级 紧急 and a reply with placeholders) in the console; on a ticket
 * the agent clicks it, the form and the reply box fill, nothing is saved until the reply is sent —
 * then the priority and the rendered reply are saved. A 工单提交 macro that blocks solving without a
 * version stops the fields' save with its message. The list, the drawer and the ticket page fit a
 * phone. No browser console errors along the way other than the refused save.
 *
 * Needs the built console (`npm run build`) and Debian's chromium at /usr/bin/chromium.
 * With E2E_SHOTS=<dir> the pages are saved there at 1440 and 375 px.
 */
import path from 'node:path';
import type { Macro, Ticket, TicketEvent } from '@yidan/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, useChromium } from './support/browser.js';
import { byTestId, pickOption, signIn } from './support/page.js';
import { useConsoleServer } from './support/server.js';

const server = useConsoleServer();
const { errors, openPage } = useChromium('macros');

const TITLE = '远程协助完成';

async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  await page.waitForFunction('document.getAnimations().length === 0');
  await page.screenshot({ path: path.join(dir, `macros-${name}.png`), fullPage: true });
}

describe('宏: made in the console, applied in the ticket form', () => {
  let ticket: Ticket;

  it('an admin creates a macro; an agent applies it, and only sending the reply saves it', async () => {
    const company = await server.adminApi<{ primaryContact: { id: number } }>('POST', '/api/v1/companies', {
      name: '北京畅捷通代理商',
      contacts: [{ name: '王会计', mobile: '13800138011' }],
    });
    ticket = await server.adminApi<Ticket>('POST', '/api/v1/tickets', {
      subject: 'T+ 无法登录',
      contactId: company.primaryContact.id,
    });

    const page = await openPage('desktop', { width: 1440, height: 900 });
    await page.goto(server.baseUrl);
    await signIn(page);
    await byTestId(page, 'nav-macros').click();
    await byTestId(page, 'macro-create').click();
    await byTestId(page, 'macro-form-title').fill(TITLE);
    await byTestId(page, 'macro-form-description').fill('远程解决后一键填写回复');
    await pickOption(page, byTestId(page, 'macro-action-field-0'), '优先级');
    await pickOption(page, byTestId(page, 'macro-action-value-0'), '紧急');
    await byTestId(page, 'macro-actions-add').click();
    await pickOption(page, byTestId(page, 'macro-action-field-1'), '回复内容');
    await byTestId(page, 'macro-action-value-1').fill(
      '{{contact.name}}您好，工单 #{{ticket.number}} 已通过远程协助解决。',
    );
    await shot(page, 'drawer-1440');
    await byTestId(page, 'macro-form-submit').click();
    await byTestId(page, `macro-row-${TITLE}`).waitFor();
    await byTestId(page, 'macro-form-submit').waitFor({ state: 'hidden' });
    await shot(page, 'list-1440');

    const macros = await server.adminApi<{ items: Macro[] }>('GET', '/api/v1/macros');
    expect(macros.items.find((m) => m.title === TITLE)).toMatchObject({
      mode: 'manual',
      enabled: true,
      actions: [
        { field: 'ticket.priority', value: 'urgent' },
        { field: 'reply.text', value: '{{contact.name}}您好，工单 #{{ticket.number}} 已通过远程协助解决。' },
      ],
      visibility: { scope: 'all' },
    });

    // In the ticket: the button fills the priority and the reply box; nothing is saved yet.
    await page.goto(`${server.baseUrl}/tickets/${ticket.id}`);
    await byTestId(page, `macro-run-${TITLE}`).click();
    const reply = `王会计您好，工单 #${ticket.number} 已通过远程协助解决。`;
    await expect.poll(() => byTestId(page, 'ticket-reply-body').inputValue()).toBe(reply);
    await byTestId(page, 'ticket-field-priority').getByText('紧急').waitFor();
    await shot(page, 'ticket-1440');
    expect((await server.adminApi<Ticket>('GET', `/api/v1/tickets/${ticket.id}`)).priority).toBe('normal');

    // Sending the reply submits the form with it.
    await byTestId(page, 'ticket-reply-send').click();
    await expect.poll(() => byTestId(page, 'ticket-reply-body').inputValue()).toBe('');
    await expect
      .poll(async () => (await server.adminApi<Ticket>('GET', `/api/v1/tickets/${ticket.id}`)).priority)
      .toBe('urgent');
    const timeline = await server.adminApi<{ items: TicketEvent[] }>(
      'GET',
      `/api/v1/tickets/${ticket.id}/timeline`,
    );
    expect(timeline.items.find((e) => e.kind === 'comment')).toMatchObject({
      public: true,
      body: reply,
    });
    expect(errors.list, 'browser console errors').toEqual([]);
  });

  it('a 工单提交 macro stops the save with its message', async () => {
    await server.adminApi('POST', '/api/v1/macros', {
      title: '解决前须填写处理结果',
      mode: 'submit',
      conditions: {
        all: [
          { field: 'ticket.status', op: 'is', value: 'solved' },
          { field: 'ticket.tags', op: 'includes_none', value: ['已回访'] },
        ],
        any: [],
      },
      actions: [{ field: 'submit.block', value: '工单 #{{ticket.number}} 还没有回访，不能标记为已解决' }],
    });
    const page = await openPage('submit', { width: 1440, height: 900 });
    await page.goto(server.baseUrl);
    await signIn(page);
    await page.goto(`${server.baseUrl}/tickets/${ticket.id}`);
    await pickOption(page, byTestId(page, 'ticket-field-status'), '已解决');
    await byTestId(page, 'ticket-fields-save').click();
    const message = byTestId(page, 'macro-block-message');
    await message.waitFor();
    expect(await message.textContent()).toBe(`工单 #${ticket.number} 还没有回访，不能标记为已解决`);
    await shot(page, 'blocked-1440');
    expect((await server.adminApi<Ticket>('GET', `/api/v1/tickets/${ticket.id}`)).status).not.toBe('solved');
    expect(errors.list, 'browser console errors').toEqual([]);
  });

  it('fits a phone: the list, the drawer and the ticket page', async () => {
    const phone = await openPage('phone', { width: 375, height: 812 });
    await phone.goto(server.baseUrl);
    await signIn(phone);
    await phone.goto(`${server.baseUrl}/settings/macros`);
    await byTestId(phone, `macro-row-${TITLE}`).waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'list-375');
    await byTestId(phone, `macro-edit-${TITLE}`).click();
    await byTestId(phone, 'macro-action-value-0').waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'drawer-375');
    await phone.goto(`${server.baseUrl}/tickets/${ticket.id}`);
    // The fields sit in a folded panel on phones; the macro still fills them and the reply box.
    await byTestId(phone, `macro-run-${TITLE}`).click();
    await expect
      .poll(() => byTestId(phone, 'ticket-reply-body').inputValue())
      .toBe(`王会计您好，工单 #${ticket.number} 已通过远程协助解决。`);
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'ticket-375');
    expect(errors.list, 'browser console errors').toEqual([]);
  });
});
