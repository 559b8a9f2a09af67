import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;
let seq = 0;

type Ticket = { id: number; number: number; [k: string]: unknown };
type Event = { kind: string; body: string | null; relatedTicketId: number | null; changes: unknown[] };

/** A company with a default contact (and optionally a second one). */
async function makeCompany(extraContact = false) {
  seq += 1;
  const company = (
    await v.admin.post('/api/v1/companies', {
      name: `客户公司${seq}`,
      contacts: [{ name: `联系人${seq}`, mobile: `1380000${String(1000 + seq).padStart(4, '0')}` }],
    })
  ).json();
  let second: number | null = null;
  if (extraContact) {
    const res = await v.admin.post('/api/v1/contacts', { companyId: company.id, name: `第二联系人${seq}` });
    expect(res.statusCode).toBe(201);
    second = res.json().id;
  }
  return { id: company.id as number, contactId: company.primaryContact.id as number, second };
}

async function ticket(body: Record<string, unknown>): Promise<Ticket> {
  const res = await v.admin.post('/api/v1/tickets', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function timeline(id: number): Promise<Event[]> {
  return (await v.admin.get(`/api/v1/tickets/${id}/timeline`)).json().items;
}

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
});
afterAll(() => running.close());

describe('merge (工单合并)', () => {
  it('refuses merging a ticket into itself or into another customer’s ticket', async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const t1 = await ticket({ subject: '发票打印错位', contactId: a.contactId });
    const t2 = await ticket({ subject: '另一家的问题', contactId: b.contactId });
    const noCustomer = await ticket({ subject: '没有客户的工单' });
    expectProblem(
      await v.admin.post(`/api/v1/tickets/${t1.id}/merge`, { targetId: t1.id }),
      422,
      'ticket_merge_same',
    );
    expectProblem(
      await v.admin.post(`/api/v1/tickets/${t1.id}/merge`, { targetId: t2.id }),
      422,
      'ticket_merge_customer',
    );
    expectProblem(
      await v.admin.post(`/api/v1/tickets/${noCustomer.id}/merge`, { targetId: t1.id }),
      422,
      'ticket_merge_customer',
    );
    expectProblem(
      await v.admin.post(`/api/v1/tickets/${t1.id}/merge`, { targetId: 999_999_999 }),
      404,
      'not_found',
    );
    // Nothing changed.
    expect((await v.admin.get(`/api/v1/tickets/${t1.id}`)).json()).toMatchObject({
      status: 'new',
      mergedIntoId: null,
    });
  });

  it('closes the source, links both timelines, moves records, tags and CCs to the target', async () => {
    const c = await makeCompany(true);
    const { agent } = await makeAgent(running, v);
    const source = await ticket({
      subject: 'T+ 登录失败',
      contactId: c.contactId,
      tags: ['登录', 'T+'],
      ccAgentIds: [agent.id],
    });
    // Another contact of the same company counts as the same customer.
    const target = await ticket({ subject: 'T+ 无法登录（重复）', contactId: c.second, tags: ['重复'] });
    const record = await v.admin.post(`/api/v1/tickets/${source.id}/records`, {
      channel: 'call',
      summary: '电话指导重装',
    });
    expect(record.statusCode).toBe(201);

    const res = await v.admin.post(`/api/v1/tickets/${source.id}/merge`, {
      targetId: target.id,
      note: '同一问题，客户重复报修',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { source: s, target: t } = res.json();
    expect(s).toMatchObject({ status: 'closed', mergedIntoId: target.id });
    expect(s.closedAt).not.toBeNull();
    expect(t.tags).toEqual(expect.arrayContaining(['重复', '登录', 'T+']));
    expect(t.ccAgentIds).toEqual([agent.id]);

    const records = (await v.admin.get(`/api/v1/tickets/${target.id}/records`)).json().items;
    expect(records.map((r: { id: number }) => r.id)).toEqual([record.json().id]);
    expect((await v.admin.get(`/api/v1/tickets/${source.id}/records`)).json().items).toEqual([]);

    const sourceEvents = await timeline(source.id);
    const merged = sourceEvents.find((e) => e.kind === 'merged')!;
    expect(merged.relatedTicketId).toBe(target.id);
    expect(merged.body).toContain(`将工单 #${source.number} 合并到工单 #${target.number}`);
    expect(merged.body).toContain('同一问题，客户重复报修');
    expect(sourceEvents.some((e) => e.changes.some((ch) => JSON.stringify(ch).includes('"closed"')))).toBe(
      true,
    );
    const mergedFrom = (await timeline(target.id)).find((e) => e.kind === 'merged_from')!;
    expect(mergedFrom.relatedTicketId).toBe(source.id);
    const me = (await v.admin.get('/api/v1/me')).json();
    expect(mergedFrom.body).toContain(`客服「${me.agent.name}」于 `);
    expect(mergedFrom.body).toContain(`将工单 #${source.number} 合并到工单 #${target.number}`);
    expect(mergedFrom.body).toContain('转入服务记录 1 条');

    // The merged ticket takes no more changes or merges.
    expectProblem(
      await v.admin.patch(`/api/v1/tickets/${source.id}`, { priority: 'high' }),
      409,
      'ticket_merged',
    );
    expectProblem(
      await v.admin.post(`/api/v1/tickets/${source.id}/comments`, { body: '还在吗', public: false }),
      409,
      'ticket_merged',
    );
    expectProblem(
      await v.admin.post(`/api/v1/tickets/${target.id}/merge`, { targetId: source.id }),
      409,
      'ticket_merged',
    );
  });

  it('refuses merging into a closed ticket', async () => {
    const c = await makeCompany();
    const open = await ticket({ subject: '打开的', contactId: c.contactId });
    const closed = await ticket({ subject: '关闭的', contactId: c.contactId });
    expect((await v.admin.patch(`/api/v1/tickets/${closed.id}`, { status: 'closed' })).statusCode).toBe(200);
    expectProblem(
      await v.admin.post(`/api/v1/tickets/${open.id}/merge`, { targetId: closed.id }),
      409,
      'ticket_closed',
    );
  });
});

describe('split (工单拆单)', () => {
  it('takes 1–15 children', async () => {
    const parent = await ticket({ subject: '拆单范围' });
    expectProblem(await v.admin.post(`/api/v1/tickets/${parent.id}/split`, { children: [] }), 400);
    const sixteen = Array.from({ length: 16 }, (_, i) => ({ subject: `子单${i}` }));
    expectProblem(await v.admin.post(`/api/v1/tickets/${parent.id}/split`, { children: sixteen }), 400);
    const fifteen = sixteen.slice(0, 15);
    const res = await v.admin.post(`/api/v1/tickets/${parent.id}/split`, { children: fifteen });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items).toHaveLength(15);
  });

  it('creates children that inherit the customer and link both ways, and children split again', async () => {
    const c = await makeCompany();
    const parent = await ticket({ subject: '服务器迁移', contactId: c.contactId, priority: 'urgent' });
    const res = await v.admin.post(`/api/v1/tickets/${parent.id}/split`, {
      children: [{ subject: '迁移数据库' }, { subject: '重装客户端', priority: 'low' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [first, second] = res.json().items;
    expect(first).toMatchObject({
      parentId: parent.id,
      contactId: c.contactId,
      companyId: c.id,
      priority: 'urgent',
    });
    expect(second).toMatchObject({ parentId: parent.id, priority: 'low' });
    expect((await v.admin.get(`/api/v1/tickets/${parent.id}`)).json().childIds).toEqual([
      first.id,
      second.id,
    ]);

    const split = (await timeline(parent.id)).find((e) => e.kind === 'split')!;
    expect(split.changes).toEqual([{ field: 'childIds', from: null, to: [first.id, second.id] }]);
    expect(split.body).toContain(`#${first.number}`);
    const from = (await timeline(first.id)).find((e) => e.kind === 'split_from')!;
    expect(from.relatedTicketId).toBe(parent.id);
    expect(from.body).toContain(`原单(#${parent.number})`);

    const nested = await v.admin.post(`/api/v1/tickets/${first.id}/split`, {
      children: [{ subject: '导出旧库' }],
    });
    expect(nested.statusCode).toBe(201);
    expect(nested.json().items[0].parentId).toBe(first.id);
    // The parent can split again too.
    const again = await v.admin.post(`/api/v1/tickets/${parent.id}/split`, {
      children: [{ subject: '培训' }],
    });
    expect(again.statusCode).toBe(201);
    expect((await v.admin.get(`/api/v1/tickets/${parent.id}`)).json().childIds).toHaveLength(3);
  });

  it('reports a bad child at its own path and creates none', async () => {
    const parent = await ticket({ subject: '拆单校验' });
    const body = expectProblem(
      await v.admin.post(`/api/v1/tickets/${parent.id}/split`, {
        children: [{ subject: '好的' }, { subject: '坏的', assigneeId: 999_999_999 }],
      }),
      400,
      'validation_failed',
    );
    expect(body.errors[0].path).toBe('body.children.1.assigneeId');
    expect((await v.admin.get(`/api/v1/tickets/${parent.id}`)).json().childIds).toEqual([]);
  });
});

describe('batch create (批量创建)', () => {
  let companies: { id: number; contactId: number }[];
  let available: number[];
  let away: number;
  let groupId: number;

  beforeAll(async () => {
    companies = [];
    for (let i = 0; i < 4; i++) companies.push(await makeCompany());
    const a1 = (await makeAgent(running, v)).agent.id;
    const a2 = (await makeAgent(running, v)).agent.id;
    away = (await makeAgent(running, v)).agent.id;
    expect((await v.admin.patch(`/api/v1/agents/${away}`, { available: false })).statusCode).toBe(200);
    available = [a1, a2];
    groupId = (await v.admin.post('/api/v1/groups', { name: '批量组', memberIds: [a1, a2, away] })).json().id;
  });

  const assigneesOf = async (ids: number[]) =>
    Promise.all(ids.map(async (id) => (await v.admin.get(`/api/v1/tickets/${id}`)).json()));

  it('leaves tickets unassigned and uses each company’s default contact', async () => {
    const res = await v.admin.post('/api/v1/tickets/batch-create', {
      ticket: { subject: '年度回访', priority: 'low' },
      companyIds: companies.map((c) => c.id),
      distribution: { mode: 'none' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { created, ticketIds } = res.json();
    expect(created).toBe(4);
    const rows = await assigneesOf(ticketIds);
    expect(rows.map((t) => t.assigneeId)).toEqual([null, null, null, null]);
    expect(rows.map((t) => t.contactId)).toEqual(companies.map((c) => c.contactId));
    expect(rows.map((t) => t.companyId)).toEqual(companies.map((c) => c.id));
    expect(rows.every((t) => t.subject === '年度回访' && t.priority === 'low')).toBe(true);
  });

  it('distributes evenly over a group’s available members, skipping those not taking tickets', async () => {
    const res = await v.admin.post('/api/v1/tickets/batch-create', {
      ticket: { subject: '升级通知' },
      contactIds: companies.map((c) => c.contactId),
      distribution: { mode: 'even', target: 'group', groupId },
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await assigneesOf(res.json().ticketIds);
    const counts = new Map<number, number>();
    for (const t of rows) counts.set(t.assigneeId, (counts.get(t.assigneeId) ?? 0) + 1);
    expect(counts.get(available[0]!)).toBe(2);
    expect(counts.get(available[1]!)).toBe(2);
    expect(counts.has(away)).toBe(false);
    expect(rows.map((t) => t.companyId)).toEqual(companies.map((c) => c.id));
  });

  it('distributes evenly over all available agents, or gives all to one agent', async () => {
    const agents = (await v.admin.get('/api/v1/agents')).json().items as {
      id: number;
      enabled: boolean;
      available: boolean;
      grants: string[];
    }[];
    const takers = agents
      .filter((a) => a.enabled && a.available && a.grants.includes('ticket'))
      .map((a) => a.id);
    expect(takers).not.toContain(away);
    const res = await v.admin.post('/api/v1/tickets/batch-create', {
      ticket: { subject: '全员分配' },
      companyIds: companies.map((c) => c.id),
      distribution: { mode: 'even', target: 'all' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await assigneesOf(res.json().ticketIds);
    const sorted = [...takers].sort((x, y) => x - y);
    expect(rows.map((t) => t.assigneeId)).toEqual(companies.map((_, i) => sorted[i % sorted.length]));

    const one = await v.admin.post('/api/v1/tickets/batch-create', {
      ticket: { subject: '指定客服' },
      companyIds: companies.slice(0, 2).map((c) => c.id),
      distribution: { mode: 'even', target: 'agent', agentId: available[1] },
    });
    expect((await assigneesOf(one.json().ticketIds)).map((t) => t.assigneeId)).toEqual([
      available[1],
      available[1],
    ]);
    expectProblem(
      await v.admin.post('/api/v1/tickets/batch-create', {
        ticket: { subject: '不可接单' },
        companyIds: [companies[0]!.id],
        distribution: { mode: 'even', target: 'agent', agentId: away },
      }),
      400,
      'validation_failed',
    );
  });

  it('gives each agent the count asked for, which must add up', async () => {
    const res = await v.admin.post('/api/v1/tickets/batch-create', {
      ticket: { subject: '按个数分配' },
      companyIds: companies.map((c) => c.id),
      distribution: {
        mode: 'counts',
        counts: [
          { agentId: available[0], count: 3 },
          { agentId: available[1], count: 1 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await assigneesOf(res.json().ticketIds);
    expect(rows.map((t) => t.assigneeId)).toEqual([available[0], available[0], available[0], available[1]]);

    const before = (await v.admin.get('/api/v1/tickets?limit=200')).json().items.length;
    const wrongSum = expectProblem(
      await v.admin.post('/api/v1/tickets/batch-create', {
        ticket: { subject: '个数不对' },
        companyIds: companies.map((c) => c.id),
        distribution: { mode: 'counts', counts: [{ agentId: available[0], count: 3 }] },
      }),
      400,
      'validation_failed',
    );
    expect(wrongSum.errors[0]).toEqual({
      path: 'body.distribution.counts',
      message: '各客服的分配个数之和须等于要创建的工单数',
    });
    const awayCounts = expectProblem(
      await v.admin.post('/api/v1/tickets/batch-create', {
        ticket: { subject: '不可接单' },
        companyIds: [companies[0]!.id],
        distribution: { mode: 'counts', counts: [{ agentId: away, count: 1 }] },
      }),
      400,
    );
    expect(awayCounts.errors[0].path).toBe('body.distribution.counts.0.agentId');
    expect((await v.admin.get('/api/v1/tickets?limit=200')).json().items.length).toBe(before);
  });

  it('refuses customers outside the caller’s data scope and empty selections', async () => {
    const role = (
      await v.admin.post('/api/v1/roles', {
        name: '仅本人客户',
        permissions: ['ticket.view', 'ticket.create', 'customer.view'],
        dataScope: 'own',
      })
    ).json();
    const { client } = await makeAgent(running, v, { roleId: role.id });
    const body = expectProblem(
      await client.post('/api/v1/tickets/batch-create', {
        ticket: { subject: '越权' },
        companyIds: [companies[0]!.id],
        distribution: { mode: 'none' },
      }),
      400,
      'validation_failed',
    );
    expect(body.errors).toEqual([{ path: 'body.companyIds.0', message: '该客户不在你的数据范围内' }]);
    expectProblem(
      await v.admin.post('/api/v1/tickets/batch-create', {
        ticket: { subject: '空' },
        distribution: { mode: 'none' },
      }),
      400,
      'validation_failed',
    );
  });
});

describe('batch update (批量编辑)', () => {
  it('edits each ticket on its own and reports a refusal per ticket in the caller’s language', async () => {
    const { agent } = await makeAgent(running, v);
    const a = await ticket({ subject: '批量一' });
    const b = await ticket({ subject: '批量二' });
    const closed = await ticket({ subject: '已关闭' });
    await v.admin.patch(`/api/v1/tickets/${closed.id}`, { status: 'closed' });
    const res = await v.admin.post('/api/v1/tickets/batch-update', {
      ids: [a.id, closed.id, b.id],
      changes: { priority: 'high', assigneeId: agent.id },
      comment: { body: '<p>已统一处理</p>', public: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { id: number; ok: boolean }) => [i.id, i.ok])).toEqual([
      [a.id, true],
      [closed.id, false],
      [b.id, true],
    ]);
    expect(items[0].ticket).toMatchObject({ priority: 'high', assigneeId: agent.id, status: 'open' });
    expect(items[1].error).toBe('工单已关闭，不能再修改');
    expect(items[1].ticket).toBeUndefined();
    const events = await timeline(b.id);
    expect(events.some((e) => e.kind === 'comment' && e.body === '<p>已统一处理</p>')).toBe(true);

    const en = await v.admin.request(
      'POST',
      '/api/v1/tickets/batch-update',
      { ids: [closed.id, a.id], changes: { assigneeId: 999_999_999 } },
      { 'accept-language': 'en' },
    );
    const enItems = en.json().items;
    expect(enItems[0].error).toBe('The ticket is closed and can no longer be changed');
    expect(enItems[1]).toMatchObject({ ok: false, error: 'Some fields are invalid: No such agent' });
  });

  it('takes at most 100 tickets', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => i + 1);
    expectProblem(await v.admin.post('/api/v1/tickets/batch-update', { ids, changes: {} }), 400);
  });
});

describe('FAQ draft (工单生成 FAQ)', () => {
  it('uses the subject and the last public reply as plain text', async () => {
    const t = await ticket({ subject: '如何反结账', description: '<p>客户问怎么反结账</p>' });
    const draft = (await v.admin.post(`/api/v1/tickets/${t.id}/faq-draft`)).json();
    expect(draft).toEqual({ ticketId: t.id, question: '如何反结账', answer: '客户问怎么反结账' });
    await v.admin.post(`/api/v1/tickets/${t.id}/comments`, {
      body: '<p>进入 期末处理 &amp; 反结账</p><p>选择月份后确定</p>',
      public: true,
    });
    await v.admin.post(`/api/v1/tickets/${t.id}/comments`, { body: '内部：客户是 VIP', public: false });
    const withReply = (await v.admin.post(`/api/v1/tickets/${t.id}/faq-draft`)).json();
    expect(withReply.answer).toBe('进入 期末处理 & 反结账\n选择月份后确定');
  });
});

describe('company merge moves tickets', () => {
  it('re-points the source company’s tickets and service records to the target', async () => {
    const source = await makeCompany();
    const target = await makeCompany();
    const t = await ticket({ subject: '合并前的工单', contactId: source.contactId });
    const rec = await v.admin.post(`/api/v1/tickets/${t.id}/records`, { channel: 'remote', summary: '远程' });
    expect(rec.statusCode).toBe(201);
    const merged = await v.admin.post(`/api/v1/companies/${source.id}/merge`, {
      targetId: target.id,
      confirm: true,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const after = (await v.admin.get(`/api/v1/tickets/${t.id}`)).json();
    expect(after.companyId).toBe(target.id);
    expect(after.contactId).toBe(source.contactId);
    const records = (await v.admin.get(`/api/v1/service-records?companyId=${target.id}`)).json().items;
    expect(records.map((r: { id: number }) => r.id)).toContain(rec.json().id);
    const moved = (await timeline(t.id)).find((e) => e.kind === 'updated')!;
    expect(moved.changes).toEqual([{ field: 'companyId', from: source.id, to: target.id }]);
  });
});
