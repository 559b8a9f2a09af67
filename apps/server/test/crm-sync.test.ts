import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
});
afterAll(() => running.close());

const companies = [
  {
    externalId: 'CRM-1',
    name: '北京同步软件有限公司',
    package: 'VIP服务包',
    serviceStart: '2026-01-01',
    serviceEnd: '2026-12-31',
    serviceCode: '660001',
    tags: ['T+'],
  },
  { externalId: 'CRM-2', name: '上海同步贸易有限公司', phone: '021-6000 1234' },
];

describe('CRM sync API', () => {
  it('upserts companies by externalId idempotently', async () => {
    const first = await v.admin.post('/api/v1/sync/companies', { items: companies });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().counts).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 0 });
    const ids = first.json().items.map((i: { id: number }) => i.id);

    const second = (await v.admin.post('/api/v1/sync/companies', { items: companies })).json();
    expect(second.items).toEqual([
      { externalId: 'CRM-1', id: ids[0], action: 'unchanged' },
      { externalId: 'CRM-2', id: ids[1], action: 'unchanged' },
    ]);
    const changed = (
      await v.admin.post('/api/v1/sync/companies', {
        items: [{ externalId: 'CRM-2', serviceEnd: '2027-06-30' }],
      })
    ).json();
    expect(changed.items[0]).toMatchObject({ id: ids[1], action: 'updated' });
    const company = (await v.admin.get(`/api/v1/companies/${ids[1]}`)).json();
    expect(company).toMatchObject({
      name: '上海同步贸易有限公司',
      phone: '02160001234',
      serviceEnd: '2027-06-30',
    });
    expect((await v.admin.get('/api/v1/companies?limit=50')).json().items).toHaveLength(2);
  });

  it('reports per-item errors and still writes the good items', async () => {
    const res = (
      await v.admin.post('/api/v1/sync/companies', {
        items: [
          { externalId: 'CRM-3', name: '坏服务包公司', package: '钻石服务包' },
          { externalId: 'CRM-4', name: '抢验证码公司', serviceCode: '660001' },
          { externalId: 'CRM-5' },
          { externalId: 'CRM-6', name: '日期反了', serviceStart: '2026-05-01', serviceEnd: '2026-01-01' },
          { externalId: 'CRM-7', name: '好公司', custom: { nope: 1 } },
          {
            externalId: 'CRM-8',
            name: '真的好公司',
            serviceAccount: 'zhende',
            servicePassword: 'secret-123',
          },
        ],
      })
    ).json();
    expect(res.counts).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 5 });
    expect(res.items.map((i: { action: string }) => i.action)).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
      'created',
    ]);
    expect(res.items[0].errors).toEqual([{ path: 'items.0.package', message: '不是可选的选项' }]);
    expect(res.items[1].errors).toEqual([{ path: 'items.1.serviceCode', message: '已被使用' }]);
    expect(res.items[2].errors).toEqual([{ path: 'items.2.name', message: '公司名称为空' }]);
    expect(res.items[3].errors).toEqual([{ path: 'items.3.serviceEnd', message: '结束不能早于开始' }]);
    expect(res.items[4].errors).toEqual([{ path: 'items.4.custom.nope', message: '没有这个字段' }]);
    const good = (await v.admin.get(`/api/v1/companies/${res.items[5].id}`)).json();
    expect(good).toMatchObject({ serviceAccount: 'zhende', hasServicePassword: true });
  });

  it('upserts contacts linked by companyExternalId, with identity checks', async () => {
    const items = [
      {
        externalId: 'P-1',
        companyExternalId: 'CRM-1',
        name: '张会计',
        mobile: '+86 138 0013 8000',
        email: 'Z@Example.com',
      },
      { externalId: 'P-2', companyExternalId: 'CRM-1', name: '李出纳', mobile: '13800138000' },
      { externalId: 'P-3', companyExternalId: 'CRM-404', name: '无主' },
      { externalId: 'P-4', name: '独立联系人', landline: '010-6370 1234' },
    ];
    const first = (await v.admin.post('/api/v1/sync/contacts', { items })).json();
    expect(first.items.map((i: { action: string }) => i.action)).toEqual([
      'created',
      'failed',
      'failed',
      'created',
    ]);
    expect(first.items[1].errors).toEqual([{ path: 'items.1.mobile', message: '已属于另一位联系人' }]);
    expect(first.items[2].errors).toEqual([{ path: 'items.2.companyExternalId', message: '不存在' }]);
    const again = (await v.admin.post('/api/v1/sync/contacts', { items: [items[0], items[3]] })).json();
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    const hit = (await v.admin.get('/api/v1/identify?mobile=13800138000')).json();
    expect(hit.contact).toMatchObject({ name: '张会计', email: 'z@example.com', externalId: 'P-1' });
    expect(hit.company.name).toBe('北京同步软件有限公司');
    // Changing the number moves the identity with it.
    const moved = (
      await v.admin.post('/api/v1/sync/contacts', { items: [{ externalId: 'P-1', mobile: '13900139000' }] })
    ).json();
    expect(moved.items[0].action).toBe('updated');
    expect((await v.admin.get('/api/v1/identify?mobile=13800138000')).json().contact).toBeNull();
    expect((await v.admin.get('/api/v1/identify?mobile=13900139000')).json().contact.name).toBe('张会计');
  });

  it('validates the batch and needs customer.import', async () => {
    expectProblem(await v.admin.post('/api/v1/sync/companies', { items: [] }), 400, 'validation_failed');
    expectProblem(
      await v.admin.post('/api/v1/sync/companies', { items: [{ name: '无编号' }] }),
      400,
      'validation_failed',
    );
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ externalId: `X${i}` }));
    expectProblem(await v.admin.post('/api/v1/sync/companies', { items: tooMany }), 400, 'validation_failed');
    const { client } = await makeAgent(running, v);
    expectProblem(await client.post('/api/v1/sync/companies', { items: companies }), 403, 'forbidden');
  });

  it('is documented in OpenAPI with an example', async () => {
    const doc = (await running.app.inject({ url: '/api/docs/json' })).json();
    const op = doc.paths['/api/v1/sync/companies'].post;
    expect(JSON.stringify(op.requestBody)).toContain('CRM-10086');
    expect(doc.paths['/api/v1/sync/contacts'].post.description).toContain('companyExternalId');
  });
});
