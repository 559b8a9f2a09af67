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

/**
 * 宏 (manual 5.1.6.3): CRUD and validation, who may use which macro in which template, and the
 * evaluation of a form — fields set where empty or always, else-branches, the reply with Liquid
 * placeholders, show/hide, 宏控制, 工单控制 (blocking a submit, also on the server) and 字段值改变.
 */

let running: Running;
let v: TestVendor;
let agent: { id: number; client: Client };
let groupId: number;
let templateA: number;
let templateB: number;
let company: { id: number; name: string; primaryContact: { id: number } };

type Cond = { field: string; op: string; value?: unknown };

async function addMacro(body: Record<string, unknown>, client: Client = v.admin) {
  const res = await client.post('/api/v1/macros', { conditions: { all: [], any: [] }, ...body });
  if (res.statusCode !== 201) throw new Error(`macro ${body.title}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; sortOrder: number; ownerAgentId: number };
}

/** Each test starts from no macros (submit macros apply to every console save of the vendor). */
async function clearMacros() {
  for (const m of (await v.admin.get('/api/v1/macros')).json().items)
    await v.admin.del(`/api/v1/macros/${m.id}`);
}

async function evaluate(body: Record<string, unknown>, client: Client = v.admin) {
  const res = await client.post('/api/v1/macros/evaluate', { values: {}, ...body });
  if (res.statusCode !== 200) throw new Error(`evaluate: ${res.statusCode} ${res.body}`);
  return res.json();
}

const paths = (res: { json(): { errors?: { path: string }[] } }) => res.json().errors?.map((e) => e.path);
const all = (...conds: Cond[]) => ({ all: conds, any: [] });

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
  const made = await makeAgent(running, v, { grants: ['ticket'] });
  agent = { id: made.agent.id, client: made.client };
  groupId = (await v.admin.post('/api/v1/groups', { name: '财务软件组', memberIds: [agent.id] })).json().id;
  for (const [key, label, type] of [
    ['product', '产品', 'text'],
    ['version', '版本号', 'text'],
  ] as const) {
    const res = await v.admin.post('/api/v1/fields', { entity: 'ticket', key, label, type });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
  templateA = (await v.admin.post('/api/v1/ticket-templates', { name: '远程协助工单' })).json().id;
  templateB = (await v.admin.post('/api/v1/ticket-templates', { name: '上门服务工单' })).json().id;
  company = (
    await v.admin.post('/api/v1/companies', {
      name: '畅捷通VIP客户',
      package: 'VIP服务包',
      contacts: [{ name: '李会计', mobile: '13800138001' }],
    })
  ).json();
});
afterAll(() => running.close());

describe('macros: CRUD and validation', () => {
  it('creates, reads, lists in order, edits, reorders and deletes macros with unique titles', async () => {
    await clearMacros();
    const first = await addMacro({
      title: '远程协助完成',
      description: '远程解决后一键填写回复',
      actions: [
        { field: 'ticket.status', value: 'solved' },
        { field: 'reply.text', value: '您好，问题已通过远程协助解决。' },
      ],
    });
    const second = await addMacro({
      title: '设为高优先级',
      actions: [{ field: 'ticket.priority', value: 'high' }],
    });
    expect(second.sortOrder).toBe(first.sortOrder + 1);
    expect(first.ownerAgentId).toBe(v.admin.agentId);
    const got = (await v.admin.get(`/api/v1/macros/${first.id}`)).json();
    expect(got).toMatchObject({
      title: '远程协助完成',
      mode: 'manual',
      enabled: true,
      watchFields: [],
      elseActions: [],
      visibility: { scope: 'all', groupIds: [], agentIds: [] },
      templateIds: [],
    });

    expectProblem(
      await v.admin.post('/api/v1/macros', { title: '远程协助完成', actions: got.actions }),
      409,
      'name_taken',
    );

    const patched = await v.admin.patch(`/api/v1/macros/${first.id}`, {
      enabled: false,
      actions: [{ field: 'ticket.custom.product', value: 'T+', onlyIfEmpty: true }],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      enabled: false,
      actions: [{ field: 'ticket.custom.product', value: 'T+', onlyIfEmpty: true }],
    });

    const ordered = await v.admin.put('/api/v1/macros/order', { ids: [second.id] });
    expect(ordered.json().items.map((m: { id: number }) => m.id)).toEqual([second.id, first.id]);
    expectProblem(await v.admin.put('/api/v1/macros/order', { ids: [999999] }), 400, 'validation_failed');

    expect((await v.admin.del(`/api/v1/macros/${first.id}`)).statusCode).toBe(204);
    expectProblem(await v.admin.get(`/api/v1/macros/${first.id}`), 404, 'not_found');
  });

  it('refuses bad macros with the path of each problem', async () => {
    const res = await v.admin.post('/api/v1/macros', {
      title: '坏宏',
      mode: 'manual',
      conditions: all(
        { field: 'ticket.nope', op: 'is', value: 1 },
        { field: 'ticket.status', op: 'changed' },
      ),
      actions: [
        { field: 'submit.block', value: '不能提交' },
        { field: 'ticket.status', value: 'solved', onlyIfEmpty: true },
        { field: 'ticket.priority', value: 'very' },
        { field: 'notify.agent', value: { to: ['assignee'], title: 'x' } },
        { field: 'reply.text', value: '{{ ticket.number ' },
        { field: 'ticket.tags.add', value: [] },
      ],
      elseActions: [
        { field: 'form.hideFields', value: ['ticket.priority', 'ticket.custom.nope'] },
        { field: 'macros.hide', value: [987654] },
        { field: 'ticket.assigneeId', value: 987654 },
        { field: 'reply.public', value: 'yes' },
      ],
      templateIds: [987654],
      visibility: { scope: 'groups', groupIds: [987654], agentIds: [] },
    });
    const problem = expectProblem(res, 400, 'validation_failed');
    expect(paths(res)).toEqual(
      expect.arrayContaining([
        'body.conditions.all.0.field',
        'body.conditions.all.1.op',
        'body.actions.0.field',
        'body.actions.1.onlyIfEmpty',
        'body.actions.2.value',
        'body.actions.3.field',
        'body.actions.4.value',
        'body.actions.5.value',
        'body.elseActions.0.value.1',
        'body.elseActions.1.value.0',
        'body.elseActions.2.value',
        'body.elseActions.3.value',
        'body.templateIds.0',
        'body.visibility.groupIds.0',
      ]),
    );
    expect(problem.errors.find((e: { path: string }) => e.path === 'body.actions.0.field').message).toBe(
      '只有执行时机为“工单提交”的宏才能阻止提交',
    );
    // 字段值改变 needs the fields it watches, and they must be form fields.
    const change = await v.admin.post('/api/v1/macros', {
      title: '无监听字段',
      mode: 'change',
      actions: [{ field: 'ticket.priority', value: 'high' }],
    });
    expect(paths(change)).toEqual(['body.watchFields']);
    const unknownWatch = await v.admin.post('/api/v1/macros', {
      title: '监听未知字段',
      mode: 'change',
      watchFields: ['ticket.custom.nope'],
      actions: [{ field: 'ticket.priority', value: 'high' }],
    });
    expect(paths(unknownWatch)).toEqual(['body.watchFields.0']);
    // Set-type actions once per list; English on request.
    const twice = await v.admin.request(
      'POST',
      '/api/v1/macros',
      {
        title: '两次',
        actions: [
          { field: 'reply.text', value: 'a' },
          { field: 'reply.text', value: 'b' },
        ],
      },
      { 'accept-language': 'en' },
    );
    expect(twice.json().errors).toEqual([{ path: 'body.actions.1.field', message: 'Duplicate' }]);
  });

  it('re-checks the actions when a macro changes mode (阻止提交 only on submit)', async () => {
    await clearMacros();
    const m = await addMacro({
      title: '通话中不能提交',
      mode: 'submit',
      actions: [{ field: 'submit.block', value: '工单正在通话中' }],
    });
    const res = await v.admin.patch(`/api/v1/macros/${m.id}`, { mode: 'manual' });
    expect(paths(res)).toEqual(['body.actions.0.field']);
    // Watched fields are dropped when a macro leaves 字段值改变.
    const c = await addMacro({
      title: '监听优先级',
      mode: 'change',
      watchFields: ['ticket.priority'],
      actions: [{ field: 'ticket.tags.add', value: ['改过优先级'] }],
    });
    const manual = await v.admin.patch(`/api/v1/macros/${c.id}`, { mode: 'manual' });
    expect(manual.json()).toMatchObject({ mode: 'manual', watchFields: [] });
  });
});

describe('macros: who may use which', () => {
  it('offers an agent the enabled macros visible to them and meant for the form’s template, in order', async () => {
    await clearMacros();
    const everyone = await addMacro({
      title: '所有人',
      actions: [{ field: 'ticket.priority', value: 'high' }],
    });
    const mine = await addMacro({
      title: '管理员自己的',
      visibility: { scope: 'me', groupIds: [], agentIds: [] },
      actions: [{ field: 'ticket.priority', value: 'low' }],
    });
    const group = await addMacro({
      title: '财务软件组的',
      visibility: { scope: 'groups', groupIds: [groupId], agentIds: [] },
      templateIds: [templateA],
      actions: [{ field: 'ticket.priority', value: 'urgent' }],
    });
    const agents = await addMacro({
      title: '指定客服的',
      visibility: { scope: 'agents', groupIds: [], agentIds: [agent.id] },
      templateIds: [templateB],
      mode: 'load',
      actions: [{ field: 'ticket.type', value: 'task' }],
    });
    const off = await addMacro({
      title: '停用的',
      enabled: false,
      actions: [{ field: 'ticket.type', value: 'task' }],
    });

    const available = async (client: Client, query: string) =>
      (await client.get(`/api/v1/macros/available${query}`))
        .json()
        .items.map((m: { title: string }) => m.title);
    expect(await available(agent.client, '')).toEqual(['所有人']);
    expect(await available(agent.client, `?templateId=${templateA}`)).toEqual(['所有人', '财务软件组的']);
    expect(await available(agent.client, `?templateId=${templateB}`)).toEqual(['所有人', '指定客服的']);
    // Their owner always sees them.
    expect(await available(v.admin, `?templateId=${templateA}`)).toEqual([
      '所有人',
      '管理员自己的',
      '财务软件组的',
    ]);

    // A ticket's own template is used when none is given.
    const ticket = (
      await v.admin.post('/api/v1/tickets', {
        subject: '模板工单',
        templateId: templateA,
        assigneeId: agent.id,
      })
    ).json();
    expect(await available(agent.client, `?ticketId=${ticket.id}`)).toEqual(['所有人', '财务软件组的']);

    // Agents without 工单设置 read only what they may use; a personal macro is its owner's.
    const listed = (await agent.client.get('/api/v1/macros')).json().items.map((m: { id: number }) => m.id);
    expect(listed).toEqual([everyone.id, group.id, agents.id, off.id]);
    expectProblem(await agent.client.get(`/api/v1/macros/${mine.id}`), 404, 'not_found');
    // … and cannot run one they do not have.
    expectProblem(
      await agent.client.post('/api/v1/macros/evaluate', { mode: 'manual', macroId: mine.id, values: {} }),
      404,
      'not_found',
    );
    // Nor one meant for another template.
    expectProblem(
      await agent.client.post('/api/v1/macros/evaluate', {
        mode: 'manual',
        macroId: group.id,
        templateId: templateB,
        values: {},
      }),
      404,
      'not_found',
    );
  });

  it('lets agents read and run macros but only 工单设置 manage them', async () => {
    await clearMacros();
    const m = await addMacro({ title: '可用', actions: [{ field: 'ticket.priority', value: 'high' }] });
    const c = agent.client;
    expect((await c.get('/api/v1/macros/catalogue')).statusCode).toBe(200);
    // The shared rules catalogue answers for macros too (no change operators: a macro reads the form).
    const shared = (await c.get('/api/v1/rules/catalogue?context=macro')).json();
    expect(shared.actions.map((a: { key: string }) => a.key)).toEqual(
      expect.arrayContaining(['reply.text', 'submit.block', 'form.hideFields', 'macros.hide']),
    );
    expect(shared.fields.find((f: { key: string }) => f.key === 'ticket.status').operators).not.toContain(
      'changed',
    );
    expect((await evaluate({ mode: 'manual', macroId: m.id }, c)).values['ticket.priority']).toBe('high');
    expectProblem(await c.post('/api/v1/macros', { title: 'x', actions: [] }), 403, 'forbidden');
    expectProblem(await c.patch(`/api/v1/macros/${m.id}`, { enabled: false }), 403, 'forbidden');
    expectProblem(await c.del(`/api/v1/macros/${m.id}`), 403, 'forbidden');
    expectProblem(await c.put('/api/v1/macros/order', { ids: [m.id] }), 403, 'forbidden');
  });

  it('keeps vendors apart', async () => {
    await clearMacros();
    const other = await makeVendor(running, '乙服务商');
    const theirs = (
      await other.admin.post('/api/v1/macros', {
        title: '乙的宏',
        actions: [{ field: 'ticket.priority', value: 'urgent' }],
      })
    ).json();
    const theirTicket = (await other.admin.post('/api/v1/tickets', { subject: '乙工单' })).json();
    expect((await v.admin.get('/api/v1/macros')).json().items).toEqual([]);
    expectProblem(await v.admin.get(`/api/v1/macros/${theirs.id}`), 404, 'not_found');
    expectProblem(
      await v.admin.post('/api/v1/macros/evaluate', { mode: 'manual', macroId: theirs.id, values: {} }),
      404,
    );
    const mine = await addMacro({ title: '甲的宏', actions: [{ field: 'ticket.priority', value: 'high' }] });
    expectProblem(
      await v.admin.post('/api/v1/macros/evaluate', {
        mode: 'manual',
        macroId: mine.id,
        ticketId: theirTicket.id,
        values: {},
      }),
      404,
    );
    const hide = await v.admin.post('/api/v1/macros', {
      title: '隐藏乙的宏',
      actions: [{ field: 'macros.hide', value: [theirs.id] }],
    });
    expect(paths(hide)).toEqual(['body.actions.0.value.0']);
  });
});

describe('macros: evaluating a form', () => {
  it('sets fields always or only where empty, and the reply with Liquid placeholders; saves nothing', async () => {
    await clearMacros();
    const m = await addMacro({
      title: '远程协助完成',
      conditions: all({ field: 'company.package', op: 'is', value: 'VIP服务包' }),
      actions: [
        { field: 'ticket.status', value: 'solved' },
        { field: 'ticket.assigneeId', value: '$me' },
        { field: 'ticket.custom.product', value: 'T+', onlyIfEmpty: true },
        { field: 'ticket.custom.version', value: '18.0', onlyIfEmpty: true },
        { field: 'ticket.tags.add', value: ['远程'] },
        {
          field: 'reply.text',
          value: '{{contact.name}}您好，工单 #{{ticket.number}}（{{ticket.status}}）已解决。',
        },
        { field: 'reply.public', value: false },
      ],
    });
    const ticket = (
      await v.admin.post('/api/v1/tickets', {
        subject: '无法登录T+',
        contactId: company.primaryContact.id,
        assigneeId: agent.id,
        custom: { version: '17.0' },
        tags: ['T+'],
      })
    ).json();
    const result = await evaluate(
      {
        mode: 'manual',
        macroId: m.id,
        ticketId: ticket.id,
        values: { 'ticket.priority': 'high' },
        reply: { text: '', public: true },
      },
      v.admin,
    );
    expect(result.values).toMatchObject({
      'ticket.status': 'solved',
      'ticket.priority': 'high',
      'ticket.assigneeId': v.admin.agentId,
      'ticket.custom.product': 'T+',
      'ticket.custom.version': '17.0',
      'ticket.tags': ['T+', '远程'],
    });
    expect(result.changedFields.sort()).toEqual(
      ['ticket.assigneeId', 'ticket.custom.product', 'ticket.status', 'ticket.tags'].sort(),
    );
    expect(result.reply).toEqual({
      text: `李会计您好，工单 #${ticket.number}（已解决）已解决。`,
      html: `<p>李会计您好，工单 #${ticket.number}（已解决）已解决。</p>`,
      public: false,
    });
    expect(result.applied).toEqual([{ macroId: m.id, title: '远程协助完成', branch: 'then' }]);
    // Nothing was saved.
    const after = (await v.admin.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(after).toMatchObject({ status: 'open', version: ticket.version, custom: { version: '17.0' } });

    // The macro's text follows what the agent already typed; only-if-empty leaves a typed reply alone.
    const typed = await evaluate({
      mode: 'manual',
      macroId: m.id,
      ticketId: ticket.id,
      reply: { text: '补充说明：', public: true },
    });
    expect(typed.reply.text).toBe(`补充说明：\n李会计您好，工单 #${ticket.number}（已解决）已解决。`);
    await v.admin.patch(`/api/v1/macros/${m.id}`, {
      actions: [{ field: 'reply.text', value: '模板回复', onlyIfEmpty: true }],
    });
    const kept = await evaluate({
      mode: 'manual',
      macroId: m.id,
      ticketId: ticket.id,
      reply: { text: '客服自己写的', public: true },
    });
    expect(kept.reply).toBeNull();
  });

  it('runs the else-actions when the conditions do not hold, and the conditions read the form values', async () => {
    await clearMacros();
    const m = await addMacro({
      title: 'VIP升级',
      conditions: all({ field: 'ticket.custom.product', op: 'is', value: 'U8' }),
      actions: [{ field: 'ticket.priority', value: 'urgent' }],
      elseActions: [{ field: 'ticket.priority', value: 'low' }],
    });
    const then = await evaluate({ mode: 'manual', macroId: m.id, values: { 'ticket.custom.product': 'U8' } });
    expect(then.values['ticket.priority']).toBe('urgent');
    expect(then.applied[0].branch).toBe('then');
    const otherwise = await evaluate({
      mode: 'manual',
      macroId: m.id,
      values: { 'ticket.custom.product': 'T+' },
    });
    expect(otherwise.values['ticket.priority']).toBe('low');
    expect(otherwise.applied[0].branch).toBe('else');
  });

  it('shows and hides fields and the reply list, hides other macros, and makes the form view-only', async () => {
    await clearMacros();
    const hidden = await addMacro({
      title: '被隐藏的宏',
      actions: [{ field: 'ticket.priority', value: 'high' }],
    });
    const hiddenLoad = await addMacro({
      title: '被隐藏的加载宏',
      mode: 'load',
      actions: [{ field: 'ticket.type', value: 'task' }],
    });
    await addMacro({
      title: '加载时整理表单',
      mode: 'load',
      actions: [
        { field: 'form.hideFields', value: ['ticket.custom.version', 'ticket.dueAt'] },
        { field: 'form.hideReplies', value: true },
        { field: 'macros.hide', value: [hidden.id, hiddenLoad.id] },
        { field: 'form.readOnly', value: true },
      ],
    });
    await v.admin.put('/api/v1/macros/order', {
      ids: [
        (await v.admin.get('/api/v1/macros'))
          .json()
          .items.find((x: { title: string }) => x.title === '加载时整理表单').id,
      ],
    });
    await addMacro({
      title: '再显示截止时间',
      mode: 'load',
      actions: [{ field: 'form.showFields', value: ['ticket.dueAt'] }],
    });
    const result = await evaluate({ mode: 'load' });
    expect(result.hiddenFields).toEqual(['ticket.custom.version']);
    expect(result.shownFields).toEqual(['ticket.dueAt']);
    expect(result.hideReplies).toBe(true);
    expect(result.readOnly).toBe(true);
    expect(result.hiddenMacroIds.sort()).toEqual([hidden.id, hiddenLoad.id].sort());
    // The hidden load macro did not run.
    expect(result.values['ticket.type']).toBe('question');
    expect(result.applied.map((a: { title: string }) => a.title)).toEqual([
      '加载时整理表单',
      '再显示截止时间',
    ]);
  });

  it('runs 字段值改变 macros only for the fields they watch', async () => {
    await clearMacros();
    await addMacro({
      title: '紧急工单抄送主管',
      mode: 'change',
      watchFields: ['ticket.priority'],
      conditions: all({ field: 'ticket.priority', op: 'is', value: 'urgent' }),
      actions: [
        { field: 'ticket.cc.add', value: [v.admin.agentId] },
        { field: 'form.showFields', value: ['ticket.dueAt'] },
      ],
    });
    const changed = await evaluate({
      mode: 'change',
      changedField: 'ticket.priority',
      values: { 'ticket.priority': 'urgent' },
    });
    expect(changed.values['ticket.ccAgentIds']).toEqual([v.admin.agentId]);
    expect(changed.shownFields).toEqual(['ticket.dueAt']);
    const other = await evaluate({
      mode: 'change',
      changedField: 'ticket.type',
      values: { 'ticket.priority': 'urgent' },
    });
    expect(other.applied).toEqual([]);
    expect(other.changedFields).toEqual([]);
    expectProblem(await v.admin.post('/api/v1/macros/evaluate', { mode: 'change', values: {} }), 400);
    expectProblem(
      await v.admin.post('/api/v1/macros/evaluate', { mode: 'load', values: { 'ticket.bogus': 1 } }),
      400,
    );
  });

  it('blocks a submit with the macro’s message, in evaluate and on the console’s save', async () => {
    await clearMacros();
    const block = await addMacro({
      title: '缺少版本号不能解决',
      mode: 'submit',
      conditions: all(
        { field: 'ticket.status', op: 'is', value: 'solved' },
        { field: 'ticket.custom.version', op: 'blank' },
      ),
      actions: [{ field: 'submit.block', value: '请先填写版本号再解决工单 #{{ticket.number}}' }],
    });
    const ticket = (
      await v.admin.post('/api/v1/tickets', { subject: '凭证打印错位', assigneeId: agent.id })
    ).json();
    const result = await evaluate({
      mode: 'submit',
      ticketId: ticket.id,
      values: { 'ticket.status': 'solved' },
    });
    expect(result.block).toEqual({
      message: `请先填写版本号再解决工单 #${ticket.number}`,
      macroId: block.id,
    });
    const fine = await evaluate({
      mode: 'submit',
      ticketId: ticket.id,
      values: { 'ticket.status': 'solved', 'ticket.custom.version': '18.0' },
    });
    expect(fine.block).toBeNull();

    // The server refuses the same save from the console …
    const refused = expectProblem(
      await agent.client.patch(`/api/v1/tickets/${ticket.id}`, { status: 'solved' }),
      422,
      'macro_blocked',
    );
    expect(refused.title).toBe(`无法提交：请先填写版本号再解决工单 #${ticket.number}`);
    expect(refused.macroId).toBe(block.id);
    expect((await v.admin.get(`/api/v1/tickets/${ticket.id}`)).json().status).toBe('open');
    // … and a console creation, but lets a save that satisfies the macro through.
    expectProblem(
      await v.admin.post('/api/v1/tickets', { subject: '新建即解决', status: 'solved' }),
      422,
      'macro_blocked',
    );
    const ok = await v.admin.patch(`/api/v1/tickets/${ticket.id}`, {
      status: 'solved',
      custom: { version: '18.0' },
    });
    expect(ok.statusCode).toBe(200);
    // Integrations (API tokens) are not forms: no 工单控制 there.
    const { token } = (await v.admin.post('/api/v1/api-tokens', { name: '集成' })).json();
    const api = await running.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { authorization: `Bearer ${token}` },
      payload: { subject: '接口创建并解决', status: 'solved' },
    });
    expect(api.statusCode).toBe(201);
  });

  it('runs load macros over a new ticket’s form (create drawer), with the contact’s company', async () => {
    await clearMacros();
    await addMacro({
      title: 'VIP客户默认高优先级',
      mode: 'load',
      conditions: all({ field: 'company.package', op: 'is', value: 'VIP服务包' }),
      actions: [
        { field: 'ticket.priority', value: 'high' },
        { field: 'ticket.groupId', value: groupId, onlyIfEmpty: true },
      ],
      templateIds: [templateA],
    });
    const vip = await evaluate({
      mode: 'load',
      templateId: templateA,
      values: { 'ticket.contactId': company.primaryContact.id, 'ticket.priority': 'normal' },
    });
    expect(vip.values).toMatchObject({ 'ticket.priority': 'high', 'ticket.groupId': groupId });
    const otherTemplate = await evaluate({
      mode: 'load',
      templateId: templateB,
      values: { 'ticket.contactId': company.primaryContact.id },
    });
    expect(otherTemplate.applied).toEqual([]);
  });
});
