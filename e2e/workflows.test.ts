/**
 * Acceptance test of 工单流 (manual 5.1.3–5.1.4) in a real Chromium against the real server: an
 * admin draws a workflow for a template in the editor — tasks, a branch with a conditioned connector
 * and a default path, connectors made with the panel's 连线到 and by dragging a handle — saves and
 * publishes it. A ticket of that template then starts in the first task; on the ticket page the
 * admin submits it to the next step (through the branch, by its condition) and returns it one node,
 * and the workflow panel and the timeline show each move. No browser console errors along the way.
 *
 * Needs the built console (`npm run build`) and Debian's chromium at /usr/bin/chromium.
 * With E2E_SHOTS=<dir> the editor (1440 px) and the ticket panel (1440 and 375 px) are saved there.
 */
import path from 'node:path';
import type { TicketWorkflow } from '@yidan/contracts';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, useChromium } from './support/browser.js';
import { byTestId, pickOption, signIn } from './support/page.js';
import { useConsoleServer } from './support/server.js';

const server = useConsoleServer();
const { errors, openPage } = useChromium('workflows');

async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  await page.waitForFunction('document.getAnimations().length === 0');
  await page.screenshot({ path: path.join(dir, `workflows-${name}.png`), fullPage: true });
}

const canvasNode = (page: Page, name: string): Locator =>
  page.locator('.react-flow__node', { hasText: name }).first();

/** Adds a node from the palette (it comes selected) and names it. */
async function addNode(page: Page, type: 'task' | 'branch', name: string) {
  await byTestId(page, `wf-add-${type}`).click();
  await byTestId(page, 'wf-node-name').fill(name);
  await canvasNode(page, name).waitFor();
}

/** 连线到…: connects the selected node to the named one from the side panel. */
async function connectTo(page: Page, target: string) {
  await pickOption(page, byTestId(page, 'wf-connect-target'), target);
  await byTestId(page, 'wf-connect-add').click();
}

