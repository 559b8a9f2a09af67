/**
 * Acceptance test of 工单设置 (manual 5.1.1, 5.1.2, 5.1.5) in a real Chromium against the real
 * server: an admin creates a ticket-only field (评星, 7 stars) under 工单字段, a template that
 * shows it in a 分组 as required under 工单模板, and a 查询器 with a condition, that template and a
 * grouping under 工单查询器 — then sees the view listed next to the system views. Each step is
 * checked against the API too. No browser console errors along the way.
 *
 * Needs the built console (`npm run build`) and Debian's chromium at /usr/bin/chromium.
 */
import type { ConditionField, FieldDefinition, TicketTemplate, TicketView } from '@yidan/contracts';
import { describe, expect, it } from 'vitest';
import { horizontalOverflow, useChromium } from './support/browser.js';
import { byTestId, inputOf, pickOption, signIn } from './support/page.js';
import { useConsoleServer } from './support/server.js';

const server = useConsoleServer();
const { errors, openPage } = useChromium('ticket-settings');

const FIELD = { key: 'service_stars', label: '上门服务评星' };
const TEMPLATE = { name: '上门服务单', section: '服务评价' };
const VIEW = { name: '新建的上门服务单' };

describe('工单设置: a ticket field, a template with it, a view with a condition', () => {
  it('an admin sets up fields, a template and a view, and sees the view listed', async () => {
    const page = await openPage('desktop', { width: 1440, height: 900 });
    await page.goto(server.baseUrl);
    await signIn(page);

    // 工单字段: 评星 is offered for tickets only; its scale is set in the drawer.
    await byTestId(page, 'nav-ticket-fields').click();
    await byTestId(page, 'field-create').click();
    await byTestId(page, 'field-form-label').fill(FIELD.label);
    await byTestId(page, 'field-form-key').fill(FIELD.key);
    await pickOption(page, byTestId(page, 'field-form-type'), '评星');
    await (await inputOf(page, 'field-form-rating-max')).fill('7');
    await byTestId(page, 'field-form-submit').click();
    await byTestId(page, `field-row-${FIELD.key}`).waitFor();
    const fields = await server.adminApi<{ items: FieldDefinition[] }>('GET', '/api/v1/fields?entity=ticket');
    expect(fields.items.find((f) => f.key === FIELD.key)).toMatchObject({
      type: 'rating',
      label: FIELD.label,
      config: { max: 7 },
    });

    // 工单模板: the field in a section, required for this template.
    await byTestId(page, 'nav-ticket-templates').click();
    await byTestId(page, 'template-create').click();
    await byTestId(page, 'template-form-name').fill(TEMPLATE.name);
    await byTestId(page, 'template-form-description').fill('上门服务后请客户评价');
    await byTestId(page, 'template-add-section').click();
    await byTestId(page, 'template-section-name-0').fill(TEMPLATE.section);
    await pickOption(page, byTestId(page, 'template-add-field'), `${FIELD.label}（评星）`);
    await pickOption(page, byTestId(page, `template-field-section-${FIELD.key}`), TEMPLATE.section);
    await (await inputOf(page, `template-field-required-${FIELD.key}`)).check();
    await byTestId(page, 'template-form-submit').click();
    await byTestId(page, `template-row-${TEMPLATE.name}`).waitFor();
    const templates = await server.adminApi<{ items: TicketTemplate[] }>(
      'GET',
      '/api/v1/ticket-templates?all=true',
    );
    const template = templates.items.find((t) => t.name === TEMPLATE.name);
    expect(template).toMatchObject({
      description: '上门服务后请客户评价',
      visibility: { scope: 'all' },
      sections: [{ name: TEMPLATE.section, collapsed: false }],
      fields: [{ key: FIELD.key, section: TEMPLATE.section, required: true }],
    });

    // 查询器: 状态 是 新建, for that template, grouped by priority.
    const catalogue = await server.adminApi<{ items: ConditionField[] }>(
      'GET',
      '/api/v1/tickets/query-fields',
    );
    const status = catalogue.items.find((f) => f.key === 'ticket.status');
    expect(status).toBeDefined();
    await byTestId(page, 'nav-ticket-views').click();
    await byTestId(page, 'view-row-我的待处理').waitFor();
    await byTestId(page, 'view-create').click();
    await byTestId(page, 'view-form-name').fill(VIEW.name);
    await byTestId(page, 'conditions-all').getByRole('button', { name: '添加条件' }).click();
    const row = byTestId(page, 'conditions-all').locator('[data-testid="condition-row"]');
    await pickOption(page, row.getByRole('combobox', { name: '选择字段' }), status!.label.zh);
    await pickOption(page, row.getByRole('combobox', { name: '运算符' }), '是');
    await pickOption(page, row.locator('.ant-select').nth(2), '新建');
    await pickOption(page, byTestId(page, 'view-form-template'), TEMPLATE.name);
    await pickOption(page, byTestId(page, 'view-form-group-by'), '优先级');
    await byTestId(page, 'view-form-submit').click();
    await byTestId(page, `view-row-${VIEW.name}`).waitFor();
    await expect(
      byTestId(page, 'view-table').locator('tbody tr.ant-table-row').count(),
    ).resolves.toBeGreaterThan(1);

    const views = await server.adminApi<{ items: TicketView[] }>('GET', '/api/v1/ticket-views?manage=true');
    expect(views.items.find((v) => v.name === VIEW.name)).toMatchObject({
      system: false,
      conditions: { all: [{ field: 'ticket.status', op: 'is', value: 'new' }], any: [] },
      templateId: template!.id,
      groupBy: 'priority',
      enabled: true,
    });
    // The agents' sidebar lists it too.
    const sidebar = await server.adminApi<{ items: TicketView[] }>('GET', '/api/v1/ticket-views');
    expect(sidebar.items.map((v) => v.name)).toContain(VIEW.name);

    // A phone-sized window shows the same list without the page overflowing sideways.
    const phone = await openPage('phone', { width: 375, height: 812 });
    await phone.goto(server.baseUrl);
    await signIn(phone);
    await phone.goto(`${server.baseUrl}/settings/ticket-views`);
    await byTestId(phone, `view-row-${VIEW.name}`).waitFor();
    expect((await horizontalOverflow(phone)).overflow).toBe(0);

    expect(errors.list, 'browser console errors').toEqual([]);
  });
});
