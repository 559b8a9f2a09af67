import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localTime } from '../src/modules/calendar/clock.js';
import { sendExpiryReminders } from '../src/modules/customers/expiry.js';
import type { Running } from '../src/server.js';
import { expectProblem, makeAgent, makeVendor, startTestServer } from './harness.js';

let running: Running;

beforeAll(async () => {
  running = await startTestServer();
});
afterAll(() => running.close());

describe('merge companies (合并公司)', () => {
  it('keeps the target’s fields, fills its empty ones from the source, moves contacts, deletes the source, and audits', async () => {
    const v = await makeVendor(running);
    const source = (
      await v.admin.post('/api/v1/companies', {
        name: '北京某某（旧档）',
        address: '海淀区中关村 1 号',
        serviceCode: '990001',
        serviceEnd: '2027-06-30',
        tags: ['老客户'],
        notes: '旧备注',
        contacts: [
          { name: '张三', mobile: '13800000011' },
          { name: '李四', mobile: '13800000012' },
        ],
      })
    ).json();
    const target = (
      await v.admin.post('/api/v1/companies', {
        name: '北京某某科技有限公司',
        serviceEnd: '2027-12-31',
        tags: ['VIP'],
        contacts: [{ name: '王五', mobile: '13800000013' }],
      })
    ).json();
    expectProblem(await v.admin.post(`/api/v1/companies/${source.id}/merge`, { targetId: target.id }), 400);
    expectProblem(
      await v.admin.post(`/api/v1/companies/${source.id}/merge`, { targetId: source.id, confirm: true }),
      422,
      'merge_same',
    );

    const merged = await v.admin.post(`/api/v1/companies/${source.id}/merge`, {
      targetId: target.id,
      confirm: true,
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      name: '北京某某科技有限公司',
      serviceEnd: '2027-12-31',
      address: '海淀区中关村 1 号',
      serviceCode: '990001',
      primaryContact: { name: '王五' },
    });
    expect(merged.json().tags.sort()).toEqual(['VIP', '老客户'].sort());
    expectProblem(await v.admin.get(`/api/v1/companies/${source.id}`), 404);
    const names = (await v.admin.get(`/api/v1/contacts?companyId=${target.id}`))
      .json()
      .items.map((c: { name: string }) => c.name);
    expect(names.sort()).toEqual(['张三', '李四', '王五'].sort());
    // The moved contacts are still recognised, now under the target.
    expect((await v.admin.get('/api/v1/identify?mobile=13800000011')).json().company.id).toBe(target.id);
    const audit = await running.deps.db.execute<{ action: string }>(
      sql`select action from audit_log where vendor_id = ${v.vendorId} and entity_id = ${target.id}`,
    );
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['company.merged']);
  });
});

describe('bulk operations and customer groups', () => {
  it('edits many companies at once with a result per company, appending attachments', async () => {
    const v = await makeVendor(running);
    await v.admin.post('/api/v1/fields', {
      entity: 'company',
      key: 'files',
      label: '合同',
      type: 'attachment',
    });
    const a = (
      await v.admin.post('/api/v1/companies', {
        name: 'A',
        custom: { files: [{ fileId: 'f1', name: '旧.pdf', size: 1 }] },
      })
    ).json();
    const b = (await v.admin.post('/api/v1/companies', { name: 'B' })).json();
    const group = (await v.admin.post('/api/v1/customer-groups', { name: '华北区' })).json();
    const res = await v.admin.post('/api/v1/companies/bulk-update', {
      ids: [a.id, b.id, 999999999],
      set: {
        groupId: group.id,
        package: '标准服务包',
        custom: { files: [{ fileId: 'f2', name: '新.pdf', size: 2 }] },
      },
    });
    expect(res.json().items).toEqual([
      { id: a.id, ok: true },
      { id: b.id, ok: true },
      { id: 999999999, ok: false, error: { code: 'not_found', message: '找不到该资源' } },
    ]);
    const after = (await v.admin.get(`/api/v1/companies/${a.id}`)).json();
    expect(after).toMatchObject({ groupId: group.id, package: '标准服务包' });
    expect(after.custom.files.map((f: { name: string }) => f.name)).toEqual(['旧.pdf', '新.pdf']);
    expect((await v.admin.get('/api/v1/customer-groups')).json().items[0]).toMatchObject({
      name: '华北区',
      companyCount: 2,
    });
    expect((await v.admin.get(`/api/v1/companies?groupId=${group.id}`)).json().items).toHaveLength(2);
    const bad = await v.admin.post('/api/v1/companies/bulk-update', {
      ids: [a.id],
      set: { package: '不存在的包' },
    });
    expect(bad.json().items[0]).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', errors: [{ path: 'body.package', message: '不是可选的选项' }] },
    });

    expect((await v.admin.del(`/api/v1/customer-groups/${group.id}`)).statusCode).toBe(204);
    expect((await v.admin.get(`/api/v1/companies/${a.id}`)).json().groupId).toBeNull();

    const del = await v.admin.post('/api/v1/companies/bulk-delete', { ids: [a.id, b.id] });
    expect(del.json().items.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect((await v.admin.get('/api/v1/companies')).json().items).toEqual([]);
  });

  it('keeps bulk deletes inside the caller’s data scope', async () => {
    const v = await makeVendor(running);
    const role = (
      await v.admin.post('/api/v1/roles', {
        name: '本人删',
        permissions: ['customer.view', 'customer.create', 'customer.delete'],
        dataScope: 'own',
      })
    ).json();
    const { client } = await makeAgent(running, v, { roleId: role.id });
    const mine = (await client.post('/api/v1/companies', { name: '我的' })).json();
    const theirs = (await v.admin.post('/api/v1/companies', { name: '别人的' })).json();
    const res = (await client.post('/api/v1/companies/bulk-delete', { ids: [mine.id, theirs.id] })).json();
    expect(res.items).toEqual([
      { id: mine.id, ok: true },
      { id: theirs.id, ok: false, error: { code: 'not_found', message: '找不到该资源' } },
    ]);
    expect((await v.admin.get(`/api/v1/companies/${theirs.id}`)).statusCode).toBe(200);
  });
});

