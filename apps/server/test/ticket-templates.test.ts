import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { multipart } from './fixtures/transfers.js';
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

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
});
afterAll(() => running.close());

async function field(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/fields', { entity: 'ticket', ...body });
  if (res.statusCode !== 201) throw new Error(`field create failed ${res.statusCode}: ${res.body}`);
  return res.json();
}

async function template(body: Record<string, unknown>) {
  const res = await v.admin.post('/api/v1/ticket-templates', body);
  if (res.statusCode !== 201) throw new Error(`template create failed ${res.statusCode}: ${res.body}`);
  return res.json();
}

const paths = (res: { json(): { errors?: { path: string }[] } }) => res.json().errors?.map((e) => e.path);

describe('ticket templates', () => {
  it('creates, reads, renames and deletes templates with unique names', async () => {
    await field(v.admin, { key: 'product_line', label: '产品线', type: 'text' });
    const t = await template({
      name: '北京客户问题处理',
      description: '用于北京客户问题处理流程',
      sections: [{ name: '客户信息' }, { name: '问题', collapsed: true }],
      fields: [
        { key: 'subject', section: null, required: true },
        { key: 'contactId', section: '客户信息' },
        { key: 'product_line', section: '问题', required: true },
      ],
    });
    expect(t).toMatchObject({
      name: '北京客户问题处理',
      isDefault: false,
      enabled: true,
      visibility: { scope: 'all', groupIds: [], agentIds: [] },
      ownerAgentId: v.admin.agentId,
    });
    expect(t.sections[1]).toEqual({ name: '问题', collapsed: true });
    expect((await v.admin.get(`/api/v1/ticket-templates/${t.id}`)).json().fields).toHaveLength(3);
    expectProblem(
      await v.admin.post('/api/v1/ticket-templates', { name: '北京客户问题处理' }),
      409,
      'name_taken',
    );

    const other = await template({ name: '上海模板' });
    expectProblem(
      await v.admin.patch(`/api/v1/ticket-templates/${other.id}`, { name: '北京客户问题处理' }),
      409,
      'name_taken',
    );
    const renamed = await v.admin.patch(`/api/v1/ticket-templates/${other.id}`, { name: '上海模板 v2' });
    expect(renamed.json().name).toBe('上海模板 v2');
    expect((await v.admin.del(`/api/v1/ticket-templates/${other.id}`)).statusCode).toBe(204);
    expectProblem(await v.admin.get(`/api/v1/ticket-templates/${other.id}`), 404);
  });

  it('refuses fields and sections that do not exist', async () => {
    const res = await v.admin.post('/api/v1/ticket-templates', {
      name: '坏模板',
      sections: [{ name: 'A' }, { name: 'A' }],
      fields: [
        { key: 'nope' },
        { key: 'subject', section: 'B' },
        { key: 'subject' },
        { key: 'product_line', section: 'A' },
      ],
    });
    expectProblem(res, 400, 'validation_failed');
    expect(paths(res)).toEqual([
      'body.sections.1.name',
      'body.fields.0.key',
      'body.fields.1.section',
      'body.fields.2.key',
    ]);
    const disabled = await field(v.admin, { key: 'old_field', label: '旧字段', type: 'text' });
    await v.admin.patch(`/api/v1/fields/${disabled.id}`, { enabled: false });
    const withDisabled = await v.admin.post('/api/v1/ticket-templates', {
      name: '含停用字段',
      fields: [{ key: 'old_field' }],
    });
    expect(paths(withDisabled)).toEqual(['body.fields.0.key']);
    const unknownAudience = await v.admin.post('/api/v1/ticket-templates', {
      name: '坏可见范围',
      visibility: { scope: 'groups', groupIds: [999999] },
    });
    expect(paths(unknownAudience)).toEqual(['body.visibility.groupIds.0']);
  });

  it('keeps one default at most, and never deletes it', async () => {
    const a = await template({ name: '默认甲', isDefault: true });
    const b = await template({ name: '默认乙', isDefault: true });
    const all = (await v.admin.get('/api/v1/ticket-templates?all=true')).json().items;
    expect(all.filter((t: { isDefault: boolean }) => t.isDefault).map((t: { id: number }) => t.id)).toEqual([
      b.id,
    ]);
    await v.admin.patch(`/api/v1/ticket-templates/${a.id}`, { isDefault: true });
    const after = (await v.admin.get('/api/v1/ticket-templates?all=true')).json().items;
    expect(after.filter((t: { isDefault: boolean }) => t.isDefault).map((t: { id: number }) => t.id)).toEqual(
      [a.id],
    );

    // New tickets get the default template.
    const ticket = (await v.admin.post('/api/v1/tickets', { subject: '默认模板工单' })).json();
    expect(ticket.templateId).toBe(a.id);

    expectProblem(await v.admin.del(`/api/v1/ticket-templates/${a.id}`), 409, 'template_default_delete');
    expectProblem(await v.admin.patch(`/api/v1/ticket-templates/${a.id}`, { enabled: false }), 400);
    await v.admin.patch(`/api/v1/ticket-templates/${a.id}`, { isDefault: false });
    expect((await v.admin.del(`/api/v1/ticket-templates/${a.id}`)).statusCode).toBe(204);
    expect((await v.admin.get(`/api/v1/tickets/${ticket.id}`)).json().templateId).toBeNull();
    await v.admin.del(`/api/v1/ticket-templates/${b.id}`);
  });

  it('shows agents only the templates visible to them', async () => {
    const { agent, client } = await makeAgent(running, v);
    const { agent: outsider, client: outsiderClient } = await makeAgent(running, v);
    const group = (
      await v.admin.post('/api/v1/groups', { name: '北京技术组', memberIds: [agent.id] })
    ).json();
    const mine = await template({ name: '仅自己', visibility: { scope: 'me' } });
    const forGroup = await template({
      name: '北京组',
      visibility: { scope: 'groups', groupIds: [group.id] },
    });
    const forAgent = await template({
      name: '指定客服',
      visibility: { scope: 'agents', agentIds: [outsider.id] },
    });
    const hidden = await template({ name: '已停用', enabled: false });

    const names = async (c: Client) =>
      (await c.get('/api/v1/ticket-templates')).json().items.map((t: { name: string }) => t.name);
    expect(await names(client)).toContain('北京组');
    expect(await names(client)).not.toContain('仅自己');
    expect(await names(client)).not.toContain('指定客服');
    expect(await names(outsiderClient)).toContain('指定客服');
    expect(await names(outsiderClient)).not.toContain('北京组');
    expect(await names(v.admin)).not.toContain('已停用');
    expect(
      (await v.admin.get('/api/v1/ticket-templates?all=true')).json().items.map((t: { id: number }) => t.id),
    ).toEqual(expect.arrayContaining([mine.id, forGroup.id, forAgent.id, hidden.id]));
    expectProblem(await client.get('/api/v1/ticket-templates?all=true'), 403, 'forbidden');
    expectProblem(await client.get(`/api/v1/ticket-templates/${mine.id}`), 404);
    expect((await client.get(`/api/v1/ticket-templates/${forGroup.id}`)).statusCode).toBe(200);
    expectProblem(await client.post('/api/v1/ticket-templates', { name: '越权' }), 403, 'forbidden');

    // Choosing a template the caller cannot see is refused on create and on change.
    const refused = await client.post('/api/v1/tickets', { subject: '用别人的模板', templateId: mine.id });
    expect(expectProblem(refused, 400, 'validation_failed').errors[0].path).toBe('body.templateId');
    const ok = await client.post('/api/v1/tickets', { subject: '组模板', templateId: forGroup.id });
    expect(ok.statusCode).toBe(201);
    expectProblem(await client.patch(`/api/v1/tickets/${ok.json().id}`, { templateId: forAgent.id }), 400);
    expectProblem(await client.patch(`/api/v1/tickets/${ok.json().id}`, { templateId: hidden.id }), 400);
    // Hiding the template later does not lock its tickets.
    await v.admin.patch(`/api/v1/ticket-templates/${forGroup.id}`, { visibility: { scope: 'me' } });
    expect((await client.patch(`/api/v1/tickets/${ok.json().id}`, { priority: 'high' })).statusCode).toBe(
      200,
    );
  });
});

