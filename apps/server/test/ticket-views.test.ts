import type { ConditionSet } from '@yidan/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { companies, contacts } from '../src/modules/customers/schema.js';
import { listPackages } from '../src/modules/customers/settings.js';
import { listFields } from '../src/modules/fields/service.js';
import { agents, groups } from '../src/modules/org/schema.js';
import {
  bindCurrentAgent,
  ticketConditionRecord,
  ticketQueryFields,
} from '../src/modules/tickets/catalogue.js';
import { VendorPushThrottle } from '../src/modules/tickets/realtime.js';
import { tickets } from '../src/modules/tickets/schema.js';
import { createFieldCatalogue } from '../src/platform/rules/catalogue.js';
import { compileConditions } from '../src/platform/rules/compile.js';
import { prepareEvaluator } from '../src/platform/rules/evaluate.js';
import { type Running, startServer } from '../src/server.js';
import { type Client, expectProblem, makeAgent, makeVendor, type TestVendor, testConfig } from './harness.js';

let running: Running;
let baseUrl: string;

beforeAll(async () => {
  // A real port, so the realtime push can be received too.
  running = await startServer(testConfig({ port: 0, host: '127.0.0.1' }), { logger: false });
  const address = running.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  baseUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(() => running.close());

type Item = { id: number; number: number };
const ids = (items: Item[]) => items.map((t) => t.id).sort((a, b) => a - b);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

async function listIds(client: Client, query: string): Promise<number[]> {
  const res = await client.get(`/api/v1/tickets?limit=200&${query}`);
  if (res.statusCode !== 200) throw new Error(`list ${query}: ${res.statusCode} ${res.body}`);
  return ids(res.json().items);
}
async function create(client: Client, body: Record<string, unknown>): Promise<number> {
  const res = await client.post('/api/v1/tickets', body);
  if (res.statusCode !== 201) throw new Error(`create ticket: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** A vendor with an agent whose role sees every ticket but cannot change ticket settings. */
async function vendorWithAgents() {
  const v = await makeVendor(running, '查询器服务商');
  const role = (
    await v.admin.post('/api/v1/roles', {
      name: '全部工单客服',
      permissions: ['ticket.view', 'ticket.create', 'ticket.edit'],
      dataScope: 'all',
    })
  ).json();
  const a1 = await makeAgent(running, v, { roleId: role.id });
  const a2 = await makeAgent(running, v); // 普通客服: own data scope
  return { v, a1, a2 };
}

describe('system views', () => {
  it('return the right tickets for an agent', async () => {
    const { v, a1, a2 } = await vendorWithAgents();
    const me = a1.agent.id;
    const mine = await create(v.admin, { subject: '分配给我的', assigneeId: me });
    const mineSolved = await create(v.admin, { subject: '我已解决的', assigneeId: me });
    await v.admin.patch(`/api/v1/tickets/${mineSolved}`, { status: 'solved' });
    const created = await create(a1.client, { subject: '我创建的' });
    const cc = await create(v.admin, { subject: '抄送我', assigneeId: v.admin.agentId, ccAgentIds: [me] });
    const others = await create(v.admin, { subject: '别人的', assigneeId: a2.agent.id });
    const oldSolved = await create(v.admin, { subject: '很久以前解决的' });
    await v.admin.patch(`/api/v1/tickets/${oldSolved}`, { status: 'solved' });
    await running.deps.db
      .update(tickets)
      .set({ solvedAt: new Date(Date.now() - 30 * 86_400_000) })
      .where(and(eq(tickets.vendorId, v.vendorId), eq(tickets.id, oldSolved)));

    const c = a1.client;
    expect(await listIds(c, 'viewId=sys:mine')).toEqual([mine]);
    expect(await listIds(c, 'viewId=sys:created')).toEqual([created]);
    expect(await listIds(c, 'viewId=sys:cc')).toEqual([cc]);
    expect(await listIds(c, 'viewId=sys:unassigned')).toEqual([created]);
    expect(await listIds(c, 'viewId=sys:unresolved')).toEqual(sorted([mine, created, cc, others]));
    expect(await listIds(c, 'viewId=sys:recently_solved')).toEqual([mineSolved]);
    // The same view binds "me" to whoever asks.
    expect(await listIds(a2.client, 'viewId=sys:mine')).toEqual([others]);

    const sidebar = (await c.get('/api/v1/ticket-views')).json().items;
    expect(sidebar.map((x: { id: string }) => x.id)).toEqual([
      'sys:mine',
      'sys:created',
      'sys:cc',
      'sys:unassigned',
      'sys:unresolved',
      'sys:recently_solved',
    ]);
    expect(sidebar[0].name).toBe('我的待处理');
    const en = await c.request('GET', '/api/v1/ticket-views', undefined, { 'accept-language': 'en' });
    expect(en.json().items[0].name).toBe('My open tickets');
  });

  it('applies the data scope inside a view and counts what the lists show', async () => {
    const { v, a1, a2 } = await vendorWithAgents();
    const own = await create(a2.client, { subject: '自己建的' });
    const ccd = await create(v.admin, { subject: '抄送给普通客服', ccAgentIds: [a2.agent.id] });
    const hidden = await create(v.admin, { subject: '看不到的' });
    await create(v.admin, { subject: '分给甲的', assigneeId: a1.agent.id });
    expect(await listIds(a2.client, 'viewId=sys:unresolved')).toEqual(sorted([own, ccd]));
    expect(await listIds(v.admin, 'viewId=sys:unresolved')).toContain(hidden);

    for (const client of [v.admin, a1.client, a2.client]) {
      const counts = (await client.get('/api/v1/ticket-views/counts')).json().counts;
      const views = (await client.get('/api/v1/ticket-views')).json().items as { id: string }[];
      expect(Object.keys(counts).sort()).toEqual(views.map((x) => x.id).sort());
      for (const view of views)
        expect(counts[view.id], view.id).toBe((await listIds(client, `viewId=${view.id}`)).length);
    }
    expect((await a2.client.get('/api/v1/ticket-views/counts')).json().counts['sys:unresolved']).toBe(2);
  });

  it('lets administrators edit, switch off, reorder and reset system views', async () => {
    const { v, a1 } = await vendorWithAgents();
    const t = await create(v.admin, { subject: '紧急未分配', priority: 'urgent' });
    await create(v.admin, { subject: '普通未分配' });
    const edited = await v.admin.patch('/api/v1/ticket-views/sys:unassigned', {
      name: '待分配紧急工单',
      conditions: {
        all: [
          { field: 'ticket.assigneeId', op: 'blank' },
          { field: 'ticket.priority', op: 'is', value: 'urgent' },
        ],
        any: [],
      },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: 'sys:unassigned', system: true, name: '待分配紧急工单' });
    expect(await listIds(a1.client, 'viewId=sys:unassigned')).toEqual([t]);
    // Agents cannot touch system views.
    expectProblem(await a1.client.patch('/api/v1/ticket-views/sys:mine', { name: '改名' }), 403, 'forbidden');
    expectProblem(await a1.client.del('/api/v1/ticket-views/sys:mine'), 403, 'forbidden');

    expect((await v.admin.del('/api/v1/ticket-views/sys:cc')).statusCode).toBe(204);
    const sidebar = (await a1.client.get('/api/v1/ticket-views'))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(sidebar).not.toContain('sys:cc');
    expectProblem(await a1.client.get('/api/v1/tickets?viewId=sys:cc'), 404, 'not_found');
    const managed = (await v.admin.get('/api/v1/ticket-views?manage=true')).json().items;
    expect(managed.find((x: { id: string }) => x.id === 'sys:cc').enabled).toBe(false);

    const custom = (
      await v.admin.post('/api/v1/ticket-views', { name: '全部工单', conditions: { all: [], any: [] } })
    ).json();
    const ordered = await v.admin.put('/api/v1/ticket-views/order', { ids: [custom.id, 'sys:unresolved'] });
    expect(ordered.statusCode).toBe(200);
    expect(
      ordered
        .json()
        .items.slice(0, 3)
        .map((x: { id: string }) => x.id),
    ).toEqual([custom.id, 'sys:unresolved', 'sys:mine']);
    expectProblem(await v.admin.put('/api/v1/ticket-views/order', { ids: ['sys:nope'] }), 400);
    expectProblem(await a1.client.put('/api/v1/ticket-views/order', { ids: [custom.id] }), 403);

    for (const id of ['sys:unassigned', 'sys:cc']) {
      const reset = await v.admin.post(`/api/v1/ticket-views/${id}/reset`);
      expect(reset.statusCode).toBe(200);
      expect(reset.json().enabled).toBe(true);
    }
    const after = (await a1.client.get('/api/v1/ticket-views')).json().items;
    expect(after.find((x: { id: string }) => x.id === 'sys:unassigned').name).toBe('未分配');
    expect(after.map((x: { id: string }) => x.id)).toContain('sys:cc');
    expectProblem(await v.admin.post(`/api/v1/ticket-views/${custom.id}/reset`), 404);
  });
});

describe('custom views', () => {
  let v: TestVendor;
  let a1: Awaited<ReturnType<typeof makeAgent>>;
  let a2: Awaited<ReturnType<typeof makeAgent>>;
  let groupId: number;
  const t: Record<string, number> = {};

  beforeAll(async () => {
    ({ v, a1, a2 } = await vendorWithAgents());
    groupId = (await v.admin.post('/api/v1/groups', { name: '技术组', memberIds: [a1.agent.id] })).json().id;
    const field = await v.admin.post('/api/v1/fields', {
      entity: 'ticket',
      key: 'product',
      label: '产品',
      type: 'select',
      options: [
        { value: 'tplus', label: 'T+' },
        { value: 'u8', label: 'U8' },
      ],
    });
    expect(field.statusCode).toBe(201);
    const vip = (
      await v.admin.post('/api/v1/companies', {
        name: '畅捷通VIP客户',
        package: 'VIP服务包',
        tags: ['重点'],
        contacts: [{ name: '李会计', mobile: '13800138001' }],
      })
    ).json();
    const std = (
      await v.admin.post('/api/v1/companies', {
        name: '标准客户',
        package: '标准服务包',
        contacts: [{ name: '赵出纳', mobile: '13800138002' }],
      })
    ).json();
    t.vipTplus = await create(v.admin, {
      subject: 'T+ 无法登录',
      custom: { product: 'tplus' },
      contactId: vip.primaryContact.id,
    });
    t.urgentTplus = await create(v.admin, {
      subject: 'T+ 凭证丢失',
      custom: { product: 'tplus' },
      priority: 'urgent',
    });
    t.stdTplus = await create(v.admin, {
      subject: 'T+ 打印',
      custom: { product: 'tplus' },
      contactId: std.primaryContact.id,
    });
    t.vipU8 = await create(v.admin, {
      subject: 'U8 报表',
      custom: { product: 'u8' },
      contactId: vip.primaryContact.id,
      priority: 'high',
    });
    t.plain = await create(v.admin, { subject: '没有产品', assigneeId: a1.agent.id, tags: ['回访'] });
  });

  it('match all and any conditions over custom fields and the company', async () => {
    const res = await v.admin.post('/api/v1/ticket-views', {
      name: 'T+ 重点工单',
      conditions: {
        all: [{ field: 'ticket.custom.product', op: 'is', value: 'tplus' }],
        any: [
          { field: 'company.package', op: 'is', value: 'VIP服务包' },
          { field: 'ticket.priority', op: 'is', value: 'urgent' },
        ],
      },
      columns: ['number', 'subject', 'custom.product', 'company.name'],
      groupBy: 'custom.product',
      category: '产品',
    });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      system: false,
      visibility: { scope: 'all' },
      ownerAgentId: v.admin.agentId,
      category: '产品',
    });
    expect(await listIds(v.admin, `viewId=${view.id}`)).toEqual(sorted([t.vipTplus!, t.urgentTplus!]));
    expect(await listIds(a1.client, `viewId=${view.id}`)).toEqual(sorted([t.vipTplus!, t.urgentTplus!]));
    // The list's own filters still narrow a view.
    expect(await listIds(v.admin, `viewId=${view.id}&q=${encodeURIComponent('凭证')}`)).toEqual([
      t.urgentTplus,
    ]);

    const tagged = (
      await v.admin.post('/api/v1/ticket-views', {
        name: '重点客户或回访',
        conditions: {
          all: [],
          any: [
            { field: 'company.tags', op: 'includes_any', value: ['重点'] },
            { field: 'ticket.tags', op: 'includes_all', value: ['回访'] },
          ],
        },
      })
    ).json();
    expect(await listIds(v.admin, `viewId=${tagged.id}`)).toEqual(sorted([t.vipTplus!, t.vipU8!, t.plain!]));
  });

  it('keeps personal views personal and shares the rest by visibility', async () => {
    const personal = await a1.client.post('/api/v1/ticket-views', {
      name: '我的产品工单',
      conditions: { all: [{ field: 'ticket.custom.product', op: 'present' }], any: [] },
    });
    expect(personal.statusCode).toBe(201);
    const p = personal.json();
    expect(p.visibility.scope).toBe('me');
    expect(
      (await a1.client.get('/api/v1/ticket-views')).json().items.map((x: { id: string }) => x.id),
    ).toContain(p.id);
    for (const other of [a2.client, v.admin]) {
      const list = (await other.get('/api/v1/ticket-views?manage=true')).json().items;
      expect(list.map((x: { id: string }) => x.id)).not.toContain(p.id);
      expectProblem(await other.get(`/api/v1/tickets?viewId=${p.id}`), 404, 'not_found');
      expectProblem(await other.get(`/api/v1/ticket-views/${p.id}`), 404, 'not_found');
      expectProblem(await other.patch(`/api/v1/ticket-views/${p.id}`, { name: 'x' }), 404, 'not_found');
      expectProblem(await other.get(`/api/v1/ticket-views/${p.id}/groups`), 404, 'not_found');
    }
    // The owner edits and deletes it with ticket.view alone, but cannot share it.
    expect((await a1.client.patch(`/api/v1/ticket-views/${p.id}`, { name: '我的产品' })).statusCode).toBe(
      200,
    );
    expectProblem(
      await a1.client.patch(`/api/v1/ticket-views/${p.id}`, { visibility: { scope: 'all' } }),
      403,
      'forbidden',
    );
    expectProblem(
      await a1.client.post('/api/v1/ticket-views', {
        name: '想共享',
        conditions: { all: [], any: [] },
        visibility: { scope: 'all' },
      }),
      403,
      'forbidden',
    );
    expect((await a1.client.del(`/api/v1/ticket-views/${p.id}`)).statusCode).toBe(204);
    expectProblem(await a1.client.get(`/api/v1/ticket-views/${p.id}`), 404);

    const forGroup = (
      await v.admin.post('/api/v1/ticket-views', {
        name: '技术组视图',
        conditions: { all: [], any: [] },
        visibility: { scope: 'groups', groupIds: [groupId] },
      })
    ).json();
    const forAgent = (
      await v.admin.post('/api/v1/ticket-views', {
        name: '指定客服视图',
        conditions: { all: [], any: [] },
        visibility: { scope: 'agents', agentIds: [a2.agent.id] },
      })
    ).json();
    const portal = (
      await v.admin.post('/api/v1/ticket-views', {
        name: '客户门户视图',
        conditions: { all: [], any: [] },
        visibility: { scope: 'contact_tag', contactTag: 'VIP' },
      })
    ).json();
    const sidebarOf = async (c: Client) =>
      (await c.get('/api/v1/ticket-views')).json().items.map((x: { id: string }) => x.id);
    expect(await sidebarOf(a1.client)).toEqual(expect.arrayContaining([forGroup.id]));
    expect(await sidebarOf(a1.client)).not.toContain(forAgent.id);
    expect(await sidebarOf(a2.client)).toEqual(expect.arrayContaining([forAgent.id]));
    expect(await sidebarOf(a2.client)).not.toContain(forGroup.id);
    for (const c of [a1.client, a2.client, v.admin]) expect(await sidebarOf(c)).not.toContain(portal.id);
    const managed = (await v.admin.get('/api/v1/ticket-views?manage=true')).json().items;
    expect(managed.find((x: { id: string }) => x.id === portal.id).visibility).toEqual({
      scope: 'contact_tag',
      groupIds: [],
      agentIds: [],
      contactTag: 'VIP',
    });
    expectProblem(await a2.client.get(`/api/v1/tickets?viewId=${forGroup.id}`), 404);
    expectProblem(await a2.client.get('/api/v1/tickets?viewId=sys:nothing'), 404);
    expectProblem(await a2.client.get('/api/v1/tickets?viewId=12abc'), 404);
  });

  it('rejects invalid views with field paths', async () => {
    const bad = await v.admin.post('/api/v1/ticket-views', {
      name: '坏视图',
      conditions: {
        all: [
          { field: 'ticket.nothing', op: 'is', value: 'x' },
          { field: 'ticket.status', op: 'contains', value: 'new' },
        ],
        any: [
          { field: 'ticket.priority', op: 'is', value: 'highest' },
          { field: 'ticket.assigneeId', op: 'is', value: 'someone' },
        ],
      },
      columns: ['number', 'nope', 'custom.product'],
      groupBy: 'custom.nothing',
      sort: { field: 'subject', direction: 'asc' },
      templateId: 999999,
      visibility: { scope: 'groups', groupIds: [] },
    });
    const problem = expectProblem(bad, 400, 'validation_failed');
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      [
        'body.conditions.all.0.field',
        'body.conditions.all.1.op',
        'body.conditions.any.0.value',
        'body.conditions.any.1.value',
        'body.columns.1',
        'body.groupBy',
        'body.sort.field',
        'body.templateId',
        'body.visibility.groupIds',
      ].sort(),
    );
    expect(problem.errors.find((e: { path: string }) => e.path === 'body.columns.1').message).toBe(
      '没有这个字段',
    );
    const taken = await v.admin.post('/api/v1/ticket-views', {
      name: '我的待处理',
      conditions: { all: [], any: [] },
    });
    expectProblem(taken, 409, 'name_taken');
    await v.admin.post('/api/v1/ticket-views', { name: '重名', conditions: { all: [], any: [] } });
    expectProblem(
      await v.admin.post('/api/v1/ticket-views', { name: '重名', conditions: { all: [], any: [] } }),
      409,
      'name_taken',
    );
    expectProblem(
      await v.admin.patch('/api/v1/ticket-views/sys:mine', { visibility: { scope: 'me' } }),
      400,
      'validation_failed',
    );
    expectProblem(await v.admin.get('/api/v1/ticket-views/abc'), 400, 'validation_failed');
    expectProblem(await v.admin.get('/api/v1/ticket-views/999999'), 404, 'not_found');
    expectProblem(await v.admin.patch('/api/v1/ticket-views/sys:mine', { name: '' }), 400);
  });

  it('sorts and pages through a view', async () => {
    const view = (
      await v.admin.post('/api/v1/ticket-views', {
        name: '按编号',
        conditions: { all: [{ field: 'ticket.custom.product', op: 'present' }], any: [] },
        sort: { field: 'number', direction: 'asc' },
      })
    ).json();
    const numbers: number[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await v.admin.get(`/api/v1/tickets?viewId=${view.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json() as { items: Item[]; nextCursor: string | null };
      numbers.push(...page.items.map((x) => x.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(numbers).toHaveLength(4);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // An explicit sort wins over the view's.
    const desc = (await v.admin.get(`/api/v1/tickets?viewId=${view.id}&sort=-number`)).json().items;
    expect(desc.map((x: Item) => x.number)).toEqual([...numbers].reverse());
  });

  it('counts tickets per group and lists one group', async () => {
    const byPriority = (
      await v.admin.post('/api/v1/ticket-views', {
        name: '按优先级',
        conditions: { all: [], any: [] },
        groupBy: 'priority',
      })
    ).json();
    const groupsRes = await v.admin.get(`/api/v1/ticket-views/${byPriority.id}/groups`);
    expect(groupsRes.statusCode).toBe(200);
    expect(groupsRes.json()).toEqual({
      groupBy: 'priority',
      items: [
        { value: 'urgent', label: { zh: '紧急', en: 'Urgent' }, count: 1 },
        { value: 'high', label: { zh: '高', en: 'High' }, count: 1 },
        { value: 'normal', label: { zh: '普通', en: 'Normal' }, count: 3 },
      ],
    });
    expect(await listIds(v.admin, `viewId=${byPriority.id}&viewGroup=normal`)).toEqual(
      sorted([t.vipTplus!, t.stdTplus!, t.plain!]),
    );

    const byProduct = (
      await v.admin.post('/api/v1/ticket-views', {
        name: '按产品',
        conditions: { all: [], any: [] },
        groupBy: 'custom.product',
      })
    ).json();
    const items = (await v.admin.get(`/api/v1/ticket-views/${byProduct.id}/groups`)).json().items;
    expect(items).toEqual([
      { value: 'tplus', label: { zh: 'T+', en: 'T+' }, count: 3 },
      { value: '', label: null, count: 1 },
      { value: 'u8', label: { zh: 'U8', en: 'U8' }, count: 1 },
    ]);
    for (const g of items)
      expect((await listIds(v.admin, `viewId=${byProduct.id}&viewGroup=${g.value}`)).length).toBe(g.count);

    const byAssignee = (
      await v.admin.post('/api/v1/ticket-views', {
        name: '按客服',
        conditions: { all: [], any: [] },
        groupBy: 'assignee',
      })
    ).json();
    const assignees = (await v.admin.get(`/api/v1/ticket-views/${byAssignee.id}/groups`)).json().items;
    expect(assignees).toEqual([
      { value: '', label: null, count: 4 },
      { value: String(a1.agent.id), label: { zh: '测试客服', en: '测试客服' }, count: 1 },
    ]);
    // Without a grouping there are no groups.
    const plain = (await v.admin.get(`/api/v1/ticket-views/sys:mine/groups`)).json();
    expect(plain).toEqual({ groupBy: null, items: [] });
  });

  it('offers the condition fields, columns, groupings and sorts', async () => {
    const fields = (await a1.client.get('/api/v1/tickets/query-fields')).json().items as {
      key: string;
      type: string;
      options?: { value: string }[];
    }[];
    const byKey = new Map(fields.map((f) => [f.key, f]));
    expect(byKey.get('ticket.custom.product')).toMatchObject({ type: 'select' });
    expect(byKey.get('ticket.custom.product')!.options!.map((o) => o.value)).toEqual(['tplus', 'u8']);
    expect(byKey.get('company.package')!.options!.map((o) => o.value)).toContain('VIP服务包');
    expect(byKey.get('ticket.assigneeId')!.options!.map((o) => o.value)).toContain('$me');
    for (const key of [
      'ticket.status',
      'ticket.ccAgentIds',
      'ticket.tags',
      'contact.mobile',
      'company.serviceEnd',
    ])
      expect(byKey.has(key), key).toBe(true);
    const options = (await a1.client.get('/api/v1/ticket-views/options')).json();
    expect(options.columns.map((c: { key: string }) => c.key)).toEqual(
      expect.arrayContaining(['number', 'company.name', 'custom.product']),
    );
    expect(options.groupBy.map((c: { key: string }) => c.key)).toEqual([
      'status',
      'priority',
      'assignee',
      'group',
      'template',
      'custom.product',
    ]);
  });
});

describe('tenancy', () => {
  it("answers 404 on every view route for another vendor's view", async () => {
    const a = await makeVendor(running, '甲');
    const b = await makeVendor(running, '乙');
    const theirs = (
      await b.admin.post('/api/v1/ticket-views', { name: '乙的视图', conditions: { all: [], any: [] } })
    ).json();
    const routes = running.app.routeTable.filter((r) => r.url.startsWith('/api/v1/ticket-views/:id'));
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const r of routes) {
      const res = await a.admin.request(
        r.method as 'GET',
        r.url.replace(':id', theirs.id),
        r.hasBody ? {} : undefined,
      );
      expectProblem(res, 404, 'not_found');
    }
    expectProblem(await a.admin.get(`/api/v1/tickets?viewId=${theirs.id}`), 404, 'not_found');
    expect((await b.admin.get(`/api/v1/ticket-views/${theirs.id}`)).json().name).toBe('乙的视图');
  });
});

describe('ticket conditions: SQL and evaluator agree', () => {
  it('select the same tickets for every catalogue field', async () => {
    const { v, a1 } = await vendorWithAgents();
    await v.admin.post('/api/v1/fields', {
      entity: 'ticket',
      key: 'level',
      label: '级别',
      type: 'select',
      options: [
        { value: 'A', label: 'A级' },
        { value: 'B', label: 'B级' },
      ],
    });
    await v.admin.post('/api/v1/fields', {
      entity: 'ticket',
      key: 'visits',
      label: '上门次数',
      type: 'integer',
    });
    await v.admin.post('/api/v1/fields', {
      entity: 'ticket',
      key: 'visit_on',
      label: '上门日期',
      type: 'date',
    });
    const company = (
      await v.admin.post('/api/v1/companies', {
        name: '金蝶KIS客户',
        package: 'VIP服务包',
        serviceEnd: '2020-01-01',
        tags: ['重点', '续费'],
        contacts: [{ name: 'Kingdee 王', mobile: '13900000003', tags: ['财务'] }],
      })
    ).json();
    const me = a1.agent.id;
    await create(v.admin, {
      subject: 'KIS 凭证 100% 无法过账',
      priority: 'urgent',
      contactId: company.primaryContact.id,
      custom: { level: 'A', visits: 2, visit_on: '2026-01-05' },
      assigneeId: me,
      tags: ['回访'],
    });
    await create(a1.client, {
      subject: 'kis 打印_模板',
      ccAgentIds: [v.admin.agentId],
      custom: { visits: 0 },
    });
    await create(v.admin, { subject: '无客户', ccAgentIds: [me], custom: { level: 'B' }, type: 'incident' });
    const solved = await create(v.admin, {
      subject: '已解决',
      companyId: company.id,
      dueAt: '2026-12-01T08:00:00Z',
    });
    await v.admin.patch(`/api/v1/tickets/${solved}`, { status: 'solved' });

    const db = running.deps.db;
    const vendorId = v.vendorId;
    const fields = await listFields(db, vendorId, 'ticket');
    const { fields: catalogueFields, columns } = ticketQueryFields({
      fields,
      packages: (await listPackages(db, vendorId)).map((p) => p.name),
      agents: await db
        .select({ id: agents.id, name: agents.name })
        .from(agents)
        .where(eq(agents.vendorId, vendorId)),
      groups: await db
        .select({ id: groups.id, name: groups.name })
        .from(groups)
        .where(eq(groups.vendorId, vendorId)),
      templates: [],
      masked: false,
    });
    const catalogue = createFieldCatalogue(catalogueFields);
    const rows = await db.select().from(tickets).where(eq(tickets.vendorId, vendorId));
    const companyRows = await db.select().from(companies).where(eq(companies.vendorId, vendorId));
    const contactRows = await db.select().from(contacts).where(eq(contacts.vendorId, vendorId));
    const records = rows.map((r) => ({
      id: r.id,
      record: ticketConditionRecord(
        r,
        {
          company: companyRows.find((c) => c.id === r.companyId) ?? null,
          contact: contactRows.find((c) => c.id === r.contactId) ?? null,
        },
        fields,
      ),
    }));
    const ctx = { now: new Date(), timeZone: 'Asia/Shanghai' };
    const single: ConditionSet['all'] = [
      { field: 'ticket.subject', op: 'contains', value: 'kis' },
      { field: 'ticket.subject', op: 'not_contains', value: '%' },
      { field: 'ticket.subject', op: 'starts_with', value: 'KIS' },
      { field: 'ticket.subject', op: 'matches', value: '_模板$' },
      { field: 'ticket.description', op: 'blank' },
      { field: 'ticket.number', op: 'gt', value: 2 },
      { field: 'ticket.status', op: 'in', value: ['new', 'open'] },
      { field: 'ticket.status', op: 'is_not', value: 'solved' },
      { field: 'ticket.priority', op: 'is', value: 'urgent' },
      { field: 'ticket.type', op: 'not_in', value: ['incident'] },
      { field: 'ticket.source', op: 'is', value: 'agent' },
      { field: 'ticket.assigneeId', op: 'is', value: '$me' },
      { field: 'ticket.assigneeId', op: 'is_not', value: '$me' },
      { field: 'ticket.assigneeId', op: 'blank' },
      { field: 'ticket.creatorAgentId', op: 'in', value: ['$me', v.admin.agentId] },
      { field: 'ticket.ccAgentIds', op: 'includes_any', value: ['$me'] },
      { field: 'ticket.ccAgentIds', op: 'includes_none', value: [String(v.admin.agentId)] },
      { field: 'ticket.ccAgentIds', op: 'present' },
      { field: 'ticket.companyId', op: 'is', value: company.id },
      { field: 'ticket.contactId', op: 'present' },
      { field: 'ticket.groupId', op: 'blank' },
      { field: 'ticket.templateId', op: 'blank' },
      { field: 'ticket.tags', op: 'includes_all', value: ['回访'] },
      { field: 'ticket.createdAt', op: 'within_last', value: { amount: 1, unit: 'days' } },
      { field: 'ticket.updatedAt', op: 'before', value: '2020-01-01T00:00:00Z' },
      { field: 'ticket.solvedAt', op: 'present' },
      { field: 'ticket.dueAt', op: 'after', value: '2026-11-30T00:00:00+08:00' },
      { field: 'ticket.custom.level', op: 'is', value: 'A' },
      { field: 'ticket.custom.level', op: 'not_in', value: ['A'] },
      { field: 'ticket.custom.visits', op: 'gte', value: 1 },
      { field: 'ticket.custom.visits', op: 'is_not', value: 2 },
      { field: 'ticket.custom.visit_on', op: 'before', value: '2026-02-01' },
      { field: 'company.name', op: 'contains', value: '金蝶' },
      { field: 'company.package', op: 'is', value: 'VIP服务包' },
      { field: 'company.serviceEnd', op: 'before', value: '2026-01-01' },
      { field: 'company.tags', op: 'includes_none', value: ['续费'] },
      { field: 'contact.name', op: 'starts_with', value: 'kingdee' },
      { field: 'contact.mobile', op: 'is', value: '13900000003' },
      { field: 'contact.tags', op: 'includes_any', value: ['财务'] },
      { field: 'ticket.ccGroupIds', op: 'blank' },
      { field: 'ticket.closedAt', op: 'blank' },
    ];
    // Every field of the catalogue is exercised.
    const covered = new Set(single.map((c) => c.field));
    expect(catalogueFields.map((f) => f.key).filter((k) => !covered.has(k))).toEqual([]);
    const sets: ConditionSet[] = [
      ...single.map((c) => ({ all: [c], any: [] })),
      { all: [single[0]!], any: [single[8]!, single[15]!] },
      { all: [single[6]!, single[33]!], any: [] },
      { all: [], any: [single[13]!, single[27]!, single[36]!] },
    ];
    let nonTrivial = 0;
    for (const set of sets) {
      const bound = bindCurrentAgent(set, me);
      const where = compileConditions(bound, catalogue, columns, ctx);
      const viaSql = (
        await db
          .select({ id: tickets.id })
          .from(tickets)
          .where(and(eq(tickets.vendorId, vendorId), sql`${where}`))
      ).map((r) => r.id);
      const evaluate = prepareEvaluator(bound, catalogue);
      const inMemory = records.filter((r) => evaluate(r.record, ctx)).map((r) => r.id);
      expect(sorted(viaSql), JSON.stringify(set)).toEqual(sorted(inMemory));
      if (inMemory.length > 0 && inMemory.length < records.length) nonTrivial++;
    }
    // The fixtures split most conditions, so agreement is not just "all" or "none".
    expect(nonTrivial).toBeGreaterThan(sets.length / 2);
  });
});

describe('live counts', () => {
  it('pushes tickets.changed to the vendor room after a change', async () => {
    const v = await makeVendor(running, '实时');
    const login = await running.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { account: 'admin', password: v.adminPassword, vendor: v.loginKey },
    });
    const sid = login.cookies.find((c) => c.name === 'yidan_sid')!.value;
    const socket: Socket = io(`${baseUrl}/agent`, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: `yidan_sid=${encodeURIComponent(sid)}` },
    });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    try {
      const seen = new Set<number>();
      let onPush = () => {};
      socket.on('tickets.changed', (p: { ticketIds: number[]; truncated: boolean }) => {
        for (const id of p.ticketIds) seen.add(id);
        onPush();
      });
      const id = await create(v.admin, { subject: '实时推送' });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no tickets.changed push')), 10_000);
        onPush = () => {
          if (!seen.has(id)) return;
          clearTimeout(timer);
          resolve();
        };
        onPush();
      });
      expect(seen.has(id)).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('throttles pushes per vendor', () => {
    vi.useFakeTimers();
    try {
      const pushes: [number, number[]][] = [];
      const throttle = new VendorPushThrottle(500, (vendorId, ticketIds) =>
        pushes.push([vendorId, ticketIds]),
      );
      for (let id = 1; id <= 100; id++) throttle.add(7, id);
      throttle.add(8, 1);
      expect(pushes).toEqual([
        [7, [1]],
        [8, [1]],
      ]);
      vi.advanceTimersByTime(500);
      expect(pushes).toHaveLength(3);
      expect(pushes[2]![1]).toHaveLength(99);
      vi.advanceTimersByTime(500);
      expect(pushes).toHaveLength(3);
      throttle.add(7, 5);
      expect(pushes).toHaveLength(4);
      throttle.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
