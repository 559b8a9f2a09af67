import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { readXlsx, upload, waitForTask } from './fixtures/transfers.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;
let ownAgent: Awaited<ReturnType<typeof makeAgent>>;
const ids = { a: 0, b: 0, c: 0, contactA: 0, ticketA: 0 };

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

async function record(ticketId: number, channel: string, startedAt: string) {
  const res = await v.admin.post(`/api/v1/tickets/${ticketId}/records`, {
    channel,
    startedAt,
    summary: channel,
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
  const role = (
    await v.admin.post('/api/v1/roles', {
      name: '只看自己',
      permissions: ['customer.view', 'ticket.view', 'record.view'],
      dataScope: 'own',
    })
  ).json();
  ownAgent = await makeAgent(running, v, { roleId: role.id });
  const a = (
    await v.admin.post('/api/v1/companies', {
      name: '甲公司',
      contacts: [{ name: '张会计', mobile: '13800138000' }],
    })
  ).json();
  const b = (
    await v.admin.post('/api/v1/companies', { name: '乙公司', ownerAgentId: ownAgent.agent.id })
  ).json();
  const c = (await v.admin.post('/api/v1/companies', { name: '丙公司' })).json();
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, contactA: a.primaryContact.id });
  ids.ticketA = (
    await v.admin.post('/api/v1/tickets', { subject: '开票失败', contactId: ids.contactA })
  ).json().id;
  await record(ids.ticketA, 'call', daysAgo(10));
  await record(ids.ticketA, 'chat', daysAgo(5));
  await record(ids.ticketA, 'call', daysAgo(2));
  const ticketB = (await v.admin.post('/api/v1/tickets', { subject: '上门安装', companyId: ids.b })).json()
    .id;
  await record(ticketB, 'visit', daysAgo(60));
  await v.admin.patch(`/api/v1/tickets/${ticketB}`, { status: 'solved' });
});
afterAll(() => running.close());

type Row = { companyName: string; [k: string]: unknown };
const names = (items: Row[]) => items.map((r) => r.companyName);

describe('customer statistics (客户统计)', () => {
  it('counts services by channel and tickets per company, longest unserved first', async () => {
    const res = await v.admin.get('/api/v1/customer-statistics');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(names(page.items)).toEqual(['丙公司', '乙公司', '甲公司']);
    const [c, b, a] = page.items;
    expect(a).toMatchObject({
      companyId: ids.a,
      services: { call: 2, chat: 1, remote: 0, visit: 0, email: 0, manual: 0 },
      totalServices: 3,
      tickets: 1,
      openTickets: 1,
      daysSinceService: 2,
    });
    expect(b).toMatchObject({
      services: { visit: 1, call: 0 },
      totalServices: 1,
      tickets: 1,
      openTickets: 0,
      daysSinceService: 60,
      ownerAgentId: ownAgent.agent.id,
      ownerAgentName: '测试客服',
    });
    expect(c).toMatchObject({ totalServices: 0, tickets: 0, lastServiceAt: null, daysSinceService: null });
    expect(page.summary).toEqual({
      companies: 3,
      services: { call: 2, chat: 1, remote: 0, visit: 1, email: 0, manual: 0 },
      totalServices: 4,
      neverServed: 1,
    });
    const newest = (await v.admin.get('/api/v1/customer-statistics?sort=-lastService')).json();
    expect(names(newest.items)).toEqual(['甲公司', '乙公司', '丙公司']);
  });

  it('filters the companies not served for N days (never served included)', async () => {
    const month = (await v.admin.get('/api/v1/customer-statistics?notServedDays=30')).json();
    expect(names(month.items)).toEqual(['丙公司', '乙公司']);
    expect(month.summary).toMatchObject({ companies: 2, neverServed: 1, totalServices: 1 });
    const quarter = (await v.admin.get('/api/v1/customer-statistics?notServedDays=90')).json();
    expect(names(quarter.items)).toEqual(['丙公司']);
    const byName = (await v.admin.get(`/api/v1/customer-statistics?q=${encodeURIComponent('甲')}`)).json();
    expect(names(byName.items)).toEqual(['甲公司']);
  });

  it('pages with a cursor in the same order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/customer-statistics?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await v.admin.get(url)).json();
      seen.push(...names(page.items));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['丙公司', '乙公司', '甲公司']);
    expectProblem(await v.admin.get('/api/v1/customer-statistics?cursor=nope'), 400, 'validation_failed');
    expectProblem(await v.admin.get('/api/v1/customer-statistics?notServedDays=0'), 400, 'validation_failed');
  });

  it("keeps to the caller's data scope and the feature switch", async () => {
    const mine = (await ownAgent.client.get('/api/v1/customer-statistics')).json();
    expect(names(mine.items)).toEqual(['乙公司']);
    expect(mine.summary.companies).toBe(1);
    const other = await makeVendor(running);
    expect((await other.admin.get('/api/v1/customer-statistics')).json().items).toEqual([]);
    expect((await other.admin.put('/api/v1/features', { customerStats: false })).statusCode).toBe(200);
    expectProblem(await other.admin.get('/api/v1/customer-statistics'), 403, 'feature_disabled');
  });
});

