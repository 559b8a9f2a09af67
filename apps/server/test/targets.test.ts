import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { WebhookReceiver } from './fixtures/webhookReceiver.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;
let receiver: WebhookReceiver;
let base: string;

const onCreate = { field: 'event.type', op: 'is', value: 'created' };
const erp = (extra: Record<string, unknown> = {}) => ({
  title: '经销商ERP',
  url: `${base}/api/tickets/{{ticket.number}}?from=yidan`,
  method: 'POST',
  headers: [{ name: 'X-Erp-Source', value: 'yidan' }],
  auth: { type: 'basic', username: 'erp', password: 's3cret-pass' },
  contentType: 'application/json',
  body: '{"number": {{ticket.number}}, "subject": "{{ticket.subject}}", "no": "{{ticket.ticketId}}"}',
  ...extra,
});

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
  receiver = new WebhookReceiver();
  base = await receiver.start();
});
afterAll(async () => {
  await running.close();
  await receiver.stop();
});

describe('external targets (外部目标)', () => {
  it('creates, lists, changes and deletes targets; secrets are written, never read back', async () => {
    const created = await v.admin.post('/api/v1/targets', erp());
    expect(created.statusCode, created.body).toBe(201);
    const t = created.json();
    expect(t).toMatchObject({
      title: '经销商ERP',
      enabled: true,
      method: 'POST',
      contentType: 'application/json',
      auth: { type: 'basic', username: 'erp', hasPassword: true },
      headers: [{ name: 'X-Erp-Source', value: 'yidan' }],
    });
    expect(created.body).not.toContain('s3cret-pass');
    expect((await v.admin.get('/api/v1/targets')).body).not.toContain('s3cret-pass');
    expect((await v.admin.get(`/api/v1/targets/${t.id}`)).json().title).toBe('经销商ERP');

    // A PATCH without the password keeps it (the console never has it to send back).
    const renamed = await v.admin.patch(`/api/v1/targets/${t.id}`, {
      title: 'ERP 同步',
      auth: { type: 'basic', username: 'erp2' },
    });
    expect(renamed.json()).toMatchObject({
      title: 'ERP 同步',
      auth: { username: 'erp2', hasPassword: true },
    });
    const res = await v.admin.post(`/api/v1/targets/${t.id}/test`, {});
    expect(res.json().statusCode).toBe(200);
    const auth = String(receiver.calls.at(-1)!.headers.authorization);
    expect(Buffer.from(auth.replace('Basic ', ''), 'base64').toString()).toBe('erp2:s3cret-pass');

    // Switching to bearer needs a token; with one, the token is hidden the same way.
    expectProblem(await v.admin.patch(`/api/v1/targets/${t.id}`, { auth: { type: 'bearer' } }), 400);
    const bearer = await v.admin.patch(`/api/v1/targets/${t.id}`, {
      auth: { type: 'bearer', token: 'tok-123' },
    });
    expect(bearer.json().auth).toEqual({ type: 'bearer', hasToken: true });
    expect(bearer.body).not.toContain('tok-123');

    expectProblem(await v.admin.post('/api/v1/targets', erp({ title: 'ERP 同步' })), 409, 'name_taken');
    expect((await v.admin.del(`/api/v1/targets/${t.id}`)).statusCode).toBe(204);
    expectProblem(await v.admin.get(`/api/v1/targets/${t.id}`), 404);
  });

  it('refuses bad URLs, headers, Liquid and missing secrets with the field path', async () => {
    const paths = async (body: unknown) =>
      expectProblem(await v.admin.post('/api/v1/targets', body), 400).errors.map(
        (e: { path: string }) => e.path,
      );
    expect(await paths(erp({ title: 'ftp', url: 'ftp://erp.example.com/x' }))).toEqual(['body.url']);
    expect(await paths(erp({ title: 'cred', url: 'https://u:p@erp.example.com/x' }))).toEqual(['body.url']);
    expect(await paths(erp({ title: 'liquid-url', url: 'https://erp.example.com/{{ ticket.id ' }))).toEqual([
      'body.url',
    ]);
    expect(await paths(erp({ title: 'hdr', headers: [{ name: 'Bad Header', value: 'x' }] }))).toEqual([
      'body.headers.0.name',
    ]);
    expect(
      await paths(erp({ title: 'crlf', headers: [{ name: 'X-A', value: 'a\r\nInjected: 1' }] })),
    ).toEqual(['body.headers.0.value']);
    expect(
      await paths(erp({ title: 'reserved', headers: [{ name: 'Idempotency-Key', value: 'x' }] })),
    ).toEqual(['body.headers.0.name']);
    expect(await paths(erp({ title: 'body', body: '{"a": "{{ ticket.subject | nope }}"}' }))).toEqual([
      'body.body',
    ]);
    expect(await paths(erp({ title: 'nopw', auth: { type: 'basic', username: 'x' } }))).toEqual([
      'body.auth.password',
    ]);
    const en = await v.admin.request('POST', '/api/v1/targets', erp({ url: 'mailto:x@y.z' }), {
      'accept-language': 'en',
    });
    expect(en.json().errors[0].message).toContain('http://');
    // Placeholders in the URL are fine.
    const ok = await v.admin.post(
      '/api/v1/targets',
      erp({ title: 'placeholder-url', url: 'https://erp.example.com/orders/{{ticket.custom.order_no}}' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('测试 renders the body against a sample ticket or a real one, sends it now and logs it', async () => {
    const t = (await v.admin.post('/api/v1/targets', erp({ title: '测试目标' }))).json();
    receiver.respond = () => ({ status: 201, body: '{"erpId": "E-1"}' });
    const sample = (await v.admin.post(`/api/v1/targets/${t.id}/test`, {})).json();
    expect(sample).toMatchObject({ ok: true, statusCode: 201, response: '{"erpId": "E-1"}', error: null });
    expect(sample.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(sample.request.body)).toEqual({
      number: 10086,
      subject: '示例工单：凭证无法打印',
      no: '10086',
    });
    expect(receiver.calls.at(-1)!.url).toBe('/api/tickets/10086?from=yidan');

    const ticket = (await v.admin.post('/api/v1/tickets', { subject: '发票 "红冲" 失败\\' })).json();
    const real = (
      await v.admin.post(`/api/v1/targets/${t.id}/test`, { ticketId: ticket.id, method: 'PUT' })
    ).json();
    expect(real.request.method).toBe('PUT');
    const call = receiver.calls.at(-1)!;
    expect(call.method).toBe('PUT');
    expect(JSON.parse(call.body)).toEqual({
      number: ticket.number,
      subject: '发票 "红冲" 失败\\',
      no: String(ticket.number),
    });
    expect(call.headers['x-erp-source']).toBe('yidan');
    expect(call.headers['idempotency-key']).toMatch(/^yd-\d+-test-/);
    expect(call.headers['content-type']).toBe('application/json; charset=utf-8');

    receiver.respond = () => ({ status: 503, body: 'maintenance' });
    const down = (await v.admin.post(`/api/v1/targets/${t.id}/test`, {})).json();
    expect(down).toMatchObject({ ok: false, statusCode: 503, response: 'maintenance' });
    receiver.respond = () => ({ status: 200 });

    const log = (await v.admin.get(`/api/v1/targets/${t.id}/deliveries`)).json();
    expect(log.items.map((e: { status: string; test: boolean }) => [e.status, e.test])).toEqual([
      ['failed', true],
      ['delivered', true],
      ['delivered', true],
    ]);
    expect(log.items[0].attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 503, response: 'maintenance' }),
    ]);
    const page = (await v.admin.get(`/api/v1/targets/${t.id}/deliveries?limit=2`)).json();
    expect(page.items).toHaveLength(2);
    const rest = (
      await v.admin.get(`/api/v1/targets/${t.id}/deliveries?limit=2&cursor=${page.nextCursor}`)
    ).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();

    // A ticket the caller cannot see is refused like any other.
    expectProblem(await v.admin.post(`/api/v1/targets/${t.id}/test`, { ticketId: 99999999 }), 404);
  });

  it('triggers validate target and customer message actions', async () => {
    const t = (await v.admin.post('/api/v1/targets', erp({ title: '规则目标' }))).json();
    const trigger = (actions: unknown[]) =>
      v.admin.post('/api/v1/triggers', {
        title: `t${Math.random()}`,
        conditions: { all: [onCreate], any: [] },
        actions,
      });
    const bad = expectProblem(
      await trigger([
        { field: 'target', value: { targetId: 99999999 } },
        { field: 'target', value: { targetId: t.id, body: '{{ oops' } },
        { field: 'notify.customer.sms', value: { body: '' } },
        { field: 'notify.customer.email', value: { subject: '{% if %}', body: 'x' } },
        { field: 'target', value: { id: t.id } },
      ]),
      400,
    );
    expect(bad.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      [
        'body.actions.0.value.targetId',
        'body.actions.1.value.body',
        'body.actions.2.value.body',
        'body.actions.3.value.subject',
        'body.actions.4.value',
        'body.actions.4.value.targetId',
      ].sort(),
    );
    const ok = await trigger([
      { field: 'target', value: { targetId: t.id } },
      { field: 'target', value: { targetId: t.id, body: '{"only": "{{ticket.subject}}"}' } },
      { field: 'notify.customer.sms', value: { body: '您的工单 #{{ticket.number}} 已受理' } },
    ]);
    expect(ok.statusCode, ok.body).toBe(201);
    // The catalogue offers the actions to the console.
    const keys = (await v.admin.get('/api/v1/triggers/catalogue'))
      .json()
      .actions.map((a: { key: string }) => a.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'target',
        'notify.customer.sms',
        'notify.customer.email',
        'notify.customer.wechat',
      ]),
    );
    // A target used by a rule is kept.
    const inUse = expectProblem(await v.admin.del(`/api/v1/targets/${t.id}`), 409, 'target_in_use');
    expect(inUse.title).toContain('触发器「');
    await v.admin.del(`/api/v1/triggers/${ok.json().id}`);
    expect((await v.admin.del(`/api/v1/targets/${t.id}`)).statusCode).toBe(204);
  });

  it('documents the routes in OpenAPI, with an example', async () => {
    const spec = (await running.app.inject('/api/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/targets',
        '/api/v1/targets/{id}',
        '/api/v1/targets/{id}/test',
        '/api/v1/targets/{id}/deliveries',
        '/api/v1/outbox',
        '/api/v1/outbox/{id}/retry',
        '/api/v1/sent-messages',
      ]),
    );
    const body = spec.paths['/api/v1/targets'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(body)).toContain('同步到经销商 ERP');
  });

  it('keeps targets and delivery logs to their vendor and to ticket settings', async () => {
    const mine = (await v.admin.post('/api/v1/targets', erp({ title: '甲的目标' }))).json();
    await v.admin.post(`/api/v1/targets/${mine.id}/test`, {});
    const other = await makeVendor(running, '乙服务商');
    expect((await other.admin.get('/api/v1/targets')).json().items).toEqual([]);
    expectProblem(await other.admin.get(`/api/v1/targets/${mine.id}`), 404);
    expectProblem(await other.admin.get(`/api/v1/targets/${mine.id}/deliveries`), 404);
    expectProblem(await other.admin.post(`/api/v1/targets/${mine.id}/test`, {}), 404);
    expect((await other.admin.get('/api/v1/outbox')).json().items).toEqual([]);
    const cross = await other.admin.post('/api/v1/triggers', {
      title: '越界目标',
      conditions: { all: [onCreate], any: [] },
      actions: [{ field: 'target', value: { targetId: mine.id } }],
    });
    expect(expectProblem(cross, 400).errors[0]).toMatchObject({ path: 'body.actions.0.value.targetId' });

    const { client } = await makeAgent(running, v, { grants: ['ticket'] });
    for (const res of [
      await client.get('/api/v1/targets'),
      await client.get(`/api/v1/targets/${mine.id}`),
      await client.post(`/api/v1/targets/${mine.id}/test`, {}),
      await client.get('/api/v1/sent-messages'),
    ])
      expectProblem(res, 403, 'forbidden');
  });
});
