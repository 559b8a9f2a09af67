import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import {
  type Client,
  expectProblem,
  makeAgent,
  makeVendor,
  startTestServer,
  type TestVendor,
} from './harness.js';

let running: Running;
let v: TestVendor;
let vip: { id: number; primaryContact: { id: number } };
let std: { id: number; primaryContact: { id: number } };

type Cond = { field: string; op: string; value?: unknown };
type Action = { field: string; value?: unknown };
type TimelineEvent = {
  kind: string;
  actorType: string;
  via: string | null;
  public: boolean;
  body: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
};

const onCreate: Cond = { field: 'event.type', op: 'is', value: 'created' };
const onUpdate: Cond = { field: 'event.type', op: 'is', value: 'updated' };

async function addTrigger(
  client: Client,
  title: string,
  all: Cond[],
  actions: Action[],
  extra: Record<string, unknown> = {},
) {
  const res = await client.post('/api/v1/triggers', {
    title,
    conditions: { all, any: [] },
    actions,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`trigger ${title}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; sortOrder: number };
}

/** Each test starts from no triggers (they run for every ticket of the vendor). */
async function clearTriggers(client: Client) {
  for (const t of (await client.get('/api/v1/triggers')).json().items)
    await client.del(`/api/v1/triggers/${t.id}`);
}

async function timeline(client: Client, id: number): Promise<TimelineEvent[]> {
  return (await client.get(`/api/v1/tickets/${id}/timeline?limit=100`)).json().items.reverse();
}

async function newTicket(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/tickets', body);
  if (res.statusCode !== 201) throw new Error(`ticket: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
  vip = (
    await v.admin.post('/api/v1/companies', {
      name: '畅捷通VIP客户',
      package: 'VIP服务包',
      contacts: [{ name: '李会计', mobile: '13800138001' }],
    })
  ).json();
  std = (
    await v.admin.post('/api/v1/companies', {
      name: '标准客户',
      package: '标准服务包',
      contacts: [{ name: '赵出纳', mobile: '13800138002' }],
    })
  ).json();
});
afterAll(() => running.close());

describe('triggers', () => {
  it('escalates VIP tickets on creation, and the timeline names the trigger', async () => {
    await clearTriggers(v.admin);
    await addTrigger(
      v.admin,
      'VIP工单升级',
      [onCreate, { field: 'company.package', op: 'is', value: 'VIP服务包' }],
      [{ field: 'ticket.priority', value: 'urgent' }],
    );
    const t = await newTicket(v.admin, { subject: 'T+ 无法登录', contactId: vip.primaryContact.id });
    expect(t.priority).toBe('urgent');
    const events = await timeline(v.admin, t.id);
    expect(events.map((e) => e.kind)).toEqual(['created', 'updated']);
    expect(events[1]).toMatchObject({
      actorType: 'system',
      via: '触发器「VIP工单升级」',
      changes: [{ field: 'priority', from: 'normal', to: 'urgent' }],
    });
    const plain = await newTicket(v.admin, { subject: '普通客户', contactId: std.primaryContact.id });
    expect(plain.priority).toBe('normal');
    expect((await timeline(v.admin, plain.id)).map((e) => e.kind)).toEqual(['created']);
    // An update is no creation: the trigger does not fire again.
    const patched = (await v.admin.patch(`/api/v1/tickets/${t.id}`, { priority: 'low' })).json();
    expect(patched.priority).toBe('low');
  });

  it('fires on status changed to solved, with a note rendered from placeholders', async () => {
    await clearTriggers(v.admin);
    await addTrigger(
      v.admin,
      '解决后回访',
      [{ field: 'ticket.status', op: 'changed_to', value: 'solved' }],
      [
        { field: 'ticket.tags.add', value: ['待回访'] },
        {
          field: 'ticket.note',
          value: '工单 #{{ticket.number}}「{{ticket.subject}}」已解决，请回访 {{contact.name}}',
        },
      ],
    );
    const t = await newTicket(v.admin, { subject: '凭证<打印>', contactId: std.primaryContact.id });
    expect((await v.admin.patch(`/api/v1/tickets/${t.id}`, { priority: 'high' })).json().tags).toEqual([]);
    const solved = (await v.admin.patch(`/api/v1/tickets/${t.id}`, { status: 'solved' })).json();
    expect(solved.tags).toEqual(['待回访']);
    const last = (await timeline(v.admin, t.id)).at(-1)!;
    expect(last.via).toBe('触发器「解决后回访」');
    expect(last.public).toBe(false);
    expect(last.body).toBe(`<p>工单 #${t.number}「凭证&lt;打印&gt;」已解决，请回访 赵出纳</p>`);
    expect(last.changes).toEqual([{ field: 'tags', from: [], to: ['待回访'] }]);
    // A reply that solves the ticket is a change too (event 'comment').
    const t2 = await newTicket(v.admin, { subject: '第二张' });
    await v.admin.post(`/api/v1/tickets/${t2.id}/comments`, {
      body: '已处理',
      public: true,
      status: 'solved',
    });
    expect((await v.admin.get(`/api/v1/tickets/${t2.id}`)).json().tags).toEqual(['待回访']);
  });

  it('runs in order; later triggers see earlier changes and the cycle restarts until nothing fires', async () => {
    await clearTriggers(v.admin);
    // A is first but can only fire after C, in the second pass.
    await addTrigger(
      v.admin,
      'A 已升级转事故',
      [{ field: 'ticket.tags', op: 'includes_any', value: ['已升级'] }],
      [{ field: 'ticket.type', value: 'incident' }],
    );
    await addTrigger(
      v.admin,
      'B 升级标签提优先级',
      [{ field: 'ticket.tags', op: 'includes_any', value: ['升级'] }],
      [{ field: 'ticket.priority', value: 'high' }],
    );
    await addTrigger(
      v.admin,
      'C 高优先级打标签',
      [{ field: 'ticket.priority', op: 'changed_to', value: 'high' }],
      [{ field: 'ticket.tags.add', value: ['已升级'] }],
    );
    const t = await newTicket(v.admin, { subject: '链式', tags: ['升级'] });
    expect(t).toMatchObject({ priority: 'high', type: 'incident', tags: ['升级', '已升级'] });
    const vias = (await timeline(v.admin, t.id)).filter((e) => e.via).map((e) => e.via);
    expect(vias).toEqual([
      '触发器「B 升级标签提优先级」',
      '触发器「C 高优先级打标签」',
      '触发器「A 已升级转事故」',
    ]);
  });

  it('lets the later of two triggers setting one field win, and reordering changes the winner', async () => {
    await clearTriggers(v.admin);
    const low = await addTrigger(v.admin, '设为低', [onCreate], [{ field: 'ticket.priority', value: 'low' }]);
    const urgent = await addTrigger(
      v.admin,
      '设为紧急',
      [onCreate],
      [{ field: 'ticket.priority', value: 'urgent' }],
    );
    expect(urgent.sortOrder).toBeGreaterThan(low.sortOrder);
    const first = await newTicket(v.admin, { subject: '先低后紧急' });
    expect(first.priority).toBe('urgent');
    // Not a loop: nothing undid a condition and restored it, so no note.
    expect((await timeline(v.admin, first.id)).some((e) => e.body?.includes('循环'))).toBe(false);

    const ordered = await v.admin.put('/api/v1/triggers/order', { ids: [urgent.id] });
    expect(ordered.statusCode).toBe(200);
    expect(ordered.json().items.map((t: { id: number }) => t.id)).toEqual([urgent.id, low.id]);
    expect((await newTicket(v.admin, { subject: '先紧急后低' })).priority).toBe('low');
  });

  it('stops a loop between two triggers and notes it on the ticket', async () => {
    await clearTriggers(v.admin);
    await addTrigger(
      v.admin,
      '甲换乙',
      [{ field: 'ticket.tags', op: 'includes_any', value: ['甲'] }],
      [
        { field: 'ticket.tags.remove', value: ['甲'] },
        { field: 'ticket.tags.add', value: ['乙'] },
      ],
    );
    await addTrigger(
      v.admin,
      '乙换甲',
      [{ field: 'ticket.tags', op: 'includes_any', value: ['乙'] }],
      [
        { field: 'ticket.tags.remove', value: ['乙'] },
        { field: 'ticket.tags.add', value: ['甲'] },
      ],
    );
    const t = await newTicket(v.admin, { subject: '循环', tags: ['甲'] });
    expect(t.tags).toEqual(['甲']);
    const events = await timeline(v.admin, t.id);
    expect(events.filter((e) => e.via?.startsWith('触发器「')).length).toBe(2);
    const note = events.at(-1)!;
    expect(note).toMatchObject({ kind: 'comment', public: false, actorType: 'system', via: '触发器' });
    expect(note.body).toContain('检测到触发器循环');
    expect(note.body).toContain('「甲换乙」');
    expect(note.body).toContain('「乙换甲」');
  });

  it('stops a cycle still firing after 10 passes, with a note', async () => {
    await clearTriggers(v.admin);
    // Listed against the order they chain in: each pass fires one trigger, eleven passes are needed.
    for (let k = 0; k <= 10; k++)
      await addTrigger(
        v.admin,
        `链${k}`,
        [{ field: 'ticket.tags', op: 'includes_any', value: [`s${10 - k}`] }],
        [{ field: 'ticket.tags.add', value: [`s${11 - k}`] }],
      );
    const t = await newTicket(v.admin, { subject: '长链', tags: ['s0'] });
    expect(t.tags).toHaveLength(11);
    const note = (await timeline(v.admin, t.id)).at(-1)!;
    expect(note.body).toContain('连续执行了 10 轮');
  });

  it('does nothing with disabled triggers', async () => {
    await clearTriggers(v.admin);
    const t = await addTrigger(
      v.admin,
      '停用的',
      [onCreate],
      [{ field: 'ticket.priority', value: 'urgent' }],
      {
        enabled: false,
      },
    );
    expect((await newTicket(v.admin, { subject: '不触发' })).priority).toBe('normal');
    await v.admin.patch(`/api/v1/triggers/${t.id}`, { enabled: true });
    expect((await newTicket(v.admin, { subject: '触发' })).priority).toBe('urgent');
  });

  it('runs when a service record is attached (关联服务记录时)', async () => {
    await clearTriggers(v.admin);
    await addTrigger(
      v.admin,
      '上门后待回应',
      [{ field: 'event.type', op: 'is', value: 'record' }],
      [{ field: 'ticket.status', value: 'pending' }],
    );
    const t = await newTicket(v.admin, { subject: '上门服务' });
    expect(t.status).toBe('new');
    const rec = await v.admin.post(`/api/v1/tickets/${t.id}/records`, {
      channel: 'visit',
      summary: '已上门',
    });
    expect(rec.statusCode).toBe(201);
    expect((await v.admin.get(`/api/v1/tickets/${t.id}`)).json().status).toBe('pending');
    const last = (await timeline(v.admin, t.id)).at(-1);
    expect(last).toMatchObject({ kind: 'updated', via: '触发器「上门后待回应」' });
  });

  it('auto-assigns within a group to available agents only: least load and round robin', async () => {
    await clearTriggers(v.admin);
    const a1 = (await makeAgent(running, v)).agent;
    const a2 = (await makeAgent(running, v)).agent;
    const a3 = (await makeAgent(running, v)).agent;
    const noGrant = (await makeAgent(running, v, { grants: ['chat'] })).agent;
    const group = (
      await v.admin.post('/api/v1/groups', { name: '财务组', memberIds: [a1.id, a2.id, a3.id, noGrant.id] })
    ).json();
    await v.admin.patch(`/api/v1/agents/${a3.id}`, { available: false });
    // a1 carries two unresolved tickets, a2 one solved one (which does not count).
    await newTicket(v.admin, { subject: '负载1', assigneeId: a1.id });
    await newTicket(v.admin, { subject: '负载2', assigneeId: a1.id });
    await newTicket(v.admin, { subject: '已解决', assigneeId: a2.id, status: 'solved' });

    const trigger = await addTrigger(
      v.admin,
      '财务自动分配',
      [onCreate, { field: 'ticket.tags', op: 'includes_any', value: ['财务'] }],
      [{ field: 'ticket.autoAssign', value: { groupId: group.id, strategy: 'least_load' } }],
    );
    const l1 = await newTicket(v.admin, { subject: '负载分配1', tags: ['财务'] });
    expect(l1).toMatchObject({ groupId: group.id, assigneeId: a2.id, status: 'open' });
    const l2 = await newTicket(v.admin, { subject: '负载分配2', tags: ['财务'] });
    expect(l2.assigneeId).toBe(a2.id);
    const l3 = await newTicket(v.admin, { subject: '负载分配3', tags: ['财务'] });
    // a1: 2, a2: 2 → the lower id.
    expect(l3.assigneeId).toBe(Math.min(a1.id, a2.id));

    await v.admin.patch(`/api/v1/triggers/${trigger.id}`, {
      actions: [{ field: 'ticket.autoAssign', value: { groupId: group.id, strategy: 'round_robin' } }],
    });
    const picks: number[] = [];
    for (let i = 0; i < 4; i++)
      picks.push((await newTicket(v.admin, { subject: `轮流${i}`, tags: ['财务'] })).assigneeId);
    expect(new Set(picks)).toEqual(new Set([a1.id, a2.id]));
    expect(picks[0]).not.toBe(picks[1]);
    expect(picks[1]).not.toBe(picks[2]);
    expect(picks[2]).not.toBe(picks[3]);

    // Nobody available: the group is set and a note says why.
    await v.admin.patch(`/api/v1/agents/${a1.id}`, { available: false });
    await v.admin.patch(`/api/v1/agents/${a2.id}`, { available: false });
    const none = await newTicket(v.admin, { subject: '无人可分配', tags: ['财务'] });
    expect(none).toMatchObject({ groupId: group.id, assigneeId: null });
    expect((await timeline(v.admin, none.id)).at(-1)!.body).toContain('没有可接单的客服');
  });

  it('notifies agents in-app, the assignee included', async () => {
    await clearTriggers(v.admin);
    const { agent, client } = await makeAgent(running, v);
    const watcher = await makeAgent(running, v);
    await addTrigger(
      v.admin,
      '紧急通知',
      [{ field: 'ticket.priority', op: 'changed_to', value: 'urgent' }],
      [
        {
          field: 'notify.agent',
          value: {
            to: ['assignee', watcher.agent.id],
            title: '紧急工单 #{{ticket.number}}',
            body: '{{ticket.subject}}',
          },
        },
      ],
    );
    const t = await newTicket(v.admin, { subject: '服务器宕机', assigneeId: agent.id });
    await v.admin.patch(`/api/v1/tickets/${t.id}`, { priority: 'urgent' });
    for (const c of [client, watcher.client]) {
      const list = (await c.get('/api/v1/notifications')).json();
      expect(list.items[0]).toMatchObject({
        kind: 'trigger',
        title: `紧急工单 #${t.number}`,
        body: '服务器宕机',
        link: `/tickets/${t.id}`,
      });
    }
  });

  it('sets custom fields and read-only system fields as the system, and notes what it could not do', async () => {
    await clearTriggers(v.admin);
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
    await addTrigger(
      v.admin,
      'T+ 标签设产品',
      [{ field: 'ticket.tags', op: 'includes_any', value: ['T+'] }],
      [
        { field: 'ticket.custom.product', value: 'tplus' },
        { field: 'ticket.cc.add', value: [v.admin.agentId] },
      ],
    );
    const t = await newTicket(v.admin, { subject: '自定义字段', tags: ['T+'] });
    expect(t.custom).toEqual({ product: 'tplus' });
    expect(t.ccAgentIds).toEqual([v.admin.agentId]);

    // An agent unavailable since the trigger was saved: the change is refused, the note says so.
    await clearTriggers(v.admin);
    const { agent } = await makeAgent(running, v);
    await addTrigger(v.admin, '指派给某人', [onCreate], [{ field: 'ticket.assigneeId', value: agent.id }]);
    await v.admin.patch(`/api/v1/agents/${agent.id}`, { available: false });
    const refused = await newTicket(v.admin, { subject: '不可接单' });
    expect(refused.assigneeId).toBeNull();
    expect((await timeline(v.admin, refused.id)).at(-1)!.body).toContain('触发器未能修改工单');
  });

  it('sets company and contact fields (公司字段 / 联系人字段) and notes it on the ticket', async () => {
    await clearTriggers(v.admin);
    const field = await v.admin.post('/api/v1/fields', {
      entity: 'company',
      key: 'renewal',
      label: '续费状态',
      type: 'select',
      options: [
        { value: 'due', label: '待续费' },
        { value: 'done', label: '已续费' },
      ],
    });
    expect(field.statusCode).toBe(201);
    await addTrigger(
      v.admin,
      '续费工单标记客户',
      [onCreate, { field: 'ticket.tags', op: 'includes_any', value: ['续费'] }],
      [
        { field: 'company.serviceEnd', value: '2027-12-31' },
        { field: 'company.custom.renewal', value: 'done' },
        { field: 'contact.position', value: '财务主管' },
      ],
    );
    const t = await newTicket(v.admin, {
      subject: '续费T+一年',
      contactId: std.primaryContact.id,
      tags: ['续费'],
    });
    const company = (await v.admin.get(`/api/v1/companies/${std.id}`)).json();
    expect(company.serviceEnd).toBe('2027-12-31');
    expect(company.custom.renewal).toBe('done');
    const contact = (await v.admin.get(`/api/v1/contacts/${std.primaryContact.id}`)).json();
    expect(contact.position).toBe('财务主管');
    const note = (await timeline(v.admin, t.id)).find((e) => e.via === '触发器「续费工单标记客户」');
    expect(note?.body).toContain('已修改公司字段：服务到期日期、续费状态');
    expect(note?.body).toContain('已修改联系人字段：职位');

    // No company on the ticket: nothing to set, and the note says so.
    const bare = await newTicket(v.admin, { subject: '续费咨询', tags: ['续费'] });
    const bareNote = (await timeline(v.admin, bare.id)).find((e) => e.via === '触发器「续费工单标记客户」');
    expect(bareNote?.body).toContain('工单没有公司');

    const catalogue = (await v.admin.get('/api/v1/triggers/catalogue')).json();
    const keys = catalogue.actions.map((a: { key: string }) => a.key);
    expect(keys).toEqual(
      expect.arrayContaining(['company.serviceEnd', 'company.custom.renewal', 'contact.email']),
    );
    expect(keys).not.toContain('company.name');

    const bad = expectProblem(
      await v.admin.post('/api/v1/triggers', {
        title: '坏的客户字段',
        conditions: { all: [onCreate], any: [] },
        actions: [
          { field: 'company.serviceEnd', value: '明年' },
          { field: 'company.name', value: '改名' },
          { field: 'company.custom.renewal', value: 'nope' },
        ],
      }),
      400,
      'validation_failed',
    );
    const paths = bad.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.actions.0.value', 'body.actions.1.field', 'body.actions.2.value']),
    );
  });

  it('validates conditions and actions with field paths', async () => {
    const bad = await v.admin.post('/api/v1/triggers', {
      title: '错误',
      conditions: {
        all: [
          { field: 'ticket.nope', op: 'is', value: 1 },
          { field: 'ticket.status', op: 'changed_to', value: 'gone' },
        ],
        any: [],
      },
      actions: [
        { field: 'ticket.explode', value: 1 },
        { field: 'ticket.priority', value: 'urgentest' },
        { field: 'ticket.assigneeId', value: 999999 },
        { field: 'ticket.autoAssign', value: { groupId: 999999, strategy: 'least_load' } },
        { field: 'ticket.tags.add', value: 'not-a-list' },
        { field: 'ticket.note', value: '{{ ticket.subject ' },
        { field: 'notify.agent', value: { to: [], title: 'x' } },
      ],
    });
    const problem = expectProblem(bad, 400, 'validation_failed');
    const paths = problem.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.conditions.all.0.field',
        'body.conditions.all.1.value',
        'body.actions.0.field',
        'body.actions.1.value',
        'body.actions.2.value',
        'body.actions.3.value.groupId',
        'body.actions.4.value',
        'body.actions.5.value',
        'body.actions.6.value.to',
      ]),
    );
    const spec = (await running.app.inject('/api/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/triggers', '/api/v1/triggers/{id}', '/api/v1/triggers/catalogue']),
    );
    // Views do not get event fields; triggers do.
    const viewFields = (await v.admin.get('/api/v1/tickets/query-fields'))
      .json()
      .items.map((f: { key: string }) => f.key);
    expect(viewFields).not.toContain('event.type');
    const cat = (await v.admin.get('/api/v1/triggers/catalogue')).json();
    expect(cat.conditions.map((f: { key: string }) => f.key)).toEqual(
      expect.arrayContaining(['event.type', 'event.actorType', 'ticket.source', 'company.package']),
    );
    expect(cat.actions.map((a: { key: string }) => a.key)).toEqual(
      expect.arrayContaining(['ticket.priority', 'ticket.autoAssign', 'notify.agent', 'ticket.note']),
    );
    // Titles are unique; agents without ticket settings may read but not write.
    await clearTriggers(v.admin);
    await addTrigger(v.admin, '唯一', [onCreate], [{ field: 'ticket.type', value: 'task' }]);
    expectProblem(
      await v.admin.post('/api/v1/triggers', {
        title: '唯一',
        conditions: { all: [onCreate], any: [] },
        actions: [{ field: 'ticket.type', value: 'task' }],
      }),
      409,
      'name_taken',
    );
    const roles = (await v.admin.get('/api/v1/roles')).json().items;
    const agentRole = roles.find((r: { system: string | null }) => r.system === 'agent');
    const plain = await makeAgent(running, v, agentRole ? { roleId: agentRole.id } : {});
    expect((await plain.client.get('/api/v1/triggers')).statusCode).toBe(200);
    expectProblem(
      await plain.client.post('/api/v1/triggers', {
        title: '越权',
        conditions: { all: [], any: [] },
        actions: [{ field: 'ticket.type', value: 'task' }],
      }),
      403,
    );
  });

  it('keeps triggers to their vendor', async () => {
    await clearTriggers(v.admin);
    const other = await makeVendor(running, '另一家');
    await addTrigger(other.admin, '别家的', [onCreate], [{ field: 'ticket.priority', value: 'urgent' }]);
    expect((await newTicket(v.admin, { subject: '不受别家影响' })).priority).toBe('normal');
    expect((await v.admin.get('/api/v1/triggers')).json().items).toEqual([]);
    const theirs = (await other.admin.get('/api/v1/triggers')).json().items[0];
    expectProblem(await v.admin.get(`/api/v1/triggers/${theirs.id}`), 404, 'not_found');
    expectProblem(
      await v.admin.put('/api/v1/triggers/order', { ids: [theirs.id] }),
      400,
      'validation_failed',
    );
  });
});

