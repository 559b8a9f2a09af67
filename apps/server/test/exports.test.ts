import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { readXlsx, waitForTask } from './fixtures/transfers.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;

beforeAll(async () => {
  running = await startTestServer({ jobs: true });
  v = await makeVendor(running);
  await v.admin.post('/api/v1/fields', { entity: 'company', key: 'industry', label: '行业', type: 'text' });
  await v.admin.post('/api/v1/companies', {
    name: '北京导出测试有限公司',
    package: 'VIP服务包',
    serviceEnd: '2030-12-31',
    phone: '010-63701234',
    tags: ['T+', '老客户'],
    custom: { industry: '制造业' },
    contacts: [{ name: '张会计', mobile: '13800138000' }],
  });
  await v.admin.post('/api/v1/companies', {
    name: '=HYPERLINK("http://evil.example","点我")',
    contacts: [{ name: '@SUM(1+1)', mobile: '13900139000' }],
  });
  await v.admin.post('/api/v1/companies', { name: '上海其他公司' });
});
afterAll(() => running.close());

async function exportAs(client: TestVendor['admin'], body: object) {
  const res = await client.post('/api/v1/exports', body);
  expect(res.statusCode, res.body).toBe(202);
  const status = await waitForTask(client, `/api/v1/exports/${res.json().id}`);
  expect(status).toMatchObject({ status: 'done', fileUrl: `/api/v1/exports/${res.json().id}/file` });
  const file = await client.get(status.fileUrl);
  expect(file.statusCode).toBe(200);
  expect(file.headers['content-disposition']).toContain("filename*=UTF-8''");
  return { status, rows: await readXlsx(file.rawPayload) };
}

const column = (rows: unknown[][], header: string) => {
  const i = (rows[0] as string[]).indexOf(header);
  expect(i, header).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[i] ?? null);
};

describe('export to xlsx', () => {
  it('exports companies with the list filters, custom fields and default-contact columns', async () => {
    const progress: unknown[] = [];
    running.deps.events.on('export.progress', (e) => progress.push(e.status));
    const { status, rows } = await exportAs(v.admin, { entity: 'companies', query: { q: '北京' } });
    expect(status).toMatchObject({ total: 1, processed: 1 });
    expect(rows[0]).toEqual(
      expect.arrayContaining(['公司名称', '服务到期日期', '服务状态', '行业', '默认联系人', '联系人手机']),
    );
    expect(column(rows, '公司名称')).toEqual(['北京导出测试有限公司']);
    expect(column(rows, '联系人手机')).toEqual(['13800138000']);
    expect(column(rows, '电话')).toEqual(['01063701234']);
    expect(column(rows, '行业')).toEqual(['制造业']);
    expect(column(rows, '标签')).toEqual(['T+、老客户']);
    expect(column(rows, '服务状态')).toEqual(['服务中']);
    expect(progress.at(-1)).toMatchObject({ status: 'done', total: 1 });
  });

  it('writes every cell CSV-injection-safe', async () => {
    const { rows } = await exportAs(v.admin, { entity: 'companies', query: { sort: 'name' } });
    const names = column(rows, '公司名称');
    expect(names).toContain('\'=HYPERLINK("http://evil.example","点我")');
    expect(column(rows, '默认联系人')).toContain("'@SUM(1+1)");
    expect(names).toHaveLength(3);
  });

  it('exports the result of an advanced query (condition language)', async () => {
    const conditions = { all: [{ field: 'company.package', op: 'is', value: 'VIP服务包' }], any: [] };
    const { rows } = await exportAs(v.admin, { entity: 'companies', query: { conditions } });
    expect(column(rows, '公司名称')).toEqual(['北京导出测试有限公司']);
    const bad = { all: [{ field: 'company.nope', op: 'is', value: 1 }], any: [] };
    const res = await v.admin.post('/api/v1/exports', { entity: 'companies', query: { conditions: bad } });
    expect(expectProblem(res, 400, 'validation_failed').errors[0].path).toMatch(/^body\.query\.conditions/);
  });

  it('exports selected contacts with their company', async () => {
    const list = (await v.admin.get('/api/v1/contacts')).json().items;
    const zhang = list.find((c: { name: string }) => c.name === '张会计');
    const { rows } = await exportAs(v.admin, { entity: 'contacts', ids: [zhang.id] });
    expect(column(rows, '姓名')).toEqual(['张会计']);
    expect(column(rows, '公司名称')).toEqual(['北京导出测试有限公司']);
    expect(column(rows, '手机号')).toEqual(['13800138000']);
  });

  it('masks phone numbers for agents in privacy mode, exactly as the API does', async () => {
    const role = (
      await v.admin.post('/api/v1/roles', {
        name: '导出员',
        permissions: ['customer.view', 'customer.export'],
        dataScope: 'all',
      })
    ).json();
    const { client } = await makeAgent(running, v, { roleId: role.id });
    await v.admin.patch('/api/v1/customer-settings', { privacyMode: true });
    try {
      const companies = await exportAs(client, { entity: 'companies', query: { q: '北京' } });
      expect(column(companies.rows, '联系人手机')).toEqual(['138****8000']);
      expect(column(companies.rows, '电话')).toEqual(['010-6370****']);
      const contacts = await exportAs(client, { entity: 'contacts' });
      expect(column(contacts.rows, '手机号').sort()).toEqual(['138****8000', '139****9000']);
      const all = JSON.stringify([...companies.rows, ...contacts.rows]);
      expect(all).not.toContain('13800138000');
      expect(all).not.toContain('63701234');
      // Administrators see full numbers (privacyAdminsSeeFull).
      const admin = await exportAs(v.admin, { entity: 'contacts' });
      expect(column(admin.rows, '手机号')).toContain('13800138000');
      // Another agent cannot fetch the admin's unmasked file.
      expectProblem(await client.get(admin.status.fileUrl), 404, 'not_found');
    } finally {
      await v.admin.patch('/api/v1/customer-settings', { privacyMode: false });
    }
  });

  it('needs customer.export and a valid body', async () => {
    const { client } = await makeAgent(running, v);
    expectProblem(await client.post('/api/v1/exports', { entity: 'companies' }), 403, 'forbidden');
    expectProblem(await v.admin.post('/api/v1/exports', { entity: 'tickets' }), 400, 'validation_failed');
    expectProblem(await v.admin.get('/api/v1/exports/999999'), 404, 'not_found');
  });
});

describe('stored file cleanup', () => {
  it('drops export files older than a week and keeps newer ones', async () => {
    const { purgeTransferFiles } = await import('../src/modules/transfers/cleanup.js');
    const { sql } = await import('drizzle-orm');
    const db = running.deps.db;
    // Age every finished export by eight days, then purge: their bytes go, their rows stay.
    await db.execute(
      sql`update exports set created_at = now() - interval '8 days' where vendor_id = ${v.vendorId} and file is not null`,
    );
    const before = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from exports where vendor_id = ${v.vendorId}`,
    );
    const purged = await purgeTransferFiles(db);
    expect(purged.exports).toBeGreaterThan(0);
    const left = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from exports where vendor_id = ${v.vendorId} and file is not null`,
    );
    expect(left.rows[0]?.n).toBe(0);
    const after = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from exports where vendor_id = ${v.vendorId}`,
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
