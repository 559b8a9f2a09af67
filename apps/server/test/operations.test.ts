import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { makeVendor, startTestServer } from './harness.js';

let running: Running;

beforeAll(async () => {
  running = await startTestServer({ operatorToken: 'operator-token-0123456789' });
});
afterAll(() => running.close());

const op = { authorization: 'Bearer operator-token-0123456789' };

describe('operations endpoints', () => {
  it('serves /healthz, /readyz and Prometheus /metrics', async () => {
    expect((await running.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await running.app.inject('/readyz')).json()).toMatchObject({ status: 'ready' });
    await running.app.inject('/api/v1/me');
    const metrics = await running.app.inject('/metrics');
    expect(metrics.body).toContain('yidan_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('route="/api/v1/me"');
    expect(metrics.body).toContain('yidan_process_cpu_user_seconds_total');
  });

  it('serves OpenAPI generated from the route schemas, and a docs UI', async () => {
    const spec = (await running.app.inject('/api/docs/json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/agents', '/api/v1/auth/login', '/api/v1/groups/{id}']),
    );
    expect(
      spec.paths['/api/v1/agents'].post.requestBody.content['application/json'].schema.properties.grants.type,
    ).toBe('array');
    const ui = await running.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('echoes a safe X-Request-Id and makes one otherwise', async () => {
    const given = await running.app.inject({
      url: '/api/v1/me',
      headers: { 'x-request-id': 'trace-abc.123' },
    });
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    expect(given.json().requestId).toBe('trace-abc.123');
    const unsafe = await running.app.inject({
      url: '/api/v1/me',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('platform operator API', () => {
  it('creates, lists and disables vendors; each new vendor gets admin, roles and settings', async () => {
    // Unique per run: the PostgreSQL test database outlives a run.
    const key = `sh-${Date.now().toString(36)}`;
    expect((await running.app.inject({ url: '/api/v1/operator/vendors' })).statusCode).toBe(401);
    expect(
      (
        await running.app.inject({
          url: '/api/v1/operator/vendors',
          headers: { authorization: 'Bearer wrong-token-000000000' },
        })
      ).statusCode,
    ).toBe(401);
    const created = await running.app.inject({
      method: 'POST',
      url: '/api/v1/operator/vendors',
      headers: op,
      payload: { name: '上海某某软件', adminPassword: 'vendor-admin-pw', loginKey: key },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: '上海某某软件',
      loginKey: key,
      status: 'active',
    });
    const dup = await running.app.inject({
      method: 'POST',
      url: '/api/v1/operator/vendors',
      headers: op,
      payload: { name: '重复', adminPassword: 'vendor-admin-pw', loginKey: key },
    });
    expect(dup.statusCode).toBe(409);

    const loginRes = await running.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { account: 'admin', password: 'vendor-admin-pw', vendor: key },
    });
    expect(loginRes.statusCode).toBe(200);
    expect(loginRes.json().vendor.loginKey).toBe(key);

    const list = (await running.app.inject({ url: '/api/v1/operator/vendors', headers: op })).json().items;
    expect(list.map((x: { loginKey: string }) => x.loginKey)).toContain(key);

    const id = created.json().id;
    const disabled = await running.app.inject({
      method: 'PATCH',
      url: `/api/v1/operator/vendors/${id}`,
      headers: op,
      payload: { status: 'disabled' },
    });
    expect(disabled.json().status).toBe('disabled');
    const denied = await running.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { account: 'admin', password: 'vendor-admin-pw', vendor: key },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('vendor_disabled');
    // An existing session of a disabled vendor stops working too.
    const sid = loginRes.cookies.find((c) => c.name === 'yidan_sid')!.value;
    expect((await running.app.inject({ url: '/api/v1/me', cookies: { yidan_sid: sid } })).statusCode).toBe(
      403,
    );
  });

  it('is off (404) when OPERATOR_TOKEN is not set', async () => {
    const r = await startTestServer();
    try {
      const res = await r.app.inject({ url: '/api/v1/operator/vendors', headers: op });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('operator_disabled');
    } finally {
      await r.close();
    }
  });

  it('an agent cannot use the operator API', async () => {
    const v = await makeVendor(running);
    expect((await v.admin.get('/api/v1/operator/vendors')).statusCode).toBe(401);
  });
});