/**
 * Zendesk's documented behaviour, one case a row: each trigger fires at most once per update, sees
 * the changes of those before it, and the cycle restarts while anything fires.
 */
interface Case {
  name: string;
  triggers: { title: string; all: Cond[]; actions: Action[] }[];
  /** Ticket created, then optionally updated (as the admin). */
  create: Record<string, unknown>;
  update?: Record<string, unknown>;
  expect: Record<string, unknown>;
  /** The triggers that fired, in order (across create and update). */
  fired: string[];
}
const CASES: Case[] = [
  {
    name: 'a trigger whose condition still holds fires once per update, not once per pass',
    triggers: [
      { title: '加备注', all: [onCreate], actions: [{ field: 'ticket.note', value: '新工单' }] },
      { title: '随后加标签', all: [onCreate], actions: [{ field: 'ticket.tags.add', value: ['新'] }] },
    ],
    create: { subject: 'x' },
    expect: { tags: ['新'] },
    fired: ['加备注', '随后加标签'],
  },
  {
    name: 'a trigger that nullifies its own condition fires on the first update only',
    triggers: [
      {
        title: '首次更新通知',
        all: [
          { field: 'event.type', op: 'is', value: 'updated' },
          { field: 'ticket.tags', op: 'includes_none', value: ['已通知'] },
        ],
        actions: [{ field: 'ticket.tags.add', value: ['已通知'] }],
      },
    ],
    create: { subject: 'x' },
    update: { priority: 'high' },
    expect: { tags: ['已通知'] },
    fired: ['首次更新通知'],
  },
  {
    name: 'changed_from and the updater: agent changes are not system changes',
    triggers: [
      {
        title: '系统改的',
        all: [{ field: 'event.actorType', op: 'is', value: 'system' }],
        actions: [{ field: 'ticket.tags.add', value: ['系统'] }],
      },
      {
        title: '离开新建',
        all: [
          { field: 'ticket.status', op: 'changed_from', value: 'new' },
          { field: 'event.actorType', op: 'is', value: 'agent' },
        ],
        actions: [{ field: 'ticket.type', value: 'task' }],
      },
    ],
    create: { subject: 'x' },
    update: { status: 'pending' },
    expect: { type: 'task', tags: [] },
    fired: ['离开新建'],
  },
  {
    name: '$me is the agent who made the change',
    triggers: [
      {
        title: '指派给自己',
        all: [{ field: 'ticket.assigneeId', op: 'changed_to', value: '$me' }],
        actions: [{ field: 'ticket.priority', value: 'high' }],
      },
    ],
    create: { subject: 'x' },
    update: { assigneeId: 'ADMIN' },
    expect: { priority: 'high', status: 'open' },
    fired: ['指派给自己'],
  },
  {
    name: 'a change a trigger makes back is no change for the triggers after it',
    triggers: [
      { title: '改高', all: [onUpdate], actions: [{ field: 'ticket.priority', value: 'high' }] },
      { title: '改回普通', all: [onUpdate], actions: [{ field: 'ticket.priority', value: 'normal' }] },
      {
        title: '优先级变了',
        all: [onUpdate, { field: 'ticket.priority', op: 'changed' }],
        actions: [{ field: 'ticket.tags.add', value: ['变了'] }],
      },
    ],
    create: { subject: 'x' },
    update: { type: 'task' },
    expect: { priority: 'normal', tags: [] },
    fired: ['改高', '改回普通'],
  },
];