describe('customer timeline', () => {
  it('merges tickets, service records and audited edits of a company, newest first, with a cursor', async () => {
    await v.admin.patch(`/api/v1/tickets/${ids.ticketA}`, { status: 'solved' });
    const edit = await v.admin.patch(`/api/v1/companies/${ids.a}`, { notes: '老客户', name: '甲公司' });
    expect(edit.statusCode, edit.body).toBe(200);
    const res = await v.admin.get(`/api/v1/companies/${ids.a}/timeline`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((e: { kind: string }) => e.kind)).toEqual([
      'audit',
      'ticket_solved',
      'ticket_created',
      'service',
      'service',
      'service',
    ]);
    expect(items[0]).toMatchObject({
      audit: { action: 'company.updated', data: { fields: ['notes'] } },
      agentName: '管理员',
    });
    expect(items[1].ticket).toMatchObject({ id: ids.ticketA, subject: '开票失败', status: 'solved' });
    expect(items.slice(3).map((e: { record: { channel: string } }) => e.record.channel)).toEqual([
      'call',
      'chat',
      'call',
    ]);
    const times = items.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const paged: unknown[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/companies/${ids.a}/timeline?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await v.admin.get(url)).json();
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(items);
  });

  it("shows a contact's timeline and hides customers outside the data scope", async () => {
    await v.admin.patch(`/api/v1/contacts/${ids.contactA}`, { position: '会计' });
    const items = (await v.admin.get(`/api/v1/contacts/${ids.contactA}/timeline`)).json().items;
    expect(items[0]).toMatchObject({
      kind: 'audit',
      audit: { action: 'contact.updated', data: { fields: ['position'] } },
    });
    expect(items.filter((e: { kind: string }) => e.kind === 'service')).toHaveLength(3);
    expectProblem(await ownAgent.client.get(`/api/v1/companies/${ids.a}/timeline`), 404, 'not_found');
    const b = (await ownAgent.client.get(`/api/v1/companies/${ids.b}/timeline`)).json().items;
    // The agent sees B, but not the admin's ticket on it (ticket data scope): only its service record.
    expect(b.map((e: { kind: string }) => e.kind)).toEqual(['service']);
  });
});

const HEADER = [
  '公司名称',
  '受理客服',
  '服务到期日期',
  '通话',
  '在线聊天',
  '远程协助',
  '上门',
  '邮件',
  '手工记录',
  '服务总次数',
  '工单数',
  '未解决工单',
  '最近服务时间',
  '未服务天数',
];

async function exportStatistics(client: TestVendor['admin'], query?: object) {
  const res = await client.post('/api/v1/customer-statistics/export', query ? { query } : {});
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id;
  const status = await waitForTask(client, `/api/v1/exports/${id}`);
  expect(status).toMatchObject({
    entity: 'customer_statistics',
    status: 'done',
    fileUrl: `/api/v1/exports/${id}/file`,
  });
  const file = await client.get(status.fileUrl);
  expect(file.statusCode).toBe(200);
  const stamp = new Date(status.createdAt).toISOString().slice(0, 10).replaceAll('-', '');
  expect(file.headers['content-disposition']).toContain(encodeURIComponent(`客户统计_${stamp}.xlsx`));
  return { id, status, rows: await readXlsx(file.rawPayload) };
}

