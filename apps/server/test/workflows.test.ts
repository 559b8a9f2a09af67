import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../src/modules/tickets/schema.js';
import { workflowPassages } from '../src/modules/workflow/schema.js';
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
let templateId: number;
let groupId: number;
let member: { agent: { id: number }; client: Client };
let outsider: { agent: { id: number }; client: Client };

type Graph = { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
type Problem = { path: string; code: string; message: string; nodeId?: string; edgeId?: string };

const task = (id: string, name: string, x: number, data: Record<string, unknown> = {}, lane?: string) => ({
  id,
  type: 'task',
  position: { x, y: 100 },
  ...(lane ? { parentId: lane } : {}),
  data: {
    name,
    fields: { visible: [], editable: [], required: [] },
    participants: { agentIds: [], groupIds: [] },
    timeLimit: null,
    onEnter: [],
    onSubmit: [],
    ...data,
  },
});
const edge = (id: string, source: string, target: string, data?: Record<string, unknown>) => ({
  id,
  source,
  target,
  ...(data ? { data } : {}),
});
const isTplus = { all: [{ field: 'ticket.custom.product', op: 'is', value: 'tplus' }], any: [] };

/** 受理 → 分支（T+ → 技术处理，默认 → 客服处理）→ 结束（设为已解决）. */
function processGraph(): Graph {
  return {
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 100 }, data: {} },
      task(
        'accept',
        '受理',
        150,
        {
          fields: {
            visible: ['subject', 'product', 'remark'],
            editable: ['product', 'remark'],
            required: ['product'],
          },
          participants: { agentIds: [], groupIds: [groupId] },
          timeLimit: { minutes: 60, clock: 'calendar' },
          onEnter: [{ field: 'ticket.tags.add', value: ['受理中'] }],
          onSubmit: [{ field: 'ticket.tags.remove', value: ['受理中'] }],
        },
        'lane',
      ),
      { id: 'route', type: 'branch', position: { x: 300, y: 100 }, data: { name: '按产品' } },
      task('tech', '技术处理', 450, {
        fields: { visible: ['subject', 'remark'], editable: ['remark'], required: [] },
        onEnter: [{ field: 'ticket.tags.add', value: ['技术'] }],
      }),
      task('service', '客服处理', 450, {
        onEnter: [{ field: 'ticket.custom.remark', value: '由客服处理' }],
      }),
      { id: 'done', type: 'end', position: { x: 600, y: 100 }, data: { solve: true } },
      {
        id: 'lane',
        type: 'swimlane',
        position: { x: 0, y: 0 },
        width: 800,
        height: 300,
        data: { label: '一线' },
      },
      { id: 'memo', type: 'comment', position: { x: 0, y: 320 }, data: { text: 'T+ 走技术' } },
    ],
    edges: [
      edge('e1', 'start', 'accept'),
      edge('e2', 'accept', 'route'),
      edge('e3', 'route', 'tech', { conditions: isTplus, label: 'T+' }),
      edge('e4', 'route', 'service', { isDefault: true, label: '其他' }),
      edge('e5', 'tech', 'done'),
      edge('e6', 'service', 'done'),
    ],
  };
}

async function save(client: Client, graph: Graph, tid = templateId, lang?: string) {
  const res = await client.request(
    'PUT',
    `/api/v1/workflows/by-template/${tid}`,
    { graph },
    lang ? { 'accept-language': lang } : {},
  );
  if (res.statusCode !== 200) throw new Error(`save: ${res.statusCode} ${res.body}`);
  return res.json() as {
    id: number;
    problems: Problem[];
    currentVersion: { id: number; version: number } | null;
  };
}

async function publish(client: Client, id: number) {
  const res = await client.post(`/api/v1/workflows/${id}/publish`);
  if (res.statusCode !== 200) throw new Error(`publish: ${res.statusCode} ${res.body}`);
  return res.json() as { currentVersion: { id: number; version: number } };
}

