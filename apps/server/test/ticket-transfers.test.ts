import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { readXlsx, upload, waitForTask } from './fixtures/transfers.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;
let agentId: number;
let groupId: number;
let companyId: number;
let contactId: number;

beforeAll(async () => {
  running = await startTestServer({ jobs: true });
  v = await makeVendor(running);
  const { agent } = await makeAgent(running, v, { account: 'wanggong' });
  await v.admin.patch(`/api/v1/agents/${agent.id}`, { name: '王工' });
  agentId = agent.id;
  groupId = (await v.admin.post('/api/v1/groups', { name: '技术支持组', memberIds: [agent.id] })).json().id;
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
  expect(field.statusCode, field.body).toBe(201);
  const company = (
    await v.admin.post('/api/v1/companies', {
      name: '北京用友软件代理有限公司',
      contacts: [{ name: '张会计', mobile: '13800138000' }],
    })
  ).json();
  companyId = company.id;
  contactId = company.primaryContact.id;
});
afterAll(() => running.close());

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('工单');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importTickets(data: Buffer, name: string, fields: Record<string, string> = {}) {
  const res = await upload(v.admin, '/api/v1/ticket-imports', fields, { name, data });
  expect(res.statusCode, res.body).toBe(202);
  return waitForTask(v.admin, `/api/v1/ticket-imports/${res.json().id}`);
}

async function failedReasons(url: string) {
  const res = await v.admin.get(url);
  expect(res.statusCode).toBe(200);
  const rows = await readXlsx(res.rawPayload);
  expect((rows[0] as string[]).at(-1)).toBe('失败原因');
  return new Map(rows.slice(1).map((r) => [Number(r[0]), String(r.at(-1))]));
}