/** A data row as header → value. */
const byHeader = (rows: unknown[][]) =>
  rows.slice(1).map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i] ?? null])));

describe('customer statistics export (导出客户统计)', () => {
  it('writes the filtered statistics, one column per channel, times in the vendor time zone', async () => {
    const { status, rows } = await exportStatistics(v.admin, { notServedDays: 30 });
    expect(rows[0]).toEqual(HEADER);
    expect(status).toMatchObject({ total: 2, processed: 2 });
    const [c, b] = byHeader(rows);
    expect(c).toMatchObject({
      公司名称: '丙公司',
      服务总次数: 0,
      工单数: 0,
      最近服务时间: null,
      未服务天数: null,
    });
    expect(b).toMatchObject({
      公司名称: '乙公司',
      受理客服: '测试客服',
      通话: 0,
      上门: 1,
      服务总次数: 1,
      工单数: 1,
      未解决工单: 0,
      未服务天数: 60,
    });

    const api = (await v.admin.get(`/api/v1/customer-statistics?q=${encodeURIComponent('甲')}`)).json();
    const { rows: one } = await exportStatistics(v.admin, { q: '甲' });
    const [a] = byHeader(one);
    expect(byHeader(one)).toHaveLength(1);
    expect(a).toMatchObject({
      公司名称: '甲公司',
      通话: 2,
      在线聊天: 1,
      远程协助: 0,
      上门: 0,
      邮件: 0,
      手工记录: 0,
      服务总次数: 3,
      未服务天数: 2,
    });
    const last = new Date(api.items[0].lastServiceAt);
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(last);
    expect(a!.最近服务时间).toBe(local);

    // The page's sort: most served first.
    const { rows: all } = await exportStatistics(v.admin, { sort: '-totalServices' });
    expect(all.slice(1).map((r) => r[0])).toEqual(['甲公司', '乙公司', '丙公司']);
  });

  it("keeps to the caller's data scope and needs customer.export", async () => {
    expectProblem(await ownAgent.client.post('/api/v1/customer-statistics/export', {}), 403, 'forbidden');
    const role = (
      await v.admin.post('/api/v1/roles', {
        name: '导出自己的客户',
        permissions: ['customer.view', 'customer.export', 'ticket.view', 'ticket.export'],
        dataScope: 'own',
      })
    ).json();
    const exporter = await makeAgent(running, v, { roleId: role.id });
    const moved = await v.admin.patch(`/api/v1/companies/${ids.b}`, { ownerAgentId: exporter.agent.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const { id, rows } = await exportStatistics(exporter.client);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['乙公司']);
    expect(byHeader(rows)[0]).toMatchObject({ 上门: 1, 服务总次数: 1 });
    // Only the agent who asked sees the export; the ticket export routes never serve it.
    expectProblem(await v.admin.get(`/api/v1/exports/${id}`), 404, 'not_found');
    expectProblem(await exporter.client.get(`/api/v1/ticket-exports/${id}`), 404, 'not_found');
  });

  it('refuses bad filters, imports of statistics and a switched-off feature', async () => {
    const bad = await v.admin.post('/api/v1/customer-statistics/export', { query: { notServedDays: 0 } });
    expect(expectProblem(bad, 400, 'validation_failed').errors[0].path).toMatch(/^body\.query/);
    expectProblem(
      await v.admin.post('/api/v1/customer-statistics/export', { query: { sort: 'nope' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await v.admin.post('/api/v1/customer-statistics/export', { query: { groupID: 1 } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await v.admin.post('/api/v1/exports', { entity: 'customer_statistics' }),
      400,
      'validation_failed',
    );
    const csv = { name: 'stats.csv', data: Buffer.from('公司名称\n甲公司\n') };
    expectProblem(
      await upload(v.admin, '/api/v1/imports/preview', { entity: 'customer_statistics' }, csv),
      400,
      'validation_failed',
    );
    const other = await makeVendor(running);
    expect((await other.admin.put('/api/v1/features', { customerStats: false })).statusCode).toBe(200);
    expectProblem(await other.admin.post('/api/v1/customer-statistics/export', {}), 403, 'feature_disabled');
  });
});