async function newTicket(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/tickets', {
    subject: '凭证无法打印',
    templateId,
    ccAgentIds: [member.agent.id],
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`ticket: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; tags: string[]; status: string; custom: Record<string, unknown> };
}

const flowOf = async (client: Client, id: number) =>
  (await client.get(`/api/v1/tickets/${id}/workflow`)).json().workflow;
const ticketOf = async (client: Client, id: number) => (await client.get(`/api/v1/tickets/${id}`)).json();
const notes = async (client: Client, id: number) =>
  (await client.get(`/api/v1/tickets/${id}/timeline?limit=100`))
    .json()
    .items.map((e: { body: string | null }) => e.body)
    .filter(Boolean) as string[];

let workflowId: number;

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
  member = await makeAgent(running, v);
  outsider = await makeAgent(running, v);
  groupId = (await v.admin.post('/api/v1/groups', { name: '一线组', memberIds: [member.agent.id] })).json()
    .id;
  await v.admin.post('/api/v1/fields', {
    entity: 'ticket',
    key: 'product',
    label: '产品',
    type: 'select',
    options: [
      { value: 'tplus', label: '畅捷通T+' },
      { value: 'u8', label: '用友U8' },
    ],
  });
  await v.admin.post('/api/v1/fields', { entity: 'ticket', key: 'remark', label: '处理说明', type: 'text' });
  const template = await v.admin.post('/api/v1/ticket-templates', {
    name: '北京客户问题处理',
    visibility: { scope: 'all' },
    fields: [{ key: 'subject' }, { key: 'product' }, { key: 'remark' }],
  });
  if (template.statusCode !== 201) throw new Error(template.body);
  templateId = template.json().id;
  const saved = await save(v.admin, processGraph());
  expect(saved.problems).toEqual([]);
  workflowId = saved.id;
  await publish(v.admin, workflowId);
});
afterAll(() => running.close());

describe('workflow editing', () => {
  it('offers a starter draft, lists workflows with template names, and reports problems with paths', async () => {
    const other = (await v.admin.post('/api/v1/ticket-templates', { name: '空模板' })).json();
    const starter = (await v.admin.get(`/api/v1/workflows/by-template/${other.id}`)).json();
    expect(starter).toMatchObject({ id: null, templateName: '空模板', currentVersion: null });
    expect(starter.draft.nodes.map((n: { type: string }) => n.type)).toEqual(['start', 'end']);
    expect(starter.problems.map((p: Problem) => [p.code, p.nodeId])).toEqual([
      ['workflow_start_one', 'start'],
      ['workflow_unreachable', 'end'],
      ['workflow_end_unreachable', 'start'],
    ]);

    const bad: Graph = {
      nodes: [
        { id: 's', type: 'start', position: { x: 0, y: 0 }, data: {} },
        task('a', '受理', 100, {
          fields: { visible: ['nope'], editable: [], required: [] },
          onEnter: [{ field: 'ticket.priority', value: 'whenever' }],
        }),
        { id: 'b', type: 'branch', position: { x: 200, y: 0 }, data: {} },
        task('x', '孤立', 300),
        task('loop', '死循环', 400),
        { id: 'end', type: 'end', position: { x: 500, y: 0 }, data: {} },
        { id: 'c', type: 'comment', position: { x: 0, y: 200 }, data: { text: '说明' } },
      ],
      edges: [
        edge('e1', 's', 'a'),
        edge('e2', 'a', 'b'),
        edge('e3', 'b', 'end', {
          conditions: { all: [{ field: 'ticket.nope', op: 'is', value: 1 }], any: [] },
        }),
        edge('e4', 'b', 'loop'),
        edge('e5', 'loop', 'loop'),
        edge('e6', 'a', 'ghost'),
        edge('e7', 'x', 'end'),
        edge('e8', 'c', 'end'),
      ],
    };
    const saved = await save(v.admin, bad, other.id);
    // A draft with problems is saved: nothing drawn is lost.
    expect(saved.id).toBeGreaterThan(0);
    const found = saved.problems.map((p) => [p.code, p.path, p.nodeId ?? p.edgeId]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['workflow_dangling', 'graph.edges.5', 'e6'],
        ['workflow_self_loop', 'graph.edges.4', 'e5'],
        ['workflow_drawing_connected', 'graph.edges.7', 'e8'],
        ['workflow_branch_default', 'graph.nodes.2', 'b'],
        ['workflow_unreachable', 'graph.nodes.3', 'x'],
        ['workflow_no_outgoing', 'graph.nodes.4', 'loop'],
        ['workflow_end_unreachable', 'graph.nodes.4', 'loop'],
        ['unknown_field', 'graph.edges.2.data.conditions.all.0.field', 'e3'],
        ['not_in_template', 'graph.nodes.1.data.fields.visible.0', 'a'],
        ['not_an_option', 'graph.nodes.1.data.onEnter.0.value', 'a'],
      ]),
    );
    expect(saved.problems.find((p) => p.code === 'workflow_branch_default')?.message).toBe(
      '分支须有且只有一条默认路径',
    );
    const published = await v.admin.post(`/api/v1/workflows/${saved.id}/publish`);
    const problem = expectProblem(published, 422, 'workflow_invalid');
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain('graph.nodes.2');
    expect(problem.problems.find((p: Problem) => p.nodeId === 'b').code).toBe('workflow_branch_default');
    // In English on request.
    const en = await save(v.admin, bad, other.id, 'en');
    expect(en.problems.find((p) => p.code === 'workflow_branch_default')?.message).toBe(
      'A branch needs exactly one default connector',
    );
    // No start, no end.
    const empty = await save(v.admin, { nodes: [], edges: [] }, other.id);
    expect(empty.problems.map((p) => p.code)).toEqual(['workflow_no_start', 'workflow_no_end']);

    const list = (await v.admin.get('/api/v1/workflows')).json().items;
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ templateName: '北京客户问题处理', currentVersion: 1, enabled: true }),
        expect.objectContaining({ templateName: '空模板', currentVersion: null }),
      ]),
    );
  });

  it('refuses malformed graphs with 400 and field paths', async () => {
    const res = await v.admin.put(`/api/v1/workflows/by-template/${templateId}`, {
      graph: { nodes: [{ id: 'a b', type: 'task', position: { x: 0, y: 0 }, data: {} }], edges: [] },
    });
    const problem = expectProblem(res, 400, 'validation_failed');
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain('body.graph.nodes.0.id');
    expectProblem(await v.admin.put('/api/v1/workflows/by-template/999999', { graph: processGraph() }), 404);
  });

  it('keeps agents without 工单设置 out of the editor', async () => {
    expectProblem(await member.client.get('/api/v1/workflows'), 403, 'forbidden');
    expectProblem(
      await member.client.put(`/api/v1/workflows/by-template/${templateId}`, { graph: processGraph() }),
      403,
    );
  });
});

describe('tickets in a workflow', () => {
  it('starts a new ticket of the template in its first task, with on-enter actions and a due time', async () => {
    const t = await newTicket(v.admin);
    expect(t.tags).toEqual(['受理中']);
    const flow = await flowOf(v.admin, t.id);
    expect(flow).toMatchObject({
      workflowName: '北京客户问题处理',
      version: 1,
      finished: false,
      node: { id: 'accept', name: '受理', overdue: false, timeLimit: { minutes: 60, clock: 'calendar' } },
      returnTargets: [],
      can: { advance: true, return: false },
    });
    expect(flow.node.fields.governed).toEqual(['subject', 'product', 'remark']);
    expect(new Date(flow.node.dueAt).getTime() - new Date(flow.node.enteredAt).getTime()).toBe(3_600_000);
    expect(flow.history.map((h: { nodeId: string }) => h.nodeId)).toEqual(['start', 'accept']);
    expect(await notes(v.admin, t.id)).toContain(
      '<p>工单流「北京客户问题处理」（版本 1）开始：「开始」 → 「受理」</p>',
    );
    // Without the template: no workflow.
    const plain = await newTicket(v.admin, { templateId: null });
    expect(await flowOf(v.admin, plain.id)).toBeNull();
  });

  it('advances through the branch by its conditions, and by the default path', async () => {
    const t = await newTicket(v.admin);
    const missing = expectProblem(
      await member.client.post(`/api/v1/tickets/${t.id}/workflow/advance`, {}),
      422,
      'workflow_required_fields',
    );
    expect(missing.errors).toEqual([{ path: 'custom.product', message: '必填' }]);
    await member.client.patch(`/api/v1/tickets/${t.id}`, { custom: { product: 'tplus' } });
    const moved = await member.client.post(`/api/v1/tickets/${t.id}/workflow/advance`, { note: '转技术' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().workflow.node).toMatchObject({ id: 'tech', name: '技术处理' });
    expect((await ticketOf(v.admin, t.id)).tags).toEqual(['技术']);
    const body = (await notes(v.admin, t.id)).find((n) => n.includes('提交到下一步'));
    expect(body).toBe('<p>提交到下一步：「受理」 → 「按产品」 → 「技术处理」</p><p>转技术</p>');
    const history = moved.json().workflow.history;
    expect(history.map((h: { nodeId: string; outcome: string }) => [h.nodeId, h.outcome])).toEqual([
      ['start', 'advanced'],
      ['accept', 'advanced'],
      ['route', 'advanced'],
      ['tech', null],
    ]);
    expect(history[1].agentId).toBe(member.agent.id);

    // Not T+: the default path; the node's on-enter action sets a field agents may not edit there.
    const other = await newTicket(v.admin, { custom: { product: 'u8' } });
    const viaDefault = (await v.admin.post(`/api/v1/tickets/${other.id}/workflow/advance`, {})).json();
    expect(viaDefault.workflow.node.id).toBe('service');
    expect((await ticketOf(v.admin, other.id)).custom.remark).toBe('由客服处理');

    // The end node finishes the flow and solves the ticket.
    const done = (await v.admin.post(`/api/v1/tickets/${other.id}/workflow/advance`, {})).json().workflow;
    expect(done).toMatchObject({ finished: true, node: null, can: { advance: false, return: false } });
    expect((await ticketOf(v.admin, other.id)).status).toBe('solved');
    expectProblem(
      await v.admin.post(`/api/v1/tickets/${other.id}/workflow/advance`, {}),
      409,
      'workflow_not_in_task',
    );
  });

  it('returns a ticket to an earlier node, and the triggers see event.type returned', async () => {
    const trigger = await v.admin.post('/api/v1/triggers', {
      title: '退回提醒',
      conditions: { all: [{ field: 'event.type', op: 'is', value: 'returned' }], any: [] },
      actions: [{ field: 'ticket.tags.add', value: ['已退回'] }],
    });
    expect(trigger.statusCode).toBe(201);
    const t = await newTicket(v.admin, { custom: { product: 'tplus' } });
    await v.admin.post(`/api/v1/tickets/${t.id}/workflow/advance`, {});
    const inTech = await flowOf(v.admin, t.id);
    expect(inTech.returnTargets).toEqual([{ nodeId: 'accept', name: '受理' }]);
    expectProblem(
      await v.admin.post(`/api/v1/tickets/${t.id}/workflow/return`, { nodeId: 'service' }),
      422,
      'workflow_return_target',
    );
    const back = await member.client.post(`/api/v1/tickets/${t.id}/workflow/return`, {
      nodeId: 'accept',
      note: '缺少版本号',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().workflow.node.id).toBe('accept');
    expect(back.json().workflow.history.at(-2)).toMatchObject({ nodeId: 'tech', outcome: 'returned' });
    const after = await ticketOf(v.admin, t.id);
    expect(after.tags).toEqual(expect.arrayContaining(['已退回', '受理中']));
    const timeline = (await v.admin.get(`/api/v1/tickets/${t.id}/timeline?limit=100`)).json().items;
    expect(
      timeline.some(
        (e: { body: string }) => e.body === '<p>退回：「技术处理」 → 「受理」</p><p>缺少版本号</p>',
      ),
    ).toBe(true);
    expect(timeline.some((e: { via: string }) => e.via === '触发器「退回提醒」')).toBe(true);
    await v.admin.del(`/api/v1/triggers/${trigger.json().id}`);
  });

  it("enforces the node's field rules on agents' changes", async () => {
    const t = await newTicket(v.admin);
    const locked = expectProblem(
      await member.client.patch(`/api/v1/tickets/${t.id}`, {
        subject: '改标题',
        custom: { remark: '可以改' },
      }),
      422,
      'workflow_field_locked',
    );
    expect(locked.errors).toEqual([{ path: 'body.subject', message: '当前节点不允许修改此字段' }]);
    expect(locked.title).toBe('当前节点「受理」不允许修改这些字段');
    // Editable fields and fields outside the template may change.
    const ok = await member.client.patch(`/api/v1/tickets/${t.id}`, {
      custom: { remark: '可以改' },
      priority: 'high',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // Sending the unchanged value is no change.
    expect(
      (await member.client.patch(`/api/v1/tickets/${t.id}`, { subject: '凭证无法打印' })).statusCode,
    ).toBe(200);
    // Admins are agents too.
    expectProblem(
      await v.admin.patch(`/api/v1/tickets/${t.id}`, { subject: '管理员改' }),
      422,
      'workflow_field_locked',
    );
  });

  it('lets only participants (and admins) submit or return', async () => {
    const t = await newTicket(v.admin, {
      custom: { product: 'u8' },
      ccAgentIds: [member.agent.id, outsider.agent.id],
    });
    expect((await flowOf(outsider.client, t.id)).can).toEqual({ advance: false, return: false });
    expectProblem(
      await outsider.client.post(`/api/v1/tickets/${t.id}/workflow/advance`, {}),
      403,
      'workflow_not_participant',
    );
    expect((await flowOf(member.client, t.id)).can.advance).toBe(true);
    expect((await member.client.post(`/api/v1/tickets/${t.id}/workflow/advance`, {})).statusCode).toBe(200);
    // 客服处理 has no participants: anyone who may edit the ticket.
    expect((await flowOf(outsider.client, t.id)).can).toEqual({ advance: true, return: true });
  });

  it('shows time spent and the overdue state', async () => {
    const t = await newTicket(v.admin);
    const past = new Date(Date.now() - 2 * 3_600_000);
    const due = new Date(Date.now() - 3_600_000);
    const db = running.deps.db;
    await db
      .update(tickets)
      .set({ workflowNodeEnteredAt: past, workflowNodeDueAt: due })
      .where(and(eq(tickets.vendorId, v.vendorId), eq(tickets.id, t.id)));
    await db
      .update(workflowPassages)
      .set({ dueAt: due })
      .where(
        and(
          eq(workflowPassages.vendorId, v.vendorId),
          eq(workflowPassages.ticketId, t.id),
          eq(workflowPassages.nodeId, 'accept'),
        ),
      );
    const flow = await flowOf(v.admin, t.id);
    expect(flow.node.overdue).toBe(true);
    expect(flow.node.spentMinutes).toBeGreaterThanOrEqual(120);
    expect(flow.history.at(-1)).toMatchObject({ nodeId: 'accept', overdue: true });
  });

  it('keeps running tickets on the version they started on', async () => {
    const old = await newTicket(v.admin, { custom: { product: 'tplus' } });
    const graph = processGraph();
    // v2: the branch is gone, 受理 leads straight to 客服处理.
    graph.nodes = graph.nodes.filter((n) => n.id !== 'route' && n.id !== 'tech');
    graph.edges = [
      edge('e1', 'start', 'accept'),
      edge('e2', 'accept', 'service'),
      edge('e6', 'service', 'done'),
    ];
    const saved = await save(v.admin, graph);
    expect(saved.problems).toEqual([]);
    expect(saved.currentVersion?.version).toBe(1);
    expect((await publish(v.admin, workflowId)).currentVersion.version).toBe(2);

    const moved = (await v.admin.post(`/api/v1/tickets/${old.id}/workflow/advance`, {})).json().workflow;
    expect(moved).toMatchObject({ version: 1, node: { id: 'tech' } });
    const fresh = await newTicket(v.admin, { custom: { product: 'tplus' } });
    expect(
      (await v.admin.post(`/api/v1/tickets/${fresh.id}/workflow/advance`, {})).json().workflow,
    ).toMatchObject({
      version: 2,
      node: { id: 'service' },
    });
    const versions = (await v.admin.get(`/api/v1/workflows/${workflowId}/versions`)).json().items;
    expect(versions.map((x: { version: number }) => x.version)).toEqual([2, 1]);
    expect(versions[0].activeTickets).toBeGreaterThanOrEqual(1);

    // Disabled: new tickets start no workflow; running ones go on.
    await v.admin.patch(`/api/v1/workflows/${workflowId}`, { enabled: false });
    expect(await flowOf(v.admin, (await newTicket(v.admin)).id)).toBeNull();
    expect((await flowOf(v.admin, old.id)).node.id).toBe('tech');
    await v.admin.patch(`/api/v1/workflows/${workflowId}`, { enabled: true });
    // Back to the branching process for the tests after this one.
    await save(v.admin, processGraph());
    await publish(v.admin, workflowId);
  });

  it("takes the default path when a branch's conditions conflict (manual 5.1.3), and counts business hours", async () => {
    const other = (
      await v.admin.post('/api/v1/ticket-templates', { name: '冲突模板', fields: [{ key: 'product' }] })
    ).json();
    const cond = (op: string, value: unknown) => ({
      conditions: { all: [{ field: 'ticket.custom.product', op, value }], any: [] },
    });
    const saved = await save(
      v.admin,
      {
        nodes: [
          { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
          task('first', '受理', 100, { timeLimit: { minutes: 60, clock: 'business' } }),
          { id: 'b', type: 'branch', position: { x: 200, y: 0 }, data: {} },
          task('onlyTplus', '只看T+', 300),
          task('either', '两种都行', 300),
          task('fallback', '默认处理', 300),
          { id: 'end', type: 'end', position: { x: 400, y: 0 }, data: {} },
        ],
        edges: [
          edge('e1', 'start', 'first'),
          edge('e2', 'first', 'b'),
          edge('e3', 'b', 'onlyTplus', cond('is', 'tplus')),
          edge('e4', 'b', 'either', cond('in', ['tplus', 'u8'])),
          edge('e5', 'b', 'fallback', { isDefault: true }),
          edge('e6', 'onlyTplus', 'end'),
          edge('e7', 'either', 'end'),
          edge('e8', 'fallback', 'end'),
        ],
      },
      other.id,
    );
    expect(saved.problems).toEqual([]);
    await publish(v.admin, saved.id);
    const through = async (custom: Record<string, unknown>) => {
      const t = await newTicket(v.admin, { templateId: other.id, custom });
      const flow = await flowOf(v.admin, t.id);
      expect(flow.node.timeLimit).toEqual({ minutes: 60, clock: 'business' });
      expect(
        new Date(flow.node.dueAt).getTime() - new Date(flow.node.enteredAt).getTime(),
      ).toBeGreaterThanOrEqual(3_600_000);
      return (await v.admin.post(`/api/v1/tickets/${t.id}/workflow/advance`, {})).json().workflow.node.id;
    };
    expect(await through({ product: 'tplus' })).toBe('fallback'); // both hold: a conflict
    expect(await through({ product: 'u8' })).toBe('either'); // exactly one holds
    expect(await through({})).toBe('fallback'); // none holds
  });

  it("keeps vendors apart: another vendor's admin finds nothing", async () => {
    const b = await makeVendor(running, '乙服务商');
    const t = await newTicket(v.admin);
    expectProblem(await b.admin.get(`/api/v1/workflows/by-template/${templateId}`), 404);
    expectProblem(
      await b.admin.put(`/api/v1/workflows/by-template/${templateId}`, { graph: processGraph() }),
      404,
    );
    expectProblem(await b.admin.post(`/api/v1/workflows/${workflowId}/publish`), 404);
    expectProblem(await b.admin.patch(`/api/v1/workflows/${workflowId}`, { enabled: false }), 404);
    expectProblem(await b.admin.get(`/api/v1/workflows/${workflowId}/versions`), 404);
    expectProblem(await b.admin.get(`/api/v1/tickets/${t.id}/workflow`), 404);
    expectProblem(await b.admin.post(`/api/v1/tickets/${t.id}/workflow/advance`, {}), 404);
    expect((await b.admin.get('/api/v1/workflows')).json().items).toEqual([]);
  });
});
