import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImport, runImport } from '../src/modules/transfers/imports.js';
import { loadActor } from '../src/platform/auth/actor.js';
import { type Running, startServer } from '../src/server.js';
import { fixture, readXlsx, upload, waitForTask } from './fixtures/transfers.js';
import {
  expectProblem,
  makeAgent,
  makeVendor,
  startTestServer,
  type TestVendor,
  testConfig,
} from './harness.js';

let running: Running;

beforeAll(async () => {
  running = await startTestServer({ jobs: true });
});
afterAll(() => running.close());

const importFile = async (v: TestVendor, name: string, data: Buffer, fields: Record<string, string> = {}) => {
  const res = await upload(v.admin, '/api/v1/imports', { entity: 'companies', ...fields }, { name, data });
  expect(res.statusCode, res.body).toBe(202);
  return waitForTask(v.admin, `/api/v1/imports/${res.json().id}`);
};

const failedRows = async (v: TestVendor, status: { failedRowsUrl: string }) => {
  const res = await v.admin.get(status.failedRowsUrl);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const rows = await readXlsx(res.rawPayload);
  const header = rows[0] as string[];
  expect(header.at(-1)).toBe('失败原因');
  return new Map(rows.slice(1).map((r) => [Number(r[0]), String(r.at(-1))]));
};

/** The LibreOffice-made fixtures share one source (fixtures/imports/companies.source.csv). */
async function expectSourceImported(v: TestVendor, status: Record<string, unknown>, formulaReason: RegExp) {
  expect(status).toMatchObject({
    status: 'done',
    total: 8,
    processed: 8,
    imported: 3,
    updated: 0,
    failed: 5,
  });
  const reasons = await failedRows(v, status as { failedRowsUrl: string });
  expect([...reasons.keys()]).toEqual([7, 8, 9, 10, 11]);
  expect(reasons.get(7)).toBe('手机号码：与第 2 行重复');
  expect(reasons.get(8)).toMatch(/^服务到期：日期格式不正确/);
  expect(reasons.get(9)).toBe('公司名称(必填)：公司名称为空');
  expect(reasons.get(10)).toBe('服务包：不是可选的选项');
  expect(reasons.get(11)).toMatch(formulaReason);

  const list = (await v.admin.get('/api/v1/companies?limit=50&sort=name')).json().items;
  expect(list.map((c: { name: string }) => c.name).sort()).toEqual(
    ['上海金蝶财务软件服务部', '北京用友软件代理有限公司', '广州管家婆软件有限公司'].sort(),
  );
  const byName = (n: string) => list.find((c: { name: string }) => c.name === n);
  expect(byName('北京用友软件代理有限公司')).toMatchObject({
    serviceEnd: '2026-12-31',
    package: 'VIP服务包',
    notes: '老客户',
    ownerAgentId: v.admin.agentId,
    primaryContact: { name: '张会计', mobile: '13800138000' },
  });
  expect(byName('上海金蝶财务软件服务部')).toMatchObject({
    serviceEnd: '2026-01-05',
    package: '标准服务包',
    primaryContact: { name: '李出纳', mobile: '13900139000' },
  });
  expect(byName('广州管家婆软件有限公司').serviceEnd).toBe('2026-01-05');
  // Identities were written: the contacts are recognised by phone.
  const hit = (await v.admin.get('/api/v1/identify?mobile=13700137000')).json();
  expect(hit.company.name).toBe('广州管家婆软件有限公司');
}

