import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { multipart } from './fixtures/transfers.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let a: TestVendor;
let b: TestVendor;
/** One resource of vendor B per kind of id a route takes (files have UUID ids). */
const bIds: Record<string, number | string> = {};

beforeAll(async () => {
  running = await startTestServer();
  a = await makeVendor(running, '甲服务商');
  b = await makeVendor(running, '乙服务商');
  const { agent } = await makeAgent(running, b);
  bIds.agents = agent.id;
  bIds.groups = (await b.admin.post('/api/v1/groups', { name: '乙组', memberIds: [agent.id] })).json().id;
  bIds.roles = (
    await b.admin.post('/api/v1/roles', { name: '乙角色', permissions: [], dataScope: 'own' })
  ).json().id;
  bIds.shifts = (
    await b.admin.post('/api/v1/shifts', { name: '早班', start: '08:00', end: '16:00' })
  ).json().id;
  bIds['calendar-days'] = (
    await b.admin.post('/api/v1/calendar-days', {
      kind: 'holiday',
      name: '国庆',
      startDate: '2026-10-01',
      endDate: '2026-10-07',
    })
  ).json().id;
  bIds['api-tokens'] = (await b.admin.post('/api/v1/api-tokens', { name: '乙令牌' })).json().id;
  bIds.fields = (
    await b.admin.post('/api/v1/fields', { entity: 'company', label: '乙产品', type: 'text' })
  ).json().id;
  const company = (
    await b.admin.post('/api/v1/companies', {
      name: '乙客户公司',
      contacts: [{ name: '乙联系人', mobile: '13900000001' }],
    })
  ).json();
  bIds.companies = company.id;
  bIds.contacts = company.primaryContact.id;
  const csv = { name: 'b.csv', data: Buffer.from('公司名称\n乙导入公司\n') };
  const upload = multipart({ entity: 'companies' }, csv);
  bIds.imports = (await b.admin.request('POST', '/api/v1/imports', upload.payload, upload.headers)).json().id;
  bIds.exports = (await b.admin.post('/api/v1/exports', { entity: 'companies' })).json().id;
  const ticketCsv = multipart({}, { name: 'bt.csv', data: Buffer.from('标题\n乙导入工单\n') });
  bIds['ticket-imports'] = (
    await b.admin.request('POST', '/api/v1/ticket-imports', ticketCsv.payload, ticketCsv.headers)
  ).json().id;
  bIds['ticket-exports'] = (await b.admin.post('/api/v1/ticket-exports', {})).json().id;
  bIds['customer-groups'] = (await b.admin.post('/api/v1/customer-groups', { name: '乙客户组' })).json().id;
  bIds['customer-templates'] = (
    await b.admin.post('/api/v1/customer-templates', {
      name: '乙模板',
      module: 'chat',
      fieldKeys: ['company.name'],
    })
  ).json().id;
  bIds['saved-queries'] = (
    await b.admin.post('/api/v1/saved-queries', {
      entity: 'companies',
      name: '乙查询器',
      conditions: { all: [], any: [] },
    })
  ).json().id;
  bIds.tickets = (
    await b.admin.post('/api/v1/tickets', { subject: '乙工单', contactId: bIds.contacts })
  ).json().id;
  // Stored views have numeric ids (as strings); system views ('sys:mine') exist in every vendor.
  bIds['ticket-views'] = Number(
    (
      await b.admin.post('/api/v1/ticket-views', { name: '乙查询器', conditions: { all: [], any: [] } })
    ).json().id,
  );
  aCompanyId = (await a.admin.post('/api/v1/companies', { name: '甲客户公司' })).json().id;
  aTicketId = (await a.admin.post('/api/v1/tickets', { subject: '甲工单' })).json().id;
  bIds['print-templates'] = (
    await b.admin.post('/api/v1/print-templates', { name: '乙打印模板', body: '{{ticket.subject}}' })
  ).json().id;
  bIds['ticket-templates'] = (await b.admin.post('/api/v1/ticket-templates', { name: '乙模板' })).json().id;
  bIds.workflows = (
    await b.admin.put(`/api/v1/workflows/by-template/${bIds['ticket-templates']}`, {
      graph: { nodes: [], edges: [] },
    })
  ).json().id;
  bIds.triggers = (
    await b.admin.post('/api/v1/triggers', {
      title: '乙触发器',
      conditions: { all: [{ field: 'event.type', op: 'is', value: 'created' }], any: [] },
      actions: [{ field: 'ticket.priority', value: 'high' }],
    })
  ).json().id;
  bIds.automations = (
    await b.admin.post('/api/v1/automations', {
      title: '乙自动化任务',
      conditions: {
        all: [
          { field: 'ticket.status', op: 'is', value: 'pending' },
          { field: 'time.hoursSinceUpdated', op: 'gt', value: 48 },
        ],
        any: [],
      },
      actions: [{ field: 'ticket.status', value: 'solved' }],
    })
  ).json().id;
  bIds.macros = (
    await b.admin.post('/api/v1/macros', {
      title: '乙宏',
      actions: [{ field: 'ticket.priority', value: 'high' }],
    })
  ).json().id;
  bIds.targets = (
    await b.admin.post('/api/v1/targets', { title: '乙的ERP', url: 'http://127.0.0.1:9/erp' })
  ).json().id;
  // A 测试 call writes a delivery log entry (the discard port refuses it at once).
  bIds.outbox = (await b.admin.post(`/api/v1/targets/${bIds.targets}/test`, {})).json().outboxId;
  bIds['sla-policies'] = (
    await b.admin.post('/api/v1/sla-policies', {
      title: '乙SLA策略',
      conditions: { all: [], any: [] },
      targets: { normal: { firstResponse: 60 } },
    })
  ).json().id;
  const file = multipart({}, { name: 'b.txt', data: Buffer.from('乙的文件') });
  bIds.files = (await b.admin.request('POST', '/api/v1/files', file.payload, file.headers)).json().fileId;
  for (const [k, v] of Object.entries(bIds))
    if (!Number.isInteger(v) && !(k === 'files' && typeof v === 'string'))
      throw new Error(`setup of ${k} failed`);
});
afterAll(() => running.close());

