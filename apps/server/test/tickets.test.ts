import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;
let company: { id: number; primaryContact: { id: number } };

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
  company = (
    await v.admin.post('/api/v1/companies', {
      name: '北京畅捷软件有限公司',
      contacts: [{ name: '王会计', mobile: '13800138000' }],
    })
  ).json();
});
afterAll(() => running.close());

describe('tickets', () => {
  it('numbers tickets per vendor and fills the company from the contact', async () => {
    const first = await v.admin.post('/api/v1/tickets', {
      subject: 'T+ 无法登录，提示服务已到期',
      description: '<p>客户反馈<script>alert(1)</script>登录失败</p>',
      contactId: company.primaryContact.id,
      priority: 'high',
    });
    expect(first.statusCode).toBe(201);
    const t = first.json();
    expect(t.companyId).toBe(company.id);
    expect(t.company.name).toBe('北京畅捷软件有限公司');
    expect(t.company).toMatchObject({ serviceStatus: 'none', serviceEnd: null, package: null });
    expect(t.contact.name).toBe('王会计');
    expect(t.description).toBe('<p>客户反馈登录失败</p>');
    expect(t.status).toBe('new');
    const second = (await v.admin.post('/api/v1/tickets', { subject: '第二张' })).json();
    expect(second.number).toBe(t.number + 1);

    const other = await makeVendor(running, '另一家');
    const theirs = (await other.admin.post('/api/v1/tickets', { subject: '别家的' })).json();
    expect(theirs.number).toBe(1);
  });

  it('records every change in the timeline, newest first', async () => {
    const { agent } = await makeAgent(running, v);
    const t = (await v.admin.post('/api/v1/tickets', { subject: '打印机驱动问题' })).json();
    const patched = await v.admin.patch(`/api/v1/tickets/${t.id}`, {
      assigneeId: agent.id,
      priority: 'urgent',
      note: '转给技术处理',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().status).toBe('open');
    await v.admin.post(`/api/v1/tickets/${t.id}/comments`, {
      body: '已远程处理',
      public: true,
      status: 'solved',
    });
    const timeline = (await v.admin.get(`/api/v1/tickets/${t.id}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'updated',
      'comment',
      'updated',
      'created',
    ]);
    const assigned = timeline[2];
    expect(assigned.body).toBe('转给技术处理');
    expect(assigned.changes).toEqual(
      expect.arrayContaining([
        { field: 'assigneeId', from: null, to: agent.id },
        { field: 'priority', from: 'normal', to: 'urgent' },
        { field: 'status', from: 'new', to: 'open' },
      ]),
    );
    expect(timeline[0].changes).toEqual([{ field: 'status', from: 'open', to: 'solved' }]);
    const detail = (await v.admin.get(`/api/v1/tickets/${t.id}`)).json();
    expect(detail.firstReplyAt).not.toBeNull();
    expect(detail.solvedAt).not.toBeNull();
    const internal = (await v.admin.get(`/api/v1/tickets/${t.id}/timeline?visibility=public`)).json().items;
    expect(internal).toHaveLength(1);
  });

  it('only assigns agents who take tickets (可接单)', async () => {
    const { agent } = await makeAgent(running, v);
    await v.admin.patch(`/api/v1/agents/${agent.id}`, { available: false });
    const res = await v.admin.post('/api/v1/tickets', { subject: '分配测试', assigneeId: agent.id });
    const problem = expectProblem(res, 400, 'validation_failed');
    expect(problem.errors[0].path).toBe('body.assigneeId');
  });

  it('attaches service records and finds tickets by Chinese words', async () => {
    const t = (
      await v.admin.post('/api/v1/tickets', {
        subject: '金蝶 KIS 凭证无法过账',
        contactId: company.primaryContact.id,
      })
    ).json();
    const rec = await v.admin.post(`/api/v1/tickets/${t.id}/records`, {
      channel: 'call',
      summary: '电话指导客户重新过账',
    });
    expect(rec.statusCode).toBe(201);
    expect(rec.json().companyId).toBe(company.id);
    const records = (await v.admin.get(`/api/v1/service-records?companyId=${company.id}`)).json().items;
    expect(records.map((r: { id: number }) => r.id)).toContain(rec.json().id);
    const found = (await v.admin.get(`/api/v1/tickets?q=${encodeURIComponent('过账')}`)).json().items;
    expect(found.map((x: { id: number }) => x.id)).toEqual([t.id]);
    const byNumber = (await v.admin.get(`/api/v1/tickets?q=%23${t.number}`)).json().items;
    expect(byNumber.map((x: { id: number }) => x.id)).toEqual([t.id]);
  });

  it('limits agents with own scope to their tickets and refuses changes to closed ones', async () => {
    const { client, agent } = await makeAgent(running, v);
    const mine = (await client.post('/api/v1/tickets', { subject: '我的工单' })).json();
    const notMine = (await v.admin.post('/api/v1/tickets', { subject: '别人的工单' })).json();
    const list = (await client.get('/api/v1/tickets?limit=200')).json().items;
    const ids = list.map((x: { id: number }) => x.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(notMine.id);
    expectProblem(await client.get(`/api/v1/tickets/${notMine.id}`), 404);
    await v.admin.patch(`/api/v1/tickets/${notMine.id}`, { ccAgentIds: [agent.id] });
    expect((await client.get(`/api/v1/tickets/${notMine.id}`)).statusCode).toBe(200);
    await v.admin.patch(`/api/v1/tickets/${mine.id}`, { status: 'closed' });
    expectProblem(
      await client.patch(`/api/v1/tickets/${mine.id}`, { priority: 'high' }),
      409,
      'ticket_closed',
    );
  });

  it('pages with a stable cursor', async () => {
    const w = await makeVendor(running, '分页');
    for (let i = 0; i < 5; i++) await w.admin.post('/api/v1/tickets', { subject: `工单${i}` });
    const p1 = (await w.admin.get('/api/v1/tickets?limit=2&sort=number')).json();
    const p2 = (await w.admin.get(`/api/v1/tickets?limit=2&sort=number&cursor=${p1.nextCursor}`)).json();
    const p3 = (await w.admin.get(`/api/v1/tickets?limit=2&sort=number&cursor=${p2.nextCursor}`)).json();
    expect([...p1.items, ...p2.items, ...p3.items].map((t: { number: number }) => t.number)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(p3.nextCursor).toBeNull();
    expectProblem(await w.admin.get('/api/v1/tickets?cursor=garbage'), 400);
  });
});

describe('system ticket fields', () => {
  it('enforces read-only and required flags of system fields for agents', async () => {
    const w = await makeVendor(running, '系统字段');
    const fields = (await w.admin.get('/api/v1/fields?entity=ticket')).json().items;
    const byKey = (k: string) => fields.find((f: { key: string }) => f.key === k);
    expect(
      (await w.admin.patch(`/api/v1/fields/${byKey('priority').id}`, { readOnly: { all: true } })).statusCode,
    ).toBe(200);
    expect(
      (await w.admin.patch(`/api/v1/fields/${byKey('contactId').id}`, { required: true })).statusCode,
    ).toBe(200);
    const role = (
      await w.admin.post('/api/v1/roles', {
        name: '坐席',
        permissions: ['ticket.view', 'ticket.create', 'ticket.edit'],
        dataScope: 'all',
      })
    ).json();
    const { client } = await makeAgent(running, w, { roleId: role.id });
    const missing = expectProblem(await client.post('/api/v1/tickets', { subject: '没有联系人' }), 400);
    expect(missing.errors.map((e: { path: string }) => e.path)).toContain('body.contactId');
    const company = (
      await w.admin.post('/api/v1/companies', { name: '某公司', contacts: [{ name: '联系人' }] })
    ).json();
    const t = (
      await client.post('/api/v1/tickets', { subject: '有联系人', contactId: company.primaryContact.id })
    ).json();
    const ro = expectProblem(await client.patch(`/api/v1/tickets/${t.id}`, { priority: 'urgent' }), 400);
    expect(ro.errors[0]).toMatchObject({ path: 'body.priority' });
    expect((await w.admin.patch(`/api/v1/tickets/${t.id}`, { priority: 'urgent' })).statusCode).toBe(200);
    expectProblem(
      await w.admin.patch(`/api/v1/fields/${byKey('priority').id}`, { key: 'prio' }),
      409,
      'system_field',
    );
  });
});

describe('concurrent edits', () => {
  it('refuses a change based on a stale version with 409 and the current version', async () => {
    const { client, agent } = await makeAgent(running, v);
    const t = (await v.admin.post('/api/v1/tickets', { subject: '并发修改', assigneeId: agent.id })).json();
    expect(t.version).toBe(1);
    const first = await v.admin.patch(`/api/v1/tickets/${t.id}`, { priority: 'high', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    // The second agent still holds version 1: refused, nothing overwritten.
    const stale = expectProblem(
      await client.patch(`/api/v1/tickets/${t.id}`, { priority: 'low', version: 1 }),
      409,
      'ticket_version_conflict',
    );
    expect(stale.currentVersion).toBe(2);
    expect((await v.admin.get(`/api/v1/tickets/${t.id}`)).json().priority).toBe('high');
    // Replies bump the version too; with the current version the change goes through.
    await client.post(`/api/v1/tickets/${t.id}/comments`, { body: '补充说明', public: false });
    const now = (await v.admin.get(`/api/v1/tickets/${t.id}`)).json();
    expect(now.version).toBe(3);
    const ok = await client.patch(`/api/v1/tickets/${t.id}`, { priority: 'low', version: now.version });
    expect(ok.statusCode).toBe(200);
    // Two edits racing on the same version: exactly one wins.
    const race = await Promise.all([
      v.admin.patch(`/api/v1/tickets/${t.id}`, { priority: 'urgent', version: 4 }),
      client.patch(`/api/v1/tickets/${t.id}`, { priority: 'normal', version: 4 }),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});