describe('trigger semantics (Zendesk)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      await clearTriggers(v.admin);
      for (const t of c.triggers) await addTrigger(v.admin, t.title, t.all, t.actions);
      let ticket = await newTicket(v.admin, c.create);
      if (c.update) {
        const body = Object.fromEntries(
          Object.entries(c.update).map(([k, x]) => [k, x === 'ADMIN' ? v.admin.agentId : x]),
        );
        const res = await v.admin.patch(`/api/v1/tickets/${ticket.id}`, body);
        expect(res.statusCode, res.body).toBe(200);
        ticket = res.json();
      }
      expect(ticket).toMatchObject(c.expect);
      const fired = (await timeline(v.admin, ticket.id))
        .map((e) => /^触发器「(.+)」$/.exec(e.via ?? '')?.[1])
        .filter(Boolean);
      expect(fired).toEqual(c.fired);
    });
  }

  it('runs on split children as 拆单时', async () => {
    await clearTriggers(v.admin);
    await addTrigger(
      v.admin,
      '子单标记',
      [{ field: 'event.type', op: 'is', value: 'split' }],
      [{ field: 'ticket.tags.add', value: ['子单'] }],
    );
    const parent = await newTicket(v.admin, { subject: '原单' });
    expect(parent.tags).toEqual([]);
    const res = await v.admin.post(`/api/v1/tickets/${parent.id}/split`, {
      children: [{ subject: '子单一' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const child = res.json().items[0];
    expect((await v.admin.get(`/api/v1/tickets/${child.id}`)).json().tags).toEqual(['子单']);
  });
});