/** Routes whose empty body would fail validation before the tenancy check: a valid body of vendor A. */
const BODIES: Record<string, () => unknown> = {
  'POST /api/v1/companies/:id/merge': () => ({ targetId: aCompanyId, confirm: true }),
  'POST /api/v1/tickets/:id/merge': () => ({ targetId: aTicketId }),
  'POST /api/v1/tickets/:id/split': () => ({ children: [{ subject: '甲子单' }] }),
  'PATCH /api/v1/print-templates/:id': () => ({ name: '甲改名' }),
  'POST /api/v1/tickets/:id/comments': () => ({ body: '甲的回复', public: false }),
  'POST /api/v1/tickets/:id/records': () => ({ channel: 'manual' }),
  'POST /api/v1/tickets/:id/workflow/return': () => ({ nodeId: 'accept' }),
};
let aCompanyId = 0;
let aTicketId = 0;

// Public on purpose: a vendor's logo is shown on its chat widget and public pages.
const PUBLIC_BY_DESIGN = new Set(['GET /api/v1/vendors/:id/logo']);

describe('tenant isolation', () => {
  it("answers 404 to vendor A's admin for every id of vendor B, on every route that takes an id", async () => {
    const routes = running.app.routeTable.filter(
      (r) =>
        r.url.includes(':id') &&
        r.config.auth !== 'operator' &&
        !PUBLIC_BY_DESIGN.has(`${r.method} ${r.url}`),
    );
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const kind = route.url.split('/')[3]!;
      const id = bIds[kind];
      if (id === undefined)
        throw new Error(`no vendor-B fixture for ${route.method} ${route.url}: add one to this test`);
      const url = route.url.replace(':id', String(id));
      const body = BODIES[`${route.method} ${route.url}`]?.() ?? (route.hasBody ? {} : undefined);
      const res = await a.admin.request(route.method as 'GET', url, body);
      expect(res.statusCode, `${route.method} ${url} → ${res.body}`).toBe(404);
      expectProblem(res, 404, 'not_found');
    }
    // And B's resources are untouched.
    expect((await b.admin.get(`/api/v1/groups/${bIds.groups}`)).statusCode).toBe(200);
    expect((await b.admin.get(`/api/v1/roles/${bIds.roles}`)).statusCode).toBe(200);
    expect((await b.admin.get('/api/v1/api-tokens')).json().items).toHaveLength(1);
  });

  it('lists only the own vendor’s records', async () => {
    const agents = (await a.admin.get('/api/v1/agents')).json().items;
    expect(agents.map((x: { id: number }) => x.id)).not.toContain(bIds.agents);
    const groups = (await a.admin.get('/api/v1/groups')).json().items;
    expect(groups.map((x: { id: number }) => x.id)).not.toContain(bIds.groups);
    const roles = (await a.admin.get('/api/v1/roles')).json().items;
    expect(roles.map((x: { id: number }) => x.id)).not.toContain(bIds.roles);
    const shifts = (await a.admin.get('/api/v1/shifts')).json().items;
    expect(shifts.map((x: { id: number }) => x.id)).not.toContain(bIds.shifts);
    const days = (await a.admin.get('/api/v1/calendar-days')).json().items;
    expect(days.map((x: { id: number }) => x.id)).not.toContain(bIds['calendar-days']);
  });

  it("refuses references to vendor B's records in vendor A's writes (4xx, never 5xx)", async () => {
    const agentWithBGroup = await a.admin.post('/api/v1/agents', {
      account: 'crossgroup',
      name: '跨组',
      password: 'password-1',
      grants: [],
      groupIds: [bIds.groups],
    });
    expectProblem(agentWithBGroup, 422, 'reference_not_found');
    expectProblem(
      await a.admin.post('/api/v1/agents', {
        account: 'crossrole',
        name: '跨角色',
        password: 'password-1',
        grants: [],
        roleId: bIds.roles,
      }),
      422,
      'reference_not_found',
    );
    expectProblem(
      await a.admin.post('/api/v1/groups', { name: '跨成员', memberIds: [bIds.agents] }),
      422,
      'reference_not_found',
    );
    expectProblem(
      await a.admin.post('/api/v1/groups', { name: '跨上级', parentId: bIds.groups }),
      422,
      'reference_not_found',
    );
    expectProblem(
      await a.admin.put('/api/v1/schedule', {
        entries: [{ agentId: bIds.agents, date: '2026-12-01', shiftId: bIds.shifts }],
      }),
      422,
      'reference_not_found',
    );
    expectProblem(
      await a.admin.post('/api/v1/notifications', { agentIds: [bIds.agents], title: '越界' }),
      422,
      'reference_not_found',
    );
    // Nothing was half-written.
    expect((await a.admin.get('/api/v1/agents?q=cross')).json().items).toEqual([]);
  });

  it('keeps sessions and tokens bound to their vendor', async () => {
    const token = (await b.admin.post('/api/v1/api-tokens', { name: 'x' })).json().token as string;
    // Rewriting the vendor part of the token does not reach vendor A.
    const forged = token.replace(/^ydt_\d+_/, `ydt_${a.vendorId}_`);
    expectProblem(
      await running.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${forged}` } }),
      401,
    );
    const me = await running.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().vendor.id).toBe(b.vendorId);
  });

  it('the database itself rejects a cross-vendor reference', async () => {
    const { sql } = await import('drizzle-orm');
    await expect(
      running.deps.db.execute(
        sql`insert into group_members (vendor_id, group_id, agent_id) values (${a.vendorId}, ${bIds.groups}, ${bIds.agents})`,
      ),
    ).rejects.toThrow();
  });
});