describe('ticket custom fields', () => {
  it('validates only the template’s fields, with the template’s required flags and read-only scopes', async () => {
    const { agent, client } = await makeAgent(running, v);
    await field(v.admin, { key: 'erp_version', label: '版本号', type: 'text' });
    await field(v.admin, { key: 'serial_no', label: '序列号', type: 'text' });
    await field(v.admin, {
      key: 'approved_by',
      label: '审批人',
      type: 'text',
      readOnly: { all: false, groupIds: [], agentIds: [agent.id] },
    });
    const t = await template({
      name: '版本问题',
      sections: [{ name: '产品' }],
      fields: [
        { key: 'erp_version', section: '产品', required: true },
        { key: 'approved_by' },
        { key: 'subject' },
      ],
    });
    const outside = await client.post('/api/v1/tickets', {
      subject: '缺版本号',
      templateId: t.id,
      custom: { serial_no: 'X1' },
    });
    expect(expectProblem(outside, 400).errors).toEqual(
      expect.arrayContaining([
        { path: 'body.custom.serial_no', message: '该字段不在所选工单模板中' },
        { path: 'body.custom.erp_version', message: '必填' },
      ]),
    );
    const created = await client.post('/api/v1/tickets', {
      subject: '版本号 T+ 13',
      templateId: t.id,
      custom: { erp_version: 'T+ 13.0' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expectProblem(await client.patch(`/api/v1/tickets/${id}`, { custom: { approved_by: '张经理' } }), 400);
    expect(
      (await client.patch(`/api/v1/tickets/${id}`, { custom: { erp_version: 'T+ 13.1' } })).statusCode,
    ).toBe(200);
    const byAdmin = await v.admin.patch(`/api/v1/tickets/${id}`, { custom: { approved_by: '张经理' } });
    expect(byAdmin.json().custom).toEqual({ erp_version: 'T+ 13.1', approved_by: '张经理' });

    // The form: template order, sections, required and what the caller may edit.
    const form = (await client.get(`/api/v1/ticket-templates/${t.id}/form`)).json();
    expect(form.sections).toEqual([{ name: '产品', collapsed: false }]);
    expect(
      form.fields.map((f: { key: string; section: string | null; required: boolean; editable: boolean }) => [
        f.key,
        f.section,
        f.required,
        f.editable,
      ]),
    ).toEqual([
      ['erp_version', '产品', true, true],
      ['approved_by', null, false, false],
      ['subject', null, false, true],
    ]);
  });

  it('computes calculated fields on every write and never takes them from the input', async () => {
    await field(v.admin, { key: 'unit_price', label: '单价', type: 'decimal' });
    const qty = await field(v.admin, { key: 'qty', label: '数量', type: 'integer' });
    await field(v.admin, { key: 'fee', label: '上门费', type: 'decimal' });
    const total = await field(v.admin, {
      key: 'amount',
      label: '金额',
      type: 'calculated',
      config: { expression: 'unit_price * qty + fee' },
    });
    expect(total.config).toEqual({ expression: 'unit_price * qty + fee', precision: 2 });
    const t = await template({
      name: '报价',
      fields: ['unit_price', 'qty', 'fee', 'amount'].map((key) => ({ key })),
    });
    const created = await v.admin.post('/api/v1/tickets', {
      subject: '报价单',
      templateId: t.id,
      custom: { unit_price: 12.5, qty: 4, fee: 10, amount: 1 },
    });
    expect(created.json().custom.amount).toBe(60);
    const patched = await v.admin.patch(`/api/v1/tickets/${created.json().id}`, { custom: { qty: 2 } });
    expect(patched.json().custom.amount).toBe(35);
    const cleared = await v.admin.patch(`/api/v1/tickets/${created.json().id}`, { custom: { fee: null } });
    expect(cleared.json().custom).not.toHaveProperty('amount');

    // Expressions must parse and read numeric fields only; used fields cannot be deleted.
    const bad = await v.admin.post('/api/v1/fields', {
      entity: 'ticket',
      label: '坏公式',
      type: 'calculated',
      config: { expression: 'unit_price * erp_version' },
    });
    expect(expectProblem(bad, 400).errors[0]).toEqual({
      path: 'body.config.expression',
      message: '公式只能引用已启用的数字、小数或评星字段',
    });
    const unparsable = await v.admin.post('/api/v1/fields', {
      entity: 'ticket',
      label: '坏公式2',
      type: 'calculated',
      config: { expression: 'process.exit(1)' },
    });
    expect(paths(unparsable)).toEqual(['body.config.expression']);
    expectProblem(await v.admin.del(`/api/v1/fields/${qty.id}`), 409, 'field_in_use');

    // Renaming an operand's key rewrites the expression, the template and stored values.
    await v.admin.patch(`/api/v1/fields/${qty.id}`, { key: 'quantity' });
    const fields = (await v.admin.get('/api/v1/fields?entity=ticket')).json().items;
    expect(fields.find((f: { key: string }) => f.key === 'amount').config.expression).toBe(
      'unit_price * quantity + fee',
    );
    const again = await v.admin.patch(`/api/v1/tickets/${created.json().id}`, { custom: { fee: 5 } });
    expect(again.json().custom).toMatchObject({ quantity: 2, amount: 30 });
  });

  it('totals product tables and checks ratings, signatures, SMS codes and assets', async () => {
    await field(v.admin, { key: 'parts', label: '商品表', type: 'product_table' });
    await field(v.admin, { key: 'stars', label: '评星', type: 'rating', config: { max: 10 } });
    await field(v.admin, { key: 'stars5', label: '五星', type: 'rating' });
    await field(v.admin, { key: 'sign', label: '客户签名', type: 'signature' });
    await field(v.admin, { key: 'phone_check', label: '短信验证码', type: 'sms_code' });
    await field(v.admin, { key: 'device', label: '资产', type: 'asset' });
    expectProblem(
      await v.admin.post('/api/v1/fields', {
        entity: 'ticket',
        label: '坏评星',
        type: 'rating',
        config: { max: 11 },
      }),
      400,
    );
    const t = await template({
      name: '上门服务',
      fields: ['parts', 'stars', 'stars5', 'sign', 'phone_check', 'device'].map((key) => ({ key })),
    });
    const created = await v.admin.post('/api/v1/tickets', {
      subject: '更换硬盘',
      templateId: t.id,
      custom: {
        parts: [
          { name: '固态硬盘 512G', price: 39900, quantity: 2 },
          { name: '上门工时', price: 15000, quantity: 1.5 },
        ],
        stars: 9,
        phone_check: { mobile: '+86 138-0013-8000', verified: true },
        device: { assetId: 'A-1001', name: '财务服务器', serial: 'SN123' },
      },
    });
    expect(created.statusCode).toBe(201);
    const custom = created.json().custom;
    expect(custom.parts).toEqual({
      rows: [
        { name: '固态硬盘 512G', price: 39900, quantity: 2, total: 79800 },
        { name: '上门工时', price: 15000, quantity: 1.5, total: 22500 },
      ],
      total: 102300,
    });
    expect(custom.phone_check).toEqual({ mobile: '13800138000', verified: false });
    const id = created.json().id;

    const bad = await v.admin.patch(`/api/v1/tickets/${id}`, {
      custom: {
        stars5: 6,
        parts: [{ name: '硬盘', price: 1.5, quantity: 0 }],
        phone_check: { mobile: '12345' },
        device: { serial: 'no name' },
        sign: 'not-a-file',
      },
    });
    expect(
      expectProblem(bad, 400)
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual([
      'body.custom.device',
      'body.custom.parts',
      'body.custom.phone_check',
      'body.custom.sign',
      'body.custom.stars5',
    ]);

    // A signature is an uploaded image of this vendor.
    const upload = async (name: string, data: Buffer) => {
      const body = multipart({}, { name, data });
      return (await v.admin.request('POST', '/api/v1/files', body.payload, body.headers)).json();
    };
    const text = await upload('sign.png', Buffer.from('not an image'));
    const png = await upload(
      'sign.png',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]),
    );
    const notImage = await v.admin.patch(`/api/v1/tickets/${id}`, { custom: { sign: text.fileId } });
    expect(expectProblem(notImage, 400).errors).toEqual([
      { path: 'body.custom.sign', message: '签名必须是图片' },
    ]);
    const unknown = await v.admin.patch(`/api/v1/tickets/${id}`, {
      custom: { sign: '00000000-0000-4000-8000-000000000000' },
    });
    expectProblem(unknown, 400);
    const signed = await v.admin.patch(`/api/v1/tickets/${id}`, { custom: { sign: png.fileId, stars5: 5 } });
    expect(signed.json().custom).toMatchObject({ sign: png.fileId, stars5: 5 });
  });

  it('keeps ticket-only types off companies and contacts', async () => {
    for (const type of ['rating', 'signature', 'sms_code', 'product_table', 'asset', 'calculated']) {
      const res = await v.admin.post('/api/v1/fields', { entity: 'company', label: `公司${type}`, type });
      expect(expectProblem(res, 400).errors).toEqual([
        { path: 'body.type', message: '该字段类型只能用于工单' },
      ]);
    }
    const contact = await v.admin.post('/api/v1/fields', {
      entity: 'contact',
      label: '联系人评星',
      type: 'rating',
    });
    expectProblem(contact, 400);
    // Ordinary types stay as they were for customers.
    expect(
      (await v.admin.post('/api/v1/fields', { entity: 'company', label: '行业', type: 'text' })).statusCode,
    ).toBe(201);
    const unknownConfig = await v.admin.post('/api/v1/fields', {
      entity: 'company',
      label: '带配置',
      type: 'text',
      config: { max: 3 },
    });
    expect(paths(unknownConfig)).toEqual(['body.config.max']);
  });

  it('lets ticket settings manage ticket fields and customer settings manage customer fields', async () => {
    const ticketAdmin = (
      await v.admin.post('/api/v1/roles', {
        name: '工单管理员',
        permissions: ['ticket.settings'],
        dataScope: 'all',
      })
    ).json();
    const { client } = await makeAgent(running, v, { roleId: ticketAdmin.id });
    const f = await field(client, { label: '工单字段', type: 'text' });
    expect((await client.patch(`/api/v1/fields/${f.id}`, { label: '工单字段2' })).statusCode).toBe(200);
    expectProblem(
      await client.post('/api/v1/fields', { entity: 'company', label: '客户字段', type: 'text' }),
      403,
      'forbidden',
    );
    const companyField = (
      await v.admin.post('/api/v1/fields', { entity: 'company', label: '公司字段', type: 'text' })
    ).json();
    expectProblem(await client.patch(`/api/v1/fields/${companyField.id}`, { label: 'x' }), 403, 'forbidden');
    expectProblem(await client.del(`/api/v1/fields/${companyField.id}`), 403, 'forbidden');

    const { client: plain } = await makeAgent(running, v);
    expectProblem(await plain.post('/api/v1/fields', { entity: 'ticket', label: 'x', type: 'text' }), 403);
    expectProblem(await plain.del(`/api/v1/fields/${f.id}`), 403);
    expect((await client.del(`/api/v1/fields/${f.id}`)).statusCode).toBe(204);
  });
});
