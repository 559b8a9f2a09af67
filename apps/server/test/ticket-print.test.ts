import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../src/platform/files/schema.js';
import type { Running } from '../src/server.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;
let ticket: { id: number; number: number; createdAt: string };
let signatureId: string;
let agentName: string;

/** The wall-clock time of an instant in Shanghai, as print templates show it. */
function shanghai(iso: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const print = async (id: number, templateId?: number) => {
  const res = await v.admin.get(
    `/api/v1/tickets/${id}/print${templateId ? `?templateId=${templateId}` : ''}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().html as string;
};

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running, '畅捷服务中心');
  const company = (
    await v.admin.post('/api/v1/companies', {
      name: '北京畅捷软件有限公司',
      address: '北京市海淀区上地十街 1 号',
      package: 'VIP服务包',
      serviceEnd: '2027-06-30',
      contacts: [{ name: '王会计', mobile: '13800138000', email: 'wang@example.com' }],
    })
  ).json();
  const product = await v.admin.post('/api/v1/fields', {
    entity: 'ticket',
    key: 'product',
    label: '产品名称',
    type: 'select',
    options: [
      { value: 'tplus', label: '畅捷通T+' },
      { value: 'u8', label: '用友U8' },
    ],
  });
  expect(product.statusCode, product.body).toBe(201);
  const sign = await v.admin.post('/api/v1/fields', {
    entity: 'ticket',
    key: 'sign',
    label: '客户签名',
    type: 'signature',
  });
  expect(sign.statusCode, sign.body).toBe(201);
  // An uploaded signature image (the bytes are not needed to print its URL).
  signatureId = randomUUID();
  await running.deps.db.insert(files).values({
    vendorId: v.vendorId,
    id: signatureId,
    name: 'sign.png',
    mime: 'image/png',
    size: 68,
    sha256: '0'.repeat(64),
  });
  const { agent } = await makeAgent(running, v);
  agentName = agent.name;
  const group = (await v.admin.post('/api/v1/groups', { name: '实施一组', memberIds: [agent.id] })).json();
  const created = await v.admin.post('/api/v1/tickets', {
    subject: '<script>alert(1)</script>月结 & 反结账',
    description: '<p>客户反馈<strong>无法反结账</strong></p>',
    contactId: company.primaryContact.id,
    assigneeId: agent.id,
    groupId: group.id,
    priority: 'urgent',
    custom: { product: 'tplus', sign: signatureId },
  });
  expect(created.statusCode, created.body).toBe(201);
  ticket = created.json();
  await v.admin.post(`/api/v1/tickets/${ticket.id}/comments`, {
    body: '<p>已远程<em>处理</em></p>',
    public: true,
  });
  await v.admin.post(`/api/v1/tickets/${ticket.id}/comments`, { body: '内部备注不打印', public: false });
  await v.admin.post(`/api/v1/tickets/${ticket.id}/records`, {
    channel: 'remote',
    summary: '远程协助 <30 分钟>',
  });
});
afterAll(() => running.close());

describe('print (工单打印)', () => {
  it('prints the built-in A4 layout when the vendor has no template', async () => {
    const html = await print(ticket.id);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;月结 &amp; 反结账');
    expect(html).not.toContain('<script');
    expect(html).toContain('<p>客户反馈<strong>无法反结账</strong></p>');
    expect(html).toContain(`#${ticket.number}`);
    expect(html).toContain('处理中');
    expect(html).toContain('紧急');
    expect(html).toContain('北京畅捷软件有限公司');
    expect(html).toContain('王会计');
    expect(html).toContain('13800138000');
    expect(html).toContain('畅捷通T+');
    expect(html).toContain(`<img class="signature" src="/api/v1/files/${signatureId}"`);
    expect(html).toContain('<p>已远程<em>处理</em></p>');
    expect(html).not.toContain('内部备注不打印');
    expect(html).toContain('远程协助 &lt;30 分钟&gt;');
    expect(html).toContain('客户签字');
    expect(html).toContain('@page');
  });

  it('renders every placeholder of a vendor template, escaping all but rich text', async () => {
    const body = [
      '{{ticket.number}}',
      '{{ticket.subject}}',
      '{{ticket.status}}',
      '{{ticket.priority}}',
      '{{ticket.createdAt}}',
      '{{ticket.assignee}}',
      '{{ticket.group}}',
      '{{ticket.custom.product}}',
      '{{ticket.custom.sign.url}}',
      '{{company.name}}',
      '{{company.address}}',
      '{{company.package}}',
      '{{company.serviceEnd}}',
      '{{contact.name}}',
      '{{contact.mobile}}',
      '{{contact.email}}',
      '{% for r in replies %}{{r.author}}:{{r.body}}{% endfor %}',
      '{% for r in records %}{{r.channel}}:{{r.summary}}{% endfor %}',
      '{{vendor.name}}',
      '{{ticket.description}}',
      '{{missing.value}}',
    ].join('|');
    const created = await v.admin.post('/api/v1/print-templates', { name: '全字段', body });
    expect(created.statusCode, created.body).toBe(201);
    const html = await print(ticket.id, created.json().id);
    const me = (await v.admin.get('/api/v1/me')).json();
    expect(html).toBe(
      [
        String(ticket.number),
        '&lt;script&gt;alert(1)&lt;/script&gt;月结 &amp; 反结账',
        '处理中',
        '紧急',
        shanghai(ticket.createdAt),
        agentName,
        '实施一组',
        '畅捷通T+',
        `/api/v1/files/${signatureId}`,
        '北京畅捷软件有限公司',
        '北京市海淀区上地十街 1 号',
        'VIP服务包',
        '2027-06-30',
        '王会计',
        '13800138000',
        'wang@example.com',
        `${me.agent.name}:<p>已远程<em>处理</em></p>`,
        '远程:远程协助 &lt;30 分钟&gt;',
        '畅捷服务中心',
        '<p>客户反馈<strong>无法反结账</strong></p>',
        '',
      ].join('|'),
    );
    await v.admin.del(`/api/v1/print-templates/${created.json().id}`);
  });

  it('never lets a template run script, even with raw output or its own markup', async () => {
    const created = await v.admin.post('/api/v1/print-templates', {
      name: '不安全',
      body: '<style>h1{color:red}</style><h1 onclick="steal()" style="font-size:20px">{{ ticket.subject | raw }}</h1><script>steal()</script><a href="javascript:steal()">x</a>',
    });
    expect(created.statusCode).toBe(201);
    const html = await print(ticket.id, created.json().id);
    expect(html).not.toMatch(/<script|onclick|javascript:/);
    expect(html).toContain('<style>h1{color:red}</style>');
    expect(html).toContain('<h1 style="font-size:20px">');
    await v.admin.del(`/api/v1/print-templates/${created.json().id}`);
  });

  it('masks phone numbers under privacy mode like everywhere else', async () => {
    await v.admin.patch('/api/v1/customer-settings', { privacyMode: true, privacyAdminsSeeFull: false });
    try {
      const html = await print(ticket.id);
      expect(html).toContain('138****8000');
      expect(html).not.toContain('13800138000');
    } finally {
      await v.admin.patch('/api/v1/customer-settings', { privacyMode: false });
    }
  });

  it('refuses template syntax errors, unknown filters and file includes on save', async () => {
    const bad = expectProblem(
      await v.admin.post('/api/v1/print-templates', {
        name: '语法错误',
        body: '{% if ticket.subject %}没有结束',
      }),
      400,
      'validation_failed',
    );
    expect(bad.errors[0].path).toBe('body.body');
    expect(bad.errors[0].message).toMatch(/^模板语法错误：.*not closed/);
    expectProblem(
      await v.admin.post('/api/v1/print-templates', {
        name: '未知过滤器',
        body: '{{ ticket.subject | shell }}',
      }),
      400,
      'validation_failed',
    );
    for (const tag of ["{% include '/etc/passwd' %}", "{% render 'x' %}", "{% layout 'x' %}"])
      expectProblem(await v.admin.post('/api/v1/print-templates', { name: '包含文件', body: tag }), 400);
    const ok = (await v.admin.post('/api/v1/print-templates', { name: '可改', body: 'ok' })).json();
    expectProblem(
      await v.admin.patch(`/api/v1/print-templates/${ok.id}`, { body: '{{ ' }),
      400,
      'validation_failed',
    );
    await v.admin.del(`/api/v1/print-templates/${ok.id}`);
  });

  it('stops a runaway template with a 422 instead of hanging', async () => {
    const loop = (
      await v.admin.post('/api/v1/print-templates', {
        name: '死循环',
        body: '{% for i in (1..5000) %}{% for j in (1..5000) %}{% for k in (1..5000) %}{% endfor %}{% endfor %}{% endfor %}',
      })
    ).json();
    expectProblem(
      await v.admin.get(`/api/v1/tickets/${ticket.id}/print?templateId=${loop.id}`),
      422,
      'print_template_failed',
    );
    const memory = (
      await v.admin.post('/api/v1/print-templates', {
        name: '吃内存',
        body: "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}",
      })
    ).json();
    expectProblem(
      await v.admin.get(`/api/v1/tickets/${ticket.id}/print?templateId=${memory.id}`),
      422,
      'print_template_failed',
    );
    await v.admin.del(`/api/v1/print-templates/${loop.id}`);
    await v.admin.del(`/api/v1/print-templates/${memory.id}`);
  });

  it('keeps one default template, used when none is chosen', async () => {
    const a = (
      await v.admin.post('/api/v1/print-templates', {
        name: '模板甲',
        body: '甲 {{ticket.number}}',
        isDefault: true,
      })
    ).json();
    const b = (
      await v.admin.post('/api/v1/print-templates', { name: '模板乙', body: '乙 {{ticket.number}}' })
    ).json();
    expect(await print(ticket.id)).toBe(`甲 ${ticket.number}`);
    expect(await print(ticket.id, b.id)).toBe(`乙 ${ticket.number}`);
    expect((await v.admin.patch(`/api/v1/print-templates/${b.id}`, {})).json().name).toBe('模板乙');
    const patched = await v.admin.patch(`/api/v1/print-templates/${b.id}`, { isDefault: true });
    expect(patched.json().isDefault).toBe(true);
    const list = (await v.admin.get('/api/v1/print-templates')).json().items;
    expect(list.map((t: { name: string; isDefault: boolean }) => [t.name, t.isDefault])).toEqual([
      ['模板甲', false],
      ['模板乙', true],
    ]);
    expect(await print(ticket.id)).toBe(`乙 ${ticket.number}`);
    expectProblem(
      await v.admin.post('/api/v1/print-templates', { name: '模板甲', body: 'x' }),
      409,
      'name_taken',
    );
    expectProblem(
      await v.admin.patch(`/api/v1/print-templates/${b.id}`, { name: '模板甲' }),
      409,
      'name_taken',
    );
    expect((await v.admin.del(`/api/v1/print-templates/${b.id}`)).statusCode).toBe(204);
    // No default left: the built-in layout.
    expect(await print(ticket.id)).toContain('客户签字');
    expectProblem(
      await v.admin.get(`/api/v1/tickets/${ticket.id}/print?templateId=${b.id}`),
      404,
      'not_found',
    );
    await v.admin.del(`/api/v1/print-templates/${a.id}`);
  });

  it('lists placeholders with Chinese descriptions, custom fields included', async () => {
    const res = (await v.admin.get('/api/v1/print-templates/placeholders')).json();
    const keys = new Map(res.items.map((p: { key: string; label: string }) => [p.key, p.label]));
    expect(keys.get('ticket.subject')).toBe('工单标题');
    expect(keys.get('contact.mobile')).toContain('手机号');
    expect(keys.get('ticket.custom.product')).toBe('产品名称');
    expect(keys.get('ticket.custom.sign.url')).toContain('客户签名');
    expect(res.defaultBody).toContain('{{ ticket.subject }}');
  });

  it('lets agents read and print but only ticket settings manage templates', async () => {
    const { client } = await makeAgent(running, v);
    expect((await client.get('/api/v1/print-templates')).statusCode).toBe(200);
    expectProblem(
      await client.post('/api/v1/print-templates', { name: '客服的', body: 'x' }),
      403,
      'forbidden',
    );
    // Printing follows the ticket data scope (普通客服: own tickets).
    expectProblem(await client.get(`/api/v1/tickets/${ticket.id}/print`), 404, 'not_found');
    const own = (await client.post('/api/v1/tickets', { subject: '自己的工单' })).json();
    const res = await client.get(`/api/v1/tickets/${own.id}/print`);
    expect(res.statusCode).toBe(200);
    expect(res.json().html).toContain('自己的工单');
  });
});