describe('spreadsheet import', () => {
  it('imports a LibreOffice-made .xlsx with Chinese headers, blank rows, a duplicate phone, a bad date and a formula', async () => {
    const v = await makeVendor(running);
    const progress: unknown[] = [];
    running.deps.events.on('import.progress', (e) => {
      if (e.vendorId === v.vendorId) progress.push(e.status);
    });
    const status = await importFile(v, 'companies.xlsx', fixture('companies.xlsx'));
    await expectSourceImported(v, status, /^备注：单元格含公式/);
    expect(status.failedRowsUrl).toBe(`/api/v1/imports/${status.id}/failed-rows`);
    expect(progress.at(-1)).toMatchObject({ status: 'done', imported: 3 });
  });

  it('imports the same rows from a LibreOffice-made legacy .xls', async () => {
    const v = await makeVendor(running);
    const status = await importFile(v, 'companies.xls', fixture('companies.xls'));
    await expectSourceImported(v, status, /^备注：单元格含公式/);
  });

  it('finds the header under a merged title row; merged header cells name their first column', async () => {
    const v = await makeVendor(running);
    const preview = await upload(
      v.admin,
      '/api/v1/imports/preview',
      { entity: 'companies' },
      {
        name: 'merged.xlsx',
        data: fixture('companies-merged-header.xlsx'),
      },
    );
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.header).toEqual(['公司名称', '联系人', '手机', '列4', '到期日期']);
    expect(p.mapping).toEqual({
      公司名称: 'name',
      联系人: 'contacts.name',
      手机: 'contacts.mobile',
      到期日期: 'serviceEnd',
    });
    expect(p.rows[0]).toEqual(['西安合并表头科技有限公司', '陈一', '13100131000', '', '2027-03-31']);
    expect(p.fields.some((f: { key: string }) => f.key === 'contacts.mobile')).toBe(true);

    const status = await importFile(v, 'merged.xlsx', fixture('companies-merged-header.xlsx'));
    expect(status).toMatchObject({ status: 'done', total: 3, imported: 2, failed: 1 });
    const reasons = await failedRows(v, status);
    expect(reasons.get(7)).toBe('手机：与第 3 行重复');
    const company = (await v.admin.get('/api/v1/companies?q=重庆')).json().items[0];
    expect(company).toMatchObject({ serviceEnd: '2027-04-01', primaryContact: { name: '林二' } });
  });

  it('is idempotent: the same file again updates instead of duplicating; skipExisting leaves records alone', async () => {
    const v = await makeVendor(running);
    await importFile(v, 'companies.xlsx', fixture('companies.xlsx'));
    const again = await importFile(v, 'companies.xlsx', fixture('companies.xlsx'));
    expect(again).toMatchObject({ status: 'done', imported: 0, updated: 3, skipped: 0, failed: 5 });
    const companies = (await v.admin.get('/api/v1/companies?limit=50')).json().items;
    expect(companies).toHaveLength(3);
    const contacts = (await v.admin.get('/api/v1/contacts?limit=50')).json().items;
    expect(contacts).toHaveLength(3);

    const id = companies.find((c: { name: string }) => c.name === '北京用友软件代理有限公司').id;
    await v.admin.patch(`/api/v1/companies/${id}`, { notes: '手工改过' });
    const skip = await importFile(v, 'companies.xlsx', fixture('companies.xlsx'), { skipExisting: 'true' });
    expect(skip).toMatchObject({ imported: 0, updated: 0, skipped: 3, failed: 5 });
    expect((await v.admin.get(`/api/v1/companies/${id}`)).json().notes).toBe('手工改过');
  });

  it('imports contacts from a GBK CSV, linked to companies by name, with per-row reasons', async () => {
    const v = await makeVendor(running);
    await v.admin.post('/api/v1/companies', {
      name: '已有公司',
      contacts: [{ name: '老联系人', mobile: '13200132000' }],
    });
    const csv = [
      '公司名称,联系人姓名,手机号,邮箱,性别,生日,职位',
      '已有公司,新同事,13211112222,New@Example.com,女,46027,会计',
      '新建公司甲,甲一,+86 132-0000-0001,,男,1990年5月6日,',
      '新建公司甲,甲二,13200000002,,,,出纳',
      ',无公司,13200000003,,,,',
      '新建公司乙,抢号,13200132000,,,,',
      '新建公司乙,重复,13200000002,,,,',
      '新建公司乙,性别错,13200000004,,未知,,',
      '新建公司乙,,13200000005,,,,',
      '新建公司乙,"=cmd|\' /C calc\'!A0",13200000006,,,,',
    ].join('\r\n');
    const status = await importFile(v, 'contacts.csv', iconv.encode(csv, 'gbk'), { entity: 'contacts' });
    expect(status).toMatchObject({ total: 9, imported: 4, failed: 5 });
    const reasons = await failedRows(v, status);
    expect(Object.fromEntries(reasons)).toEqual({
      5: '公司名称：公司名称为空',
      6: '手机号：已属于另一家公司的联系人',
      7: '手机号：与第 4 行重复',
      8: '性别：性别应为男或女',
      10: '联系人姓名：疑似公式注入，已拒绝',
    });
    const jia = (await v.admin.get('/api/v1/companies?q=新建公司甲')).json().items[0];
    expect(jia.primaryContact).toMatchObject({ name: '甲一', mobile: '13200000001' });
    const people = (await v.admin.get(`/api/v1/contacts?companyId=${jia.id}`)).json().items;
    expect(people.map((p: { name: string }) => p.name).sort()).toEqual(['甲一', '甲二']);
    expect(people.filter((p: { isPrimary: boolean }) => p.isPrimary)).toHaveLength(1);
    const colleague = (await v.admin.get('/api/v1/contacts?q=新同事')).json().items[0];
    expect(colleague).toMatchObject({ email: 'new@example.com', gender: 'female', birthday: '2026-01-05' });
    // A contact without a name is named by its number.
    expect((await v.admin.get('/api/v1/contacts?q=13200000005')).json().items[0].name).toBe('13200000005');
  });

  it('reads UTF-8 CSV with a BOM in no-header mode with an explicit mapping', async () => {
    const v = await makeVendor(running);
    const csv =
      '\uFEFF成都无表头有限公司,13300000001,2026/7/1\r\n\r\n重庆无表头有限公司,13300000002,2026-07-02\r\n';
    const fields = {
      noHeader: 'true',
      mapping: JSON.stringify({ 列1: 'name', 列2: 'contacts.mobile', 列3: 'serviceEnd' }),
    };
    const status = await importFile(v, 'nohead.csv', Buffer.from(csv, 'utf8'), fields);
    expect(status).toMatchObject({ status: 'done', total: 2, imported: 2, failed: 0, failedRowsUrl: null });
    const c = (await v.admin.get('/api/v1/companies?q=成都无表头')).json().items[0];
    expect(c).toMatchObject({ serviceEnd: '2026-07-01', primaryContact: { mobile: '13300000001' } });
    expectProblem(await v.admin.get(`/api/v1/imports/${status.id}/failed-rows`), 409, 'transfer_not_ready');
  });

  it('refuses bad files with a clear message', async () => {
    const v = await makeVendor(running);
    const send = (name: string, data: Buffer, fields: Record<string, string> = {}) =>
      upload(v.admin, '/api/v1/imports', { entity: 'companies', ...fields }, { name, data });
    const wrongType = expectProblem(
      await send('客户.txt', Buffer.from('公司名称\n甲')),
      415,
      'file_type_unsupported',
    );
    expect(wrongType.title).toContain('.xlsx');
    expectProblem(await send('renamed.xlsx', fixture('companies.xls')), 415, 'file_type_unsupported');
    expectProblem(await send('renamed.xls', fixture('companies.xlsx')), 415, 'file_type_unsupported');
    expectProblem(await send('empty.csv', Buffer.alloc(0)), 422, 'file_empty');
    expectProblem(await send('blank.csv', Buffer.from('\r\n,,,\r\n\r\n')), 422, 'file_empty');
    const zip = fixture('companies.xlsx');
    expectProblem(await send('broken.xlsx', zip.subarray(0, zip.length / 2)), 422, 'file_corrupt');
    const xls = fixture('companies.xls');
    expectProblem(
      await send('broken.xls', Buffer.concat([xls.subarray(0, 600), Buffer.alloc(300)])),
      422,
      'file_corrupt',
    );
    const big = expectProblem(
      await send('big.csv', Buffer.alloc(21 * 1024 * 1024, 'a')),
      413,
      'file_too_large',
    );
    expect(big.title).toBe('文件不能超过 20 MB');
    const rows = ['公司名称', ...Array.from({ length: 50_001 }, (_, i) => `公司${i}`)].join('\n');
    expectProblem(await send('many.csv', Buffer.from(rows)), 422, 'too_many_rows');
    const mapping = expectProblem(
      await send('ok.csv', Buffer.from('公司名称\n甲'), { mapping: JSON.stringify({ 不存在: 'name' }) }),
      422,
      'import_mapping_invalid',
    );
    expect(mapping.errors).toEqual(
      expect.arrayContaining([{ path: 'mapping.不存在', message: '文件中没有这一列' }]),
    );
    expectProblem(await send('ok.csv', Buffer.from('甲'), { mapping: '{oops' }), 400, 'validation_failed');
    expectProblem(await upload(v.admin, '/api/v1/imports', { entity: 'companies' }), 400, 'file_missing');
    const entity = await upload(
      v.admin,
      '/api/v1/imports',
      { entity: 'tickets' },
      { name: 'a.csv', data: Buffer.from('x') },
    );
    expect(expectProblem(entity, 400, 'validation_failed').errors[0]).toMatchObject({ path: 'body.entity' });
    expect(expectProblem(entity, 400).errors[0].message).toBe('不是可选的选项');
    expectProblem(await v.admin.post('/api/v1/imports', { entity: 'companies' }), 415);
    // Nothing was created by any of them.
    expect((await v.admin.get('/api/v1/companies')).json().items).toEqual([]);
  });

  it('resumes after a crash from the last committed chunk without duplicating anything', async () => {
    const v = await makeVendor(running);
    const actor = (await loadActor(running.deps.db, v.vendorId, v.admin.agentId))!;
    const tmp = path.join(os.tmpdir(), `yidan-crash-${process.pid}-${v.vendorId}.csv`);
    const csv = ['公司名称,手机', ...Array.from({ length: 7 }, (_, i) => `续传公司${i},1350000000${i}`)].join(
      '\n',
    );
    (await import('node:fs')).writeFileSync(tmp, csv);
    const ref = {
      vendorId: v.vendorId,
      importId: await createImport(
        running.deps,
        actor,
        { path: tmp, fileName: 'crash.csv' },
        {
          entity: 'companies',
          skipExisting: false,
          noHeader: false,
        },
      ),
    };
    await expect(runImport(running.deps, ref, { chunkSize: 3, crashAfterChunks: 2 })).rejects.toThrow(
      'simulated crash',
    );
    const mid = (await v.admin.get(`/api/v1/imports/${ref.importId}`)).json();
    expect(mid).toMatchObject({ status: 'running', processed: 6, imported: 6 });
    await runImport(running.deps, ref, { chunkSize: 3 });
    const done = (await v.admin.get(`/api/v1/imports/${ref.importId}`)).json();
    expect(done).toMatchObject({
      status: 'done',
      total: 7,
      processed: 7,
      imported: 7,
      updated: 0,
      failed: 0,
    });
    expect((await v.admin.get('/api/v1/companies?limit=50')).json().items).toHaveLength(7);
    // A finished import is not run twice.
    await runImport(running.deps, ref);
    expect((await v.admin.get('/api/v1/companies?limit=50')).json().items).toHaveLength(7);
  });

  it('shows an import only to the agent who started it, and needs customer.import', async () => {
    const v = await makeVendor(running);
    const status = await importFile(v, 'companies.xlsx', fixture('companies.xlsx'));
    const { client } = await makeAgent(running, v);
    expectProblem(await client.get(`/api/v1/imports/${status.id}`), 403, 'forbidden');
    const role = (
      await v.admin.post('/api/v1/roles', {
        name: '导入员',
        permissions: ['customer.view', 'customer.import'],
        dataScope: 'all',
      })
    ).json();
    const importer = await makeAgent(running, v, { roleId: role.id });
    expectProblem(await importer.client.get(`/api/v1/imports/${status.id}`), 404, 'not_found');
    expectProblem(await importer.client.get(`/api/v1/imports/${status.id}/failed-rows`), 404, 'not_found');
  });

  it('pushes progress live to the agent who started the import', async () => {
    // In-process run (no queue): on a shared PostgreSQL another test server's worker could take the job.
    const live = await startServer(testConfig({ jobs: false, port: 0, host: '127.0.0.1' }), {
      logger: false,
    });
    try {
      const address = live.app.server.address();
      if (!address || typeof address === 'string') throw new Error('no address');
      const v = await makeVendor(live);
      const res = await live.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { account: 'admin', password: v.adminPassword, vendor: v.loginKey },
      });
      const sid = res.cookies.find((c) => c.name === 'yidan_sid')!.value;
      const socket = io(`http://127.0.0.1:${address.port}/agent`, {
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { cookie: `yidan_sid=${sid}` },
      });
      await new Promise<void>((resolve, reject) => {
        socket.on('connect', resolve);
        socket.on('connect_error', reject);
      });
      const seen: { status: string; processed: number }[] = [];
      const done = new Promise<void>((resolve) =>
        socket.on('import.progress', (p: { status: string; processed: number }) => {
          seen.push(p);
          if (p.status === 'done') resolve();
        }),
      );
      const posted = await upload(
        v.admin,
        '/api/v1/imports',
        { entity: 'companies' },
        {
          name: 'companies.xlsx',
          data: fixture('companies.xlsx'),
        },
      );
      expect(posted.statusCode).toBe(202);
      await done;
      socket.close();
      expect(seen[0]).toMatchObject({ id: posted.json().id, status: 'running' });
      expect(seen.at(-1)).toMatchObject({ status: 'done', processed: 8, imported: 3, failed: 5 });
    } finally {
      await live.close();
    }
  });
});