/** Drags from one node's source handle onto another's target handle, as a person draws a connector. */
async function dragConnector(page: Page, from: Locator, to: Locator) {
  const a = await from.locator('.react-flow__handle.source').first().boundingBox();
  const b = await to.locator('.react-flow__handle.target').first().boundingBox();
  if (!a || !b) throw new Error('handles not found');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

describe('工单流: drawn in the editor, run on a ticket', () => {
  it('an admin builds a workflow with a branch, a ticket moves through it and is returned one node', async () => {
    await server.adminApi('POST', '/api/v1/fields', {
      entity: 'ticket',
      key: 'product',
      label: '产品',
      type: 'select',
      options: [
        { value: 'tplus', label: '畅捷通T+' },
        { value: 'u8', label: '用友U8' },
      ],
    });
    const template = await server.adminApi<{ id: number }>('POST', '/api/v1/ticket-templates', {
      name: '北京客户问题处理',
      fields: [{ key: 'subject' }, { key: 'product' }],
    });

    const page = await openPage('desktop', { width: 1440, height: 900 });
    await page.goto(server.baseUrl);
    await signIn(page);
    await byTestId(page, 'nav-workflows').click();
    await pickOption(page, byTestId(page, 'workflow-template'), '北京客户问题处理');
    await byTestId(page, 'workflow-canvas').locator('.react-flow__node').first().waitFor();

    // From the end backwards, so each new node connects to one already drawn.
    await addNode(page, 'task', '技术处理');
    await connectTo(page, '结束');
    await addNode(page, 'task', '客服处理');
    await connectTo(page, '结束');
    await addNode(page, 'branch', '按产品');
    await connectTo(page, '技术处理');
    await connectTo(page, '客服处理');

    // The branch's connectors: T+ by condition, the other one the default path.
    await byTestId(page, 'wf-out-0').click();
    const edgePanel = byTestId(page, 'wf-edge-panel');
    await byTestId(page, 'wf-edge-label').fill('T+');
    await edgePanel.getByRole('button', { name: '添加条件' }).first().click();
    const row = edgePanel.locator('[data-testid="conditions-all"] [data-testid="condition-row"]');
    await pickOption(page, row.getByRole('combobox', { name: '选择字段' }), '产品');
    await pickOption(page, row.locator('.ant-select').nth(2), '畅捷通T', { exact: false });
    await canvasNode(page, '按产品').click();
    await byTestId(page, 'wf-out-1').click();
    await byTestId(page, 'wf-edge-default').click();

    await addNode(page, 'task', '受理');
    await byTestId(page, 'wf-field-required-product').check();
    await byTestId(page, 'wf-task-limit').click();
    await connectTo(page, '按产品');
    // 开始 → 受理 by dragging the start node's handle onto 受理.
    await dragConnector(page, canvasNode(page, '开始'), canvasNode(page, '受理'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(6);

    await byTestId(page, 'workflow-save').click();
    await page.getByText('草稿已保存').waitFor();
    await byTestId(page, 'workflow-publish').click();
    await expect.poll(() => byTestId(page, 'workflow-version').textContent()).toBe('已发布 v1');
    await expect(byTestId(page, 'workflow-problems').count()).resolves.toBe(0);
    await page
      .locator('.ant-message')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await canvasNode(page, '开始').click();
    await canvasNode(page, '受理').click();
    await shot(page, 'editor-1440');

    const saved = await server.adminApi<{
      draft: { nodes: { id: string; type: string; data: { name?: string } }[] };
    }>('GET', `/api/v1/workflows/by-template/${template.id}`);
    const idOf = (name: string) => saved.draft.nodes.find((n) => n.data.name === name)!.id;

    // A ticket of the template starts in 受理; on its page it is submitted (T+ → 技术处理) and returned.
    const ticket = await server.adminApi<{ id: number }>('POST', '/api/v1/tickets', {
      subject: '凭证无法打印',
      templateId: template.id,
      custom: { product: 'tplus' },
    });
    await page.goto(`${server.baseUrl}/tickets/${ticket.id}`);
    await expect.poll(() => byTestId(page, 'workflow-current-node').textContent()).toBe('受理');
    await byTestId(page, 'workflow-advance').click();
    await byTestId(page, 'workflow-move-note').fill('转技术处理');
    await byTestId(page, 'workflow-move-ok').click();
    await expect.poll(() => byTestId(page, 'workflow-current-node').textContent()).toBe('技术处理');
    await page.getByText('提交到下一步：「受理」 → 「按产品」 → 「技术处理」').waitFor();

    await byTestId(page, 'workflow-return').click();
    await pickOption(page, byTestId(page, 'workflow-return-target'), '受理');
    await byTestId(page, 'workflow-move-note').fill('请补充软件版本号');
    await byTestId(page, 'workflow-move-ok').click();
    await expect.poll(() => byTestId(page, 'workflow-current-node').textContent()).toBe('受理');
    await page.getByText('退回：「技术处理」 → 「受理」').waitFor();
    await expect.poll(() => byTestId(page, 'ticket-workflow').getByText('已退回').count()).toBeGreaterThan(0);
    await shot(page, 'ticket-1440');

    const { workflow } = await server.adminApi<{ workflow: TicketWorkflow }>(
      'GET',
      `/api/v1/tickets/${ticket.id}/workflow`,
    );
    expect(workflow.node?.id).toBe(idOf('受理'));
    expect(workflow.history.map((h) => [h.nodeName, h.outcome])).toEqual([
      ['开始', 'advanced'],
      ['受理', 'advanced'],
      ['按产品', 'advanced'],
      ['技术处理', 'returned'],
      ['受理', null],
    ]);

    // The ticket page on a phone: the panel fits.
    const phone = await openPage('phone', { width: 375, height: 812 });
    await phone.goto(server.baseUrl);
    await signIn(phone);
    await phone.goto(`${server.baseUrl}/tickets/${ticket.id}`);
    await byTestId(phone, 'workflow-current-node').waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'ticket-375');
    await phone.goto(`${server.baseUrl}/settings/workflows?template=${template.id}`);
    await byTestId(phone, 'workflow-canvas').locator('.react-flow__node').first().waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);
    await shot(phone, 'editor-375');

    expect(errors.list, 'browser console errors').toEqual([]);
  }, 180_000);
});