const HEADER = [
  '标题',
  '描述',
  '状态',
  '优先级',
  '类型',
  '标签',
  '客服',
  '客服组',
  '联系人手机',
  '公司',
  '创建时间',
  '产品',
];
const ROWS: unknown[][] = [
  [
    '无法登录T+',
    '提示服务已到期',
    '处理中',
    '紧急',
    '故障',
    'T+、登录',
    '王工',
    '技术支持组',
    '13800138000',
    null,
    new Date(Date.UTC(2025, 5, 1, 9, 30)),
    'T+',
  ],
  [
    '打印报错',
    null,
    '已解决',
    'high',
    'question',
    null,
    'WANGGONG',
    null,
    null,
    '北京用友软件代理有限公司',
    '2025/7/2 8:05',
    'U8',
  ],
  [null, '没有标题的一行', null, null, null, null, null, null, null, null, null, null],
  ['未知联系人', null, null, null, null, null, null, null, '13999999999', null, null, null],
  ['未知客服', null, null, null, null, null, '李四', null, null, null, null, null],
  ['状态写错', null, '瞎写', null, null, null, null, null, null, null, null, null],
  ['产品写错', null, null, null, null, null, null, null, null, null, null, '金蝶'],
  [
    '=HYPERLINK("http://evil.example","点我")',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
  ['未来时间', null, null, null, null, null, null, null, null, null, '2999-01-01 10:00', null],
];

describe('ticket import', () => {
  let file: Buffer;

  it('imports a real .xlsx: one ticket per row through the create path, failed rows with reasons', async () => {
    file = await xlsx([HEADER, ...ROWS]);
    const preview = await upload(
      v.admin,
      '/api/v1/ticket-imports/preview',
      {},
      { name: 't.xlsx', data: file },
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().mapping).toEqual({
      标题: 'subject',
      描述: 'description',
      状态: 'status',
      优先级: 'priority',
      类型: 'type',
      标签: 'tags',
      客服: 'assigneeId',
      客服组: 'groupId',
      联系人手机: 'contactMobile',
      公司: 'companyId',
      创建时间: 'createdAt',
      产品: 'custom.product',
    });
    expect(preview.json().fields).toContainEqual({ key: 'subject', label: '标题', required: true });

    const status = await importTickets(file, '工单.xlsx');
    expect(status).toMatchObject({ entity: 'tickets', status: 'done', total: 9, imported: 2, failed: 7 });
    expect(status.failedRowsUrl).toBe(`/api/v1/ticket-imports/${status.id}/failed-rows`);
    const reasons = await failedReasons(status.failedRowsUrl);
    expect(Object.fromEntries(reasons)).toEqual({
      4: '标题：必填',
      5: '联系人手机：没有这个联系人',
      6: '客服：没有这个客服',
      7: '状态：不是可选的选项',
      8: expect.stringMatching(/^产品：/),
      9: '标题：疑似公式注入，已拒绝',
      10: '创建时间：不能晚于当前时间',
    });

    const items = (await v.admin.get('/api/v1/tickets?sort=number&limit=50')).json().items;
    expect(items).toHaveLength(2);
    const [first, second] = items;
    expect(first).toMatchObject({
      number: 1,
      subject: '无法登录T+',
      source: 'import',
      status: 'open',
      priority: 'urgent',
      type: 'incident',
      tags: ['T+', '登录'],
      assigneeId: agentId,
      groupId,
      contactId,
      companyId,
      custom: { product: 'tplus' },
      // 09:30 in the vendor's zone (Asia/Shanghai).
      createdAt: '2025-06-01T01:30:00.000Z',
    });
    expect(first.description).toContain('提示服务已到期');
    expect(second).toMatchObject({
      number: 2,
      subject: '打印报错',
      status: 'solved',
      priority: 'high',
      type: 'question',
      assigneeId: agentId,
      companyId,
      contactId: null,
      custom: { product: 'u8' },
      createdAt: '2025-07-02T00:05:00.000Z',
    });
    // Same timeline as a ticket made through the API.
    const timeline = (await v.admin.get(`/api/v1/tickets/${first.id}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    expect(timeline[0].changes).toContainEqual({ field: 'subject', from: null, to: '无法登录T+' });
  });

  it('refuses the same file again within 24 hours, so no ticket is created twice', async () => {
    const res = await upload(v.admin, '/api/v1/ticket-imports', {}, { name: '工单-副本.xlsx', data: file });
    const problem = expectProblem(res, 409, 'import_file_repeated');
    expect(problem.title).toContain('24 小时');
    expect((await v.admin.get('/api/v1/tickets?limit=50')).json().items).toHaveLength(2);
  });

  it('reads a GBK CSV in no-header mode with an explicit mapping', async () => {
    const csv = iconv.encode('电脑无法开具发票,138-0013-8000,一般,任务\n', 'gbk');
    const preview = await upload(
      v.admin,
      '/api/v1/ticket-imports/preview',
      { noHeader: 'true' },
      { name: 'gbk.csv', data: csv },
    );
    expect(preview.json()).toMatchObject({ header: ['列1', '列2', '列3', '列4'], mapping: {} });
    const status = await importTickets(csv, 'gbk.csv', {
      noHeader: 'true',
      mapping: JSON.stringify({ 列1: 'subject', 列2: 'contactMobile', 列3: 'priority', 列4: 'type' }),
    });
    expect(status).toMatchObject({ status: 'done', imported: 1, failed: 0, failedRowsUrl: null });
    const [t] = (await v.admin.get('/api/v1/tickets?q=发票')).json().items;
    expect(t).toMatchObject({
      subject: '电脑无法开具发票',
      contactId,
      companyId,
      priority: 'normal',
      type: 'task',
    });
  });

  it('refuses files over 5,000 rows with a clear message, and a mapping without the subject', async () => {
    const rows = ['标题', ...Array.from({ length: 5_001 }, (_, i) => `工单${i}`)].join('\n');
    const big = await upload(
      v.admin,
      '/api/v1/ticket-imports',
      {},
      { name: 'big.csv', data: Buffer.from(rows) },
    );
    expect(expectProblem(big, 422, 'too_many_rows').title).toBe('文件超过 5,000 行，请拆分后分批导入');
    const noSubject = await upload(
      v.admin,
      '/api/v1/ticket-imports',
      {},
      {
        name: 'x.csv',
        data: Buffer.from('描述\n只有描述'),
      },
    );
    expect(expectProblem(noSubject, 422, 'import_mapping_invalid').errors).toContainEqual({
      path: 'mapping.subject',
      message: '必须有一列对应此字段',
    });
    expect((await v.admin.get('/api/v1/tickets?limit=50')).json().items).toHaveLength(3);
  });

  it('needs ticket.import, and keeps ticket and customer tasks apart', async () => {
    const { client } = await makeAgent(running, v);
    const csv = { name: 'a.csv', data: Buffer.from('标题\n甲') };
    expectProblem(await upload(client, '/api/v1/ticket-imports', {}, csv), 403, 'forbidden');
    expectProblem(await upload(client, '/api/v1/ticket-imports/preview', {}, csv), 403, 'forbidden');
    const status = await importTickets(Buffer.from('标题\n分开的任务'), 'apart.csv');
    expectProblem(await v.admin.get(`/api/v1/imports/${status.id}`), 404, 'not_found');
    expectProblem(await client.get(`/api/v1/ticket-imports/${status.id}`), 403, 'forbidden');
  });
});

describe('ticket export', () => {
  async function exportTickets(body: object) {
    const res = await v.admin.post('/api/v1/ticket-exports', body);
    expect(res.statusCode, res.body).toBe(202);
    const status = await waitForTask(v.admin, `/api/v1/ticket-exports/${res.json().id}`);
    expect(status).toMatchObject({ entity: 'tickets', status: 'done' });
    expect(status.fileUrl).toBe(`/api/v1/ticket-exports/${status.id}/file`);
    const file = await v.admin.get(status.fileUrl);
    expect(file.statusCode).toBe(200);
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain('工单_');
    return { status, rows: await readXlsx(file.rawPayload) };
  }
  const column = (rows: unknown[][], header: string) => {
    const i = (rows[0] as string[]).indexOf(header);
    expect(i, header).toBeGreaterThanOrEqual(0);
    return rows.slice(1).map((r) => r[i] ?? null);
  };

  it('exports selected tickets with names, Chinese labels, vendor-zone times and custom fields', async () => {
    const items = (await v.admin.get('/api/v1/tickets?sort=number&limit=50')).json().items;
    const ids = items.slice(0, 2).map((t: { id: number }) => t.id);
    const { status, rows } = await exportTickets({ ids });
    expect(status.total).toBe(2);
    expect(rows[0]).toEqual([
      '编号',
      '标题',
      '状态',
      '优先级',
      '类型',
      '来源',
      '联系人',
      '联系人手机',
      '公司',
      '客服',
      '客服组',
      '标签',
      '创建时间',
      '更新时间',
      '解决时间',
      '产品',
    ]);
    const byNumber = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byNumber.get(1)?.slice(0, 13)).toEqual([
      1,
      '无法登录T+',
      '处理中',
      '紧急',
      '故障',
      '导入',
      '张会计',
      '13800138000',
      '北京用友软件代理有限公司',
      '王工',
      '技术支持组',
      'T+、登录',
      '2025-06-01 09:30',
    ]);
    expect(byNumber.get(1)?.at(-1)).toBe('T+');
    expect(byNumber.get(2)?.[2]).toBe('已解决');
    expect(byNumber.get(2)?.at(-1)).toBe('U8');
  });

  it('exports by status filter, CSV-injection safe, and the file imports back', async () => {
    await v.admin.post('/api/v1/tickets', { subject: '=1+2', status: 'solved' });
    const { rows } = await exportTickets({ query: { status: 'solved', sort: 'number' } });
    expect(column(rows, '标题')).toEqual(['打印报错', "'=1+2"]);
    expect(column(rows, '状态')).toEqual(['已解决', '已解决']);
    // The exported columns map back onto the import's fields.
    const header = rows[0] as string[];
    const preview = await upload(
      v.admin,
      '/api/v1/ticket-imports/preview',
      {},
      {
        name: 'back.xlsx',
        data: await xlsx([header, rows[1] as unknown[]]),
      },
    );
    expect(preview.json().mapping).toMatchObject({
      标题: 'subject',
      状态: 'status',
      联系人手机: 'contactMobile',
      公司: 'companyId',
      客服: 'assigneeId',
      创建时间: 'createdAt',
      产品: 'custom.product',
    });
  });

  it('exports the tickets of a view (查询器) with its sort', async () => {
    const view = await v.admin.post('/api/v1/ticket-views', {
      name: '紧急工单',
      conditions: { all: [{ field: 'ticket.priority', op: 'is', value: 'urgent' }], any: [] },
    });
    expect(view.statusCode, view.body).toBe(201);
    const { rows } = await exportTickets({ query: { viewId: view.json().id } });
    expect(column(rows, '标题')).toEqual(['无法登录T+']);
    const unknown = await v.admin.post('/api/v1/ticket-exports', { query: { viewId: '999999' } });
    expect(expectProblem(unknown, 400, 'validation_failed').errors[0]).toEqual({
      path: 'body.query.viewId',
      message: '没有这个查询器',
    });
  });

  it('refuses bad scopes and keeps exports to their own routes and permission', async () => {
    const badSort = await v.admin.post('/api/v1/ticket-exports', { query: { sort: 'nope' } });
    expect(expectProblem(badSort, 400, 'validation_failed').errors[0].path).toBe('body.query.sort');
    expectProblem(await v.admin.post('/api/v1/ticket-exports', { ids: [] }), 400, 'validation_failed');
    expectProblem(await v.admin.post('/api/v1/exports', { entity: 'tickets' }), 400, 'validation_failed');
    const res = await v.admin.post('/api/v1/ticket-exports', { query: { q: '打印' } });
    const status = await waitForTask(v.admin, `/api/v1/ticket-exports/${res.json().id}`);
    expectProblem(await v.admin.get(`/api/v1/exports/${status.id}`), 404, 'not_found');
    const { client } = await makeAgent(running, v);
    expectProblem(await client.post('/api/v1/ticket-exports', {}), 403, 'forbidden');
  });
});
