/**
 * Acceptance test of the ticket workspace in a real Chromium against the real server: from a
 * contact's page an admin opens 新建工单 (the contact's open ticket is offered as 关联到原工单),
 * creates a ticket, replies publicly with an attachment, adds an internal note, reassigns it to an available agent
 * with a note, and sees all of it in the timeline (also filtered). It merges the contact's older ticket
 * into it, splits it into two children and opens its print preview. In the list j/k move the
 * selection, Enter opens the ticket and Esc goes back. A phone-sized window shows the list as cards
 * and the ticket full-screen. No browser console errors along the way.
 *
 * Needs the built console (`npm run build`) and Debian's chromium at /usr/bin/chromium.
 * With SHOTS_DIR set, screenshots of the list and the ticket (1440 px and 375 px) are saved there.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, useChromium } from './support/browser.js';
import { byTestId, dropdownOption, signIn } from './support/page.js';
import { useConsoleServer } from './support/server.js';

const server = useConsoleServer();
const { errors, openPage } = useChromium('tickets');
const SHOTS_DIR = process.env.SHOTS_DIR;

/** The viewport as the agent sees it (a full-page shot would misplace the sticky header and menu). */
async function shot(page: Page, name: string) {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.waitForTimeout(400); // let antd's enter animations and toasts settle
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

/**
 * Picks an option of an antd Select: a searchable one by typing and Enter (the first match is
 * active), a plain one by clicking the option. Then checks the Select shows it.
 */
async function pick(page: Page, testId: string, text: string, searchable = false) {
  await byTestId(page, testId).click();
  const option = dropdownOption(page, text).first();
  if (searchable) {
    await page.keyboard.type(text);
    await option.waitFor();
    await page.keyboard.press('Enter');
  } else {
    // antd slides the dropdown in; a click during the animation can miss, so wait until it settles.
    await option.waitFor();
    await page.waitForFunction(
      "!document.querySelector('[class*=ant-slide-up-appear], [class*=ant-slide-up-enter]')",
    );
    await option.click();
  }
  await expect.poll(() => byTestId(page, testId).textContent()).toContain(text);
}

interface Ticket {
  id: number;
  number: number;
  subject: string;
  priority: string;
  assigneeId: number | null;
}

describe('工单工作台: create, reply, note, reassign, timeline, keyboard', () => {
  it('an admin works a ticket from a customer page to reassignment and moves through the list by keyboard', async () => {
    const stamp = Date.now().toString().slice(-6);
    const company = await server.adminApi<{ id: number; name: string }>('POST', '/api/v1/companies', {
      name: `北京云帆科技${stamp}`,
      contacts: [{ name: `陈晓${stamp.slice(-2)}`, mobile: `1380000${stamp.slice(-4)}` }],
    });
    const contacts = await server.adminApi<{ items: { id: number; name: string }[] }>(
      'GET',
      `/api/v1/contacts?companyId=${company.id}`,
    );
    const contact = contacts.items[0]!;
    const agentName = `李客服${stamp.slice(-3)}`;
    const agent = await server.adminApi<{ id: number }>('POST', '/api/v1/agents', {
      account: `li${stamp}`,
      name: agentName,
      password: 'agent-password-1',
      grants: ['ticket'],
    });
    // The contact already has an unresolved ticket; two more tickets give the list something to walk.
    const existing = await server.adminApi<Ticket>('POST', '/api/v1/tickets', {
      subject: `U8 凭证无法过账 ${stamp}`,
      contactId: contact.id,
    });
    for (const subject of [`打印机驱动 ${stamp}`, `年结咨询 ${stamp}`]) {
      await server.adminApi('POST', '/api/v1/tickets', { subject, companyId: company.id });
    }

    const page = await openPage('desktop', { width: 1440, height: 900 });
    await page.goto(server.baseUrl);
    await signIn(page);

    // 新建工单 from the contact's page: the drawer knows the contact and offers the open ticket.
    await page.goto(`${server.baseUrl}/customers/contacts/${contact.id}`);
    await byTestId(page, 'contact-title').waitFor();
    await byTestId(page, 'customer-new-ticket').click();
    await byTestId(page, 'ticket-open-tickets').getByText(existing.subject).waitFor();
    await byTestId(page, `ticket-link-open-${existing.id}`).waitFor();
    const subject = `金蝶 K3 登录提示服务到期 ${stamp}`;
    await byTestId(page, 'ticket-form-subject').fill(subject);
    await byTestId(page, 'ticket-form-description').fill(
      '客户反映今天上午开始无法登录。\n提示：服务已到期。',
    );
    await pick(page, 'ticket-form-priority', '高');
    await shot(page, 'ticket-create-1440');
    await byTestId(page, 'ticket-form-submit').click();
    await byTestId(page, 'ticket-title').filter({ hasText: subject }).waitFor();
    await page.waitForURL(/\/tickets\/\d+$/);
    const ticketId = Number(page.url().split('/').pop());
    await byTestId(page, 'ticket-customer').getByText(contact.name).waitFor();
    await byTestId(page, 'timeline-event-created').waitFor();

    // 公开回复.
    await byTestId(page, 'ticket-reply-body').fill('您好，已为您延长服务期，请重新登录试试。');
    await byTestId(page, 'ticket-reply-attachments')
      .locator('input[type="file"]')
      .setInputFiles({ name: '操作说明.txt', mimeType: 'text/plain', buffer: Buffer.from('重新登录即可。') });
    await page.locator('.ant-upload-list-item-done', { hasText: '操作说明.txt' }).waitFor();
    await byTestId(page, 'ticket-reply-send').click();
    await byTestId(page, 'ticket-timeline').getByText('已为您延长服务期').waitFor();
    await byTestId(page, 'ticket-timeline').getByRole('link', { name: '操作说明.txt' }).waitFor();

    // 内部注释.
    await byTestId(page, 'ticket-reply-mode').getByText('内部注释').click();
    await byTestId(page, 'ticket-reply-body').fill('服务期是销售那边漏续了，已提醒。');
    await byTestId(page, 'ticket-reply-send').click();
    await byTestId(page, 'ticket-timeline').getByText('销售那边漏续了').waitFor();

    // 记录服务: a phone call handled outside Yidan lands in the timeline and in the customer's records.
    await byTestId(page, 'ticket-more').click();
    await page.getByRole('menuitem', { name: /记录服务/ }).click();
    await byTestId(page, 'record-summary').fill('电话指导客户重新注册加密狗');
    await byTestId(page, 'record-submit').click();
    await byTestId(page, 'ticket-timeline').getByText('电话指导客户重新注册加密狗').waitFor();
    const records = await server.adminApi<{ items: { channel: string; summary: string }[] }>(
      'GET',
      `/api/v1/service-records?companyId=${company.id}`,
    );
    expect(records.items).toContainEqual(
      expect.objectContaining({ channel: 'call', summary: '电话指导客户重新注册加密狗' }),
    );

    // 流转 to an available agent, with a note.
    await byTestId(page, 'ticket-reassign').click();
    await pick(page, 'reassign-agent', agentName, true);
    await byTestId(page, 'reassign-note').fill('转给李客服跟进续费');
    await byTestId(page, 'reassign-submit').click();
    await byTestId(page, 'ticket-assignee').filter({ hasText: agentName }).waitFor();
    const changes = byTestId(page, 'ticket-timeline').locator('[data-testid="timeline-event-updated"]');
    await changes.getByText(`受理客服：空 → ${agentName}`).waitFor();
    await changes.getByText('转给李客服跟进续费').waitFor();
    await shot(page, 'ticket-detail-1440');
    await byTestId(page, 'ticket-timeline').scrollIntoViewIfNeeded();
    await shot(page, 'ticket-detail-1440-timeline');

    // The server agrees.
    const saved = await server.adminApi<Ticket>('GET', `/api/v1/tickets/${ticketId}`);
    expect(saved.assigneeId).toBe(agent.id);

    // Timeline filters: internal notes only, then the changes only.
    await byTestId(page, 'timeline-filter').getByText('内部注释').click();
    await byTestId(page, 'ticket-timeline').getByText('销售那边漏续了').waitFor();
    await expect.poll(() => byTestId(page, 'ticket-timeline').getByText('已为您延长服务期').count()).toBe(0);
    await byTestId(page, 'timeline-filter').getByText('修改记录').click();
    await changes.first().waitFor();
    await expect.poll(() => byTestId(page, 'timeline-event-comment').count()).toBe(0);

    // The list: all unresolved tickets; j/k move the highlighted row, Enter opens, Esc returns.
    await byTestId(page, 'nav-ticket').click();
    await byTestId(page, 'ticket-view-sys:unresolved').click();
    await byTestId(page, `ticket-row-${ticketId}`).waitFor();
    await expect.poll(() => page.locator('[data-testid^="ticket-row-"]').count()).toBe(4);
    const active = page.locator('[data-testid^="ticket-row-"][data-active="true"]');
    const first = await active.getAttribute('data-testid');
    await page.keyboard.press('j');
    await expect.poll(() => active.getAttribute('data-testid')).not.toBe(first);
    const second = await active.getAttribute('data-testid');
    await page.keyboard.press('k');
    await expect.poll(() => active.getAttribute('data-testid')).toBe(first);
    await page.keyboard.press('j');
    await expect.poll(() => active.getAttribute('data-testid')).toBe(second);
    await shot(page, 'ticket-list-1440');
    await page.keyboard.press('Enter');
    const secondId = Number(second!.replace('ticket-row-', ''));
    await page.waitForURL(`**/tickets/${secondId}`);
    await byTestId(page, 'ticket-title').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/tickets\?view=sys%3Aunresolved|\/tickets\?view=sys:unresolved/);
    await byTestId(page, `ticket-row-${ticketId}`).waitFor();

    // 批量编辑 of the two company tickets: priority 紧急 and a reply, with a result per ticket.
    const companyTickets = await server.adminApi<{ items: Ticket[] }>(
      'GET',
      `/api/v1/tickets?companyId=${company.id}&unresolved=true`,
    );
    const batchIds = companyTickets.items
      .filter((x) => x.id !== ticketId && x.id !== existing.id)
      .map((x) => x.id);
    expect(batchIds).toHaveLength(2);
    for (const id of batchIds)
      await byTestId(page, `ticket-row-${id}`).locator('input[type="checkbox"]').check();
    await byTestId(page, 'ticket-batch-edit').click();
    await pick(page, 'batch-priority', '紧急');
    await byTestId(page, 'batch-reply').fill('已安排工程师统一处理。');
    await byTestId(page, 'batch-submit').click();
    await byTestId(page, 'batch-summary').filter({ hasText: '成功 2 张，失败 0 张' }).waitFor();
    await shot(page, 'ticket-batch-1440');
    await byTestId(page, 'batch-close').click();
    await byTestId(page, 'batch-summary').waitFor({ state: 'hidden' });
    for (const id of batchIds) {
      const t = await server.adminApi<Ticket>('GET', `/api/v1/tickets/${id}`);
      expect(t.priority).toBe('urgent');
    }

    // '?' shows the shortcuts.
    await page.keyboard.press('?');
    await byTestId(page, 'ticket-shortcuts').waitFor();
    await page.keyboard.press('Escape');
    await byTestId(page, 'ticket-shortcuts').waitFor({ state: 'hidden' });

    // 合并: the contact's older ticket goes into the new one; the target's timeline says so.
    await page.goto(`${server.baseUrl}/tickets/${existing.id}`);
    await byTestId(page, 'ticket-title').filter({ hasText: existing.subject }).waitFor();
    await byTestId(page, 'ticket-more').click();
    await page.locator('.ant-dropdown:visible').getByText('合并到…').click();
    await pick(page, 'merge-target', `#${saved.number}`, true);
    await shot(page, 'ticket-merge-1440');
    await byTestId(page, 'merge-submit').click();
    await page.waitForURL(`**/tickets/${ticketId}`);
    await byTestId(page, 'timeline-event-merged_from').waitFor();

    // 拆单 into two children: the server knows them and the parent's timeline names them.
    await byTestId(page, 'ticket-more').click();
    await page.getByRole('menuitem', { name: /拆单/ }).click();
    await byTestId(page, 'split-subject-0').fill(`延长服务期 ${stamp}`);
    await byTestId(page, 'split-add').click();
    await byTestId(page, 'split-subject-1').fill(`补开发票 ${stamp}`);
    await shot(page, 'ticket-split-1440');
    await byTestId(page, 'split-submit').click();
    await byTestId(page, 'split-subject-0').waitFor({ state: 'hidden' });
    const splitEvent = byTestId(page, 'timeline-event-split');
    await splitEvent.waitFor();
    const parent = await server.adminApi<Ticket & { childIds: number[] }>(
      'GET',
      `/api/v1/tickets/${ticketId}`,
    );
    expect(parent.childIds).toHaveLength(2);
    const children = await Promise.all(
      parent.childIds.map((id) => server.adminApi<Ticket>('GET', `/api/v1/tickets/${id}`)),
    );
    expect(children.map((c) => c.subject).sort()).toEqual(
      [`延长服务期 ${stamp}`, `补开发票 ${stamp}`].sort(),
    );
    for (const child of children) await splitEvent.getByText(`#${child.number}`).waitFor();

    // 打印: a pop-up with the ticket rendered by the print template (window.print is stubbed so a
    // print dialog cannot hold up headless Chromium).
    await page.context().addInitScript('window.print = () => {};'); // a string: no DOM lib here
    const [popup] = await Promise.all([page.waitForEvent('popup'), byTestId(page, 'ticket-print').click()]);
    await popup.locator('h1', { hasText: subject }).waitFor();
    await expect.poll(() => popup.locator('body').textContent()).toContain(`#${saved.number}`);
    await popup.close();

    // A phone: cards, then the ticket full-screen with the panels folded away.
    const phone = await openPage('phone', { width: 375, height: 812 });
    await phone.goto(server.baseUrl);
    await signIn(phone);
    await phone.goto(`${server.baseUrl}/tickets?view=sys:unresolved`);
    await byTestId(phone, `ticket-card-${ticketId}`).waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'ticket-list-375');
    await byTestId(phone, 'ticket-create').click();
    await byTestId(phone, 'ticket-form-subject').waitFor();
    await shot(phone, 'ticket-create-375');
    await phone.keyboard.press('Escape');
    await byTestId(phone, 'ticket-form-subject').waitFor({ state: 'hidden' });
    await byTestId(phone, `ticket-card-${ticketId}`).click();
    await byTestId(phone, 'ticket-title').filter({ hasText: subject }).waitFor();
    await byTestId(phone, 'ticket-panels').waitFor();
    await byTestId(phone, 'ticket-timeline').getByText('已为您延长服务期').waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'ticket-detail-375');
    await byTestId(phone, 'ticket-panels').getByText('工单属性').click();
    await byTestId(phone, 'ticket-fields').waitFor();
    await shot(phone, 'ticket-detail-375-fields');
    await byTestId(phone, 'ticket-timeline').scrollIntoViewIfNeeded();
    await shot(phone, 'ticket-detail-375-timeline');

    expect(errors.list, 'browser console errors').toEqual([]);
  }, 180_000);
});