describe('service expiry reminders', () => {
  it('reminds the owner once when a service enters the window and once when it expires', async () => {
    const v = await makeVendor(running);
    const { agent, client } = await makeAgent(running, v);
    const today = localTime(new Date(), 'Asia/Shanghai').date;
    await v.admin.post('/api/v1/companies', {
      name: '快到期',
      serviceEnd: addDays(today, 10),
      ownerAgentId: agent.id,
    });
    await v.admin.post('/api/v1/companies', {
      name: '刚过期',
      serviceEnd: addDays(today, -2),
      ownerAgentId: agent.id,
    });
    await v.admin.post('/api/v1/companies', {
      name: '还早',
      serviceEnd: addDays(today, 200),
      ownerAgentId: agent.id,
    });
    expect(await sendExpiryReminders(running.deps.db, running.deps.events, v.vendorId)).toBe(2);
    expect(await sendExpiryReminders(running.deps.db, running.deps.events, v.vendorId)).toBe(0);
    const titles = (await client.get('/api/v1/notifications'))
      .json()
      .items.map((n: { title: string }) => n.title);
    expect(titles).toHaveLength(2);
    expect(titles.some((t: string) => t.includes('快到期') && t.includes('将于'))).toBe(true);
    expect(titles.some((t: string) => t.includes('刚过期') && t.includes('已于'))).toBe(true);
    // Ten days later the first one has expired: one more reminder, for it only.
    const later = new Date(Date.now() + 11 * 86_400_000);
    expect(await sendExpiryReminders(running.deps.db, running.deps.events, v.vendorId, later)).toBe(1);
  });
});

describe('customer templates (客户模板)', () => {
  it('chooses fields per workspace, validates keys, and publishes a public link on demand', async () => {
    const v = await makeVendor(running);
    await v.admin.post('/api/v1/fields', {
      entity: 'company',
      key: 'product',
      label: '使用产品',
      type: 'text',
    });
    const created = await v.admin.post('/api/v1/customer-templates', {
      name: '在线客服工作台',
      module: 'chat',
      fieldKeys: ['company.name', 'company.serviceEnd', 'company.product', 'contact.mobile'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ module: 'chat', publicPath: null });
    const bad = await v.admin.post('/api/v1/customer-templates', {
      name: '坏',
      module: 'chat',
      fieldKeys: ['company.nothing'],
    });
    expect(expectProblem(bad, 400, 'validation_failed').errors[0].path).toBe('body.fieldKeys.0');
    expectProblem(
      await v.admin.patch(`/api/v1/customer-templates/${created.json().id}`, { published: true }),
      400,
    );

    const form = (
      await v.admin.post('/api/v1/customer-templates', {
        name: '客户登记',
        module: 'publish',
        fieldKeys: ['company.name', 'contact.name'],
      })
    ).json();
    const published = (
      await v.admin.patch(`/api/v1/customer-templates/${form.id}`, { published: true })
    ).json();
    expect(published.publicPath).toMatch(new RegExp(`^/visitor/forms/${v.vendorId}/[A-Za-z0-9_-]{20,}$`));
    const unpublished = (
      await v.admin.patch(`/api/v1/customer-templates/${form.id}`, { published: false })
    ).json();
    expect(unpublished.publicPath).toBeNull();
    expect((await v.admin.get('/api/v1/customer-templates')).json().items).toHaveLength(2);
    const { client } = await makeAgent(running, v);
    expectProblem(
      await client.post('/api/v1/customer-templates', {
        name: 'x',
        module: 'chat',
        fieldKeys: ['company.name'],
      }),
      403,
    );
  });
});
