import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTime } from '../src/modules/calendar/clock.js';
import type { Running } from '../src/server.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
});
afterAll(() => running.close());

const today = () => localTime(new Date(), 'Asia/Shanghai').date;
const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe('companies and contacts', () => {
  it('creates a company with contacts, normalises identities and answers identify by each of them', async () => {
    const res = await v.admin.post('/api/v1/companies', {
      name: '北京用友软件代理有限公司',
      package: 'VIP服务包',
      serviceStart: '2026-01-01',
      serviceEnd: addDays(today(), 100),
      serviceCode: '880012',
      tags: ['T+'],
      contacts: [
        { name: '张会计', mobile: '+86 138-0013-8000', email: 'ZhangKJ@Example.com', machineId: '123456789' },
        { name: '李出纳', landline: '010-6370 1234', wechatOpenid: 'oWx_abc123' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const company = res.json();
    expect(company).toMatchObject({
      serviceStatus: 'active',
      package: 'VIP服务包',
      ownerAgentId: v.admin.agentId,
    });
    expect(company.primaryContact).toMatchObject({ name: '张会计', mobile: '13800138000' });

    const by = async (qs: string) => (await v.admin.get(`/api/v1/identify?${qs}`)).json();
    for (const qs of [
      'mobile=13800138000',
      'mobile=%2B8613800138000',
      'phone=138%200013%208000',
      'email=zhangkj%40example.com',
      'machineId=123456789',
    ]) {
      const hit = await by(qs);
      expect(hit.contact?.name, qs).toBe('张会计');
      expect(hit.company.id).toBe(company.id);
      expect(hit.serviceStatus).toBe('active');
      expect(hit.package).toBe('VIP服务包');
      expect(hit.daysLeft).toBe(100);
    }
    expect((await by('phone=01063701234')).contact.name).toBe('李出纳');
    // Contact lists carry their company at a glance.
    const listed = (await v.admin.get(`/api/v1/contacts?companyId=${company.id}`)).json().items;
    expect(listed[0].company).toEqual({
      id: company.id,
      name: '北京用友软件代理有限公司',
      serviceStatus: 'active',
      serviceEnd: company.serviceEnd,
    });
    expect((await by('openid=oWx_abc123')).contact.name).toBe('李出纳');
    const code = await by('serviceCode=880012');
    expect(code).toMatchObject({ matchedBy: 'serviceCode', contact: null, serviceStatus: 'active' });
    expect(await by('mobile=13900000000')).toMatchObject({
      contact: null,
      company: null,
      serviceStatus: 'none',
    });
    expectProblem(await v.admin.get('/api/v1/identify'), 400);
  });

  it('refuses an identity already held by another contact, and a taken service code', async () => {
    await v.admin.post('/api/v1/contacts', { name: '王五', mobile: '13700000001' });
    const dup = await v.admin.post('/api/v1/contacts', { name: '赵六', mobile: '137 0000 0001' });
    const body = expectProblem(dup, 409, 'identity_taken');
    expect(body.errors).toEqual([{ path: 'body.mobile', message: '已属于另一位联系人' }]);
    // Nothing half-written.
    expect((await v.admin.get('/api/v1/contacts?q=赵六')).json().items).toEqual([]);
    await v.admin.post('/api/v1/companies', { name: '甲', serviceCode: '770001' });
    expectProblem(
      await v.admin.post('/api/v1/companies', { name: '乙', serviceCode: '770001' }),
      409,
      'service_code_taken',
    );
    expectProblem(
      await v.admin.post('/api/v1/contacts', { name: '坏号', mobile: '12345' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await v.admin.post('/api/v1/companies', { name: '坏包', package: '钻石服务包' }),
      400,
      'validation_failed',
    );
  });

  it('classifies service status and counts expiring and expired', async () => {
    const w = await makeVendor(running);
    const t = today();
    for (const [name, end] of [
      ['过期', addDays(t, -1)],
      ['今天到期', t],
      ['月内到期', addDays(t, 30)],
      ['有效', addDays(t, 31)],
      ['无服务期', null],
    ] as const) {
      await w.admin.post('/api/v1/companies', { name, serviceEnd: end });
    }
    const all = (await w.admin.get('/api/v1/companies')).json();
    const status = Object.fromEntries(
      all.items.map((c: { name: string; serviceStatus: string }) => [c.name, c.serviceStatus]),
    );
    expect(status).toEqual({
      过期: 'expired',
      今天到期: 'expiring',
      月内到期: 'expiring',
      有效: 'active',
      无服务期: 'none',
    });
    expect(all.counts).toEqual({ expiring: 2, expired: 1 });
    const expiring = (await w.admin.get('/api/v1/companies?status=expiring'))
      .json()
      .items.map((c: { name: string }) => c.name);
    expect(expiring.sort()).toEqual(['今天到期', '月内到期'].sort());
  });

  it('searches by name, phone tail, QQ, service code and contact name, and pages with a cursor', async () => {
    const w = await makeVendor(running);
    await w.admin.post('/api/v1/companies', {
      name: '上海金蝶财务',
      serviceCode: '55660001',
      contacts: [{ name: '钱经理', mobile: '13612345678', qq: '10001' }],
    });
    for (let i = 0; i < 5; i++) await w.admin.post('/api/v1/companies', { name: `管家婆客户${i}` });
    const names = async (q: string) =>
      (await w.admin.get(`/api/v1/companies?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((c: { name: string }) => c.name);
    expect(await names('金蝶')).toEqual(['上海金蝶财务']);
    expect(await names('5678')).toEqual(['上海金蝶财务']);
    expect(await names('136 1234 5678')).toEqual(['上海金蝶财务']);
    expect(await names('10001')).toEqual(['上海金蝶财务']);
    expect(await names('55660001')).toEqual(['上海金蝶财务']);
    expect(await names('钱经理')).toEqual(['上海金蝶财务']);
    expect(await names('%')).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `sort=name&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await w.admin.get(`/api/v1/companies?${qs}`)).json();
      seen.push(...page.items.map((c: { name: string }) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(seen).toEqual([...seen].sort());
  });

  it('edits and deletes; contacts follow their company', async () => {
    const c = (
      await v.admin.post('/api/v1/companies', {
        name: '待删公司',
        contacts: [{ name: '随公司删', mobile: '13511112222' }],
      })
    ).json();
    const patched = await v.admin.patch(`/api/v1/companies/${c.id}`, {
      name: '改名公司',
      phone: '0755 8888 6666',
      serviceStart: '2026-01-01',
      serviceEnd: '2027-01-01',
    });
    expect(patched.json()).toMatchObject({
      name: '改名公司',
      phone: '075588886666',
      serviceEnd: '2027-01-01',
    });
    expectProblem(await v.admin.patch(`/api/v1/companies/${c.id}`, { serviceEnd: '2025-01-01' }), 400);
    const contact = c.primaryContact.id;
    expect(
      (
        await v.admin.patch(`/api/v1/contacts/${contact}`, { mobile: '13511113333', position: '财务主管' })
      ).json(),
    ).toMatchObject({
      mobile: '13511113333',
      position: '财务主管',
    });
    expect((await v.admin.get('/api/v1/identify?mobile=13511112222')).json().contact).toBeNull();
    // Changing only the mobile keeps the landline identity.
    const both = (
      await v.admin.post('/api/v1/contacts', {
        name: '双号',
        mobile: '13522223333',
        landline: '021-55556666',
      })
    ).json();
    await v.admin.patch(`/api/v1/contacts/${both.id}`, { mobile: '13522224444' });
    expect((await v.admin.get('/api/v1/identify?phone=02155556666')).json().contact?.id).toBe(both.id);
    expect((await v.admin.get('/api/v1/identify?mobile=13522224444')).json().contact?.id).toBe(both.id);
    expect((await v.admin.get('/api/v1/identify?mobile=13511113333')).json().contact.id).toBe(contact);
    expect((await v.admin.del(`/api/v1/companies/${c.id}`)).statusCode).toBe(204);
    expectProblem(await v.admin.get(`/api/v1/contacts/${contact}`), 404);
    expect((await v.admin.get('/api/v1/identify?mobile=13511113333')).json().contact).toBeNull();
  });
});

describe('custom fields on customers', () => {
  it('validates custom values on create and update with per-field errors', async () => {
    const w = await makeVendor(running);
    const field = await w.admin.post('/api/v1/fields', {
      entity: 'company',
      key: 'product',
      label: '使用产品',
      type: 'select',
      required: true,
      options: [
        { value: 'tplus', label: 'T+' },
        { value: 'u8', label: 'U8' },
      ],
    });
    expect(field.statusCode).toBe(201);
    const missing = expectProblem(
      await w.admin.post('/api/v1/companies', { name: '缺字段' }),
      400,
      'validation_failed',
    );
    expect(missing.errors).toEqual([{ path: 'body.custom.product', message: '必填' }]);
    const wrong = expectProblem(
      await w.admin.post('/api/v1/companies', { name: '错选项', custom: { product: 'sap' } }),
      400,
    );
    expect(wrong.errors[0].path).toBe('body.custom.product');
    const ok = await w.admin.post('/api/v1/companies', { name: '对', custom: { product: 'u8' } });
    expect(ok.json().custom).toEqual({ product: 'u8' });
    // The key can be changed once; system fields only renamed.
    const id = field.json().id;
    expect((await w.admin.patch(`/api/v1/fields/${id}`, { key: 'erp' })).json().key).toBe('erp');
    // Stored values follow the renamed key.
    expect((await w.admin.get(`/api/v1/companies/${ok.json().id}`)).json().custom).toEqual({ erp: 'u8' });
    expectProblem(await w.admin.patch(`/api/v1/fields/${id}`, { key: 'erp2' }), 409, 'field_key_locked');
    const system = (await w.admin.get('/api/v1/fields?entity=company'))
      .json()
      .items.find((f: { key: string }) => f.key === 'name');
    expect((await w.admin.patch(`/api/v1/fields/${system.id}`, { label: '客户名称' })).json().label).toBe(
      '客户名称',
    );
    expectProblem(
      await w.admin.patch(`/api/v1/fields/${system.id}`, { required: true }),
      409,
      'system_field',
    );
    expectProblem(await w.admin.del(`/api/v1/fields/${system.id}`), 409, 'system_field');
    expectProblem(
      await w.admin.post('/api/v1/fields', {
        entity: 'company',
        label: '慢',
        type: 'regex',
        regex: '(a+)+$',
      }),
      400,
    );
  });
});

describe('privacy mode, locks and data scope', () => {
  it('masks phone numbers for agents in every response, and admins see full numbers when allowed', async () => {
    const w = await makeVendor(running);
    const c = (
      await w.admin.post('/api/v1/companies', {
        name: '保密客户',
        phone: '010-63701234',
        contacts: [{ name: '孙总', mobile: '13512345678', landline: '010-63705678' }],
      })
    ).json();
    await w.admin.patch('/api/v1/customer-settings', { privacyMode: true });
    const role = (
      await w.admin.post('/api/v1/roles', {
        name: '全部客户',
        permissions: ['customer.view', 'customer.edit'],
        dataScope: 'all',
      })
    ).json();
    const { client } = await makeAgent(running, w, { roleId: role.id });
    const bodies = [
      (await client.get('/api/v1/companies')).body,
      (await client.get(`/api/v1/companies/${c.id}`)).body,
      (await client.get('/api/v1/contacts')).body,
      (await client.get(`/api/v1/contacts/${c.primaryContact.id}`)).body,
      (await client.get('/api/v1/companies?q=5678')).body,
      (await client.get('/api/v1/identify?mobile=13512345678')).body,
    ];
    for (const body of bodies) {
      expect(body).not.toContain('13512345678');
      expect(body).not.toContain('63701234');
      expect(body).not.toContain('63705678');
    }
    expect(bodies[3]).toContain('135****5678');
    expect(bodies[1]).toContain('010-6370****');
    // Admins see full numbers unless the vendor says otherwise.
    expect((await w.admin.get(`/api/v1/contacts/${c.primaryContact.id}`)).json().mobile).toBe('13512345678');
    await w.admin.patch('/api/v1/customer-settings', { privacyAdminsSeeFull: false });
    expect((await w.admin.get(`/api/v1/contacts/${c.primaryContact.id}`)).json().mobile).toBe('135****5678');
  });

  it('advanced mode locks creating, editing and deleting, but tags stay editable', async () => {
    const w = await makeVendor(running);
    const c = (await w.admin.post('/api/v1/companies', { name: '锁定客户' })).json();
    await w.admin.patch('/api/v1/customer-settings', {
      lockCompanyCreate: true,
      lockCompanyEdit: true,
      lockCompanyDelete: true,
    });
    expectProblem(await w.admin.post('/api/v1/companies', { name: '新' }), 403, 'customer_locked');
    expectProblem(await w.admin.patch(`/api/v1/companies/${c.id}`, { name: '改' }), 403, 'customer_locked');
    expect((await w.admin.patch(`/api/v1/companies/${c.id}`, { tags: ['重点'] })).json().tags).toEqual([
      '重点',
    ]);
    expectProblem(await w.admin.del(`/api/v1/companies/${c.id}`), 403, 'customer_locked');
  });

  it('limits agents to their own or their groups’ customers by data scope', async () => {
    const w = await makeVendor(running);
    const group = (await w.admin.post('/api/v1/groups', { name: '华东组' })).json();
    const ownRole = (
      await w.admin.post('/api/v1/roles', {
        name: '本人',
        permissions: ['customer.view', 'customer.create'],
        dataScope: 'own',
      })
    ).json();
    const groupRole = (
      await w.admin.post('/api/v1/roles', {
        name: '本组',
        permissions: ['customer.view'],
        dataScope: 'groups',
      })
    ).json();
    const a = await makeAgent(running, w, { roleId: ownRole.id });
    const b = await makeAgent(running, w, { roleId: groupRole.id });
    await w.admin.patch(`/api/v1/agents/${a.agent.id}`, { groupIds: [group.id] });
    await w.admin.patch(`/api/v1/agents/${b.agent.id}`, { groupIds: [group.id] });
    const mine = (await a.client.post('/api/v1/companies', { name: 'A 的客户' })).json();
    const other = (await w.admin.post('/api/v1/companies', { name: '管理员的客户' })).json();
    const names = async (c: typeof a.client) =>
      (await c.get('/api/v1/companies')).json().items.map((x: { name: string }) => x.name);
    expect(await names(a.client)).toEqual(['A 的客户']);
    expect(await names(b.client)).toEqual(['A 的客户']);
    expectProblem(await a.client.get(`/api/v1/companies/${other.id}`), 404);
    expect((await b.client.get(`/api/v1/companies/${mine.id}`)).statusCode).toBe(200);
    // Identify is not scoped: routing must recognise every customer.
    expect(
      (await a.client.get(`/api/v1/identify?serviceCode=${other.serviceCode ?? '0000'}`)).statusCode,
    ).toBe(200);
    expectProblem(await a.client.del(`/api/v1/companies/${mine.id}`), 403, 'forbidden');
  });
});

describe('advanced query (高级查询)', () => {
  it('filters companies by system, custom and default-contact fields with all/any conditions', async () => {
    const w = await makeVendor(running);
    await w.admin.post('/api/v1/fields', {
      entity: 'company',
      key: 'product',
      label: '使用产品',
      type: 'select',
      options: [
        { value: 'tplus', label: 'T+' },
        { value: 'k3', label: 'K3' },
      ],
    });
    await w.admin.post('/api/v1/fields', {
      entity: 'company',
      key: 'seats',
      label: '站点数',
      type: 'integer',
    });
    const t = today();
    await w.admin.post('/api/v1/companies', {
      name: '杭州用友代理',
      package: 'VIP服务包',
      serviceEnd: addDays(t, 10),
      custom: { product: 'tplus', seats: 20 },
      contacts: [{ name: '周会计', mobile: '13900000021' }],
    });
    await w.admin.post('/api/v1/companies', {
      name: '宁波金蝶代理',
      package: '标准服务包',
      serviceEnd: addDays(t, 300),
      custom: { product: 'k3', seats: 3 },
    });
    await w.admin.post('/api/v1/companies', { name: '温州管家婆', custom: {} });

    const search = async (conditions: unknown, extra: object = {}) => {
      const res = await w.admin.post('/api/v1/companies/search', { conditions, ...extra });
      if (res.statusCode !== 200) throw new Error(res.body);
      return res
        .json()
        .items.map((c: { name: string }) => c.name)
        .sort();
    };
    expect(
      await search({ all: [{ field: 'company.custom.product', op: 'is', value: 'tplus' }], any: [] }),
    ).toEqual(['杭州用友代理']);
    expect(await search({ all: [{ field: 'company.custom.seats', op: 'gte', value: 3 }], any: [] })).toEqual(
      ['宁波金蝶代理', '杭州用友代理'].sort(),
    );
    expect(
      await search({
        all: [{ field: 'company.serviceEnd', op: 'within_next', value: { amount: 30, unit: 'days' } }],
        any: [],
      }),
    ).toEqual(['杭州用友代理']);
    expect(
      await search({
        all: [],
        any: [
          { field: 'company.package', op: 'is', value: '标准服务包' },
          { field: 'contact.mobile', op: 'starts_with', value: '139' },
        ],
      }),
    ).toEqual(['宁波金蝶代理', '杭州用友代理'].sort());
    expect(await search({ all: [{ field: 'company.custom.product', op: 'blank' }], any: [] })).toEqual([
      '温州管家婆',
    ]);
    expect(
      await search(
        { all: [{ field: 'company.name', op: 'contains', value: '代理' }], any: [] },
        { q: '金蝶' },
      ),
    ).toEqual(['宁波金蝶代理']);

    const fields = (await w.admin.get('/api/v1/companies/query-fields'))
      .json()
      .items.map((f: { key: string }) => f.key);
    expect(fields).toEqual(
      expect.arrayContaining([
        'company.name',
        'company.serviceEnd',
        'company.custom.product',
        'contact.mobile',
      ]),
    );
    const bad = await w.admin.post('/api/v1/companies/search', {
      conditions: {
        all: [
          { field: 'company.custom.ghost', op: 'is', value: 1 },
          { field: 'company.name', op: 'gt', value: 'x' },
        ],
        any: [],
      },
    });
    const body = expectProblem(bad, 400, 'validation_failed');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.conditions.all.0.field',
      'body.conditions.all.1.op',
    ]);
  });
});
