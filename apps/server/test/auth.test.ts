import { Writable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { expectProblem, login, makeAgent, makeVendor, startTestServer } from './harness.js';

let running: Running;

beforeAll(async () => {
  running = await startTestServer();
});
afterAll(() => running.close());

const inject = (opts: InjectOptions) => running.app.inject(opts);

describe('login and session', () => {
  it('logs in, sets a hardened session cookie and a CSRF cookie, and never returns the password', async () => {
    const v = await makeVendor(running);
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { account: 'ADMIN', password: v.adminPassword, vendor: v.loginKey },
    });
    expect(res.statusCode).toBe(200);
    const sid = res.cookies.find((c) => c.name === 'yidan_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    expect(sid.path).toBe('/');
    const csrf = res.cookies.find((c) => c.name === 'yidan_csrf')!;
    expect(csrf.httpOnly).toBeFalsy();
    expect(res.json().agent.account).toBe('admin');
    expect(res.json().permissions).toContain('org.agents');
    expect(res.body).not.toContain(v.adminPassword);
    expect(res.body).not.toMatch(/password/i);
  });

  it('sets Secure cookies behind https (X-Forwarded-Proto with TRUST_PROXY)', async () => {
    const r2 = await startTestServer({ trustProxy: true });
    try {
      const v = await makeVendor(r2);
      const res = await r2.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { account: 'admin', password: v.adminPassword, vendor: v.loginKey },
      });
      expect(res.cookies.find((c) => c.name === 'yidan_sid')!.secure).toBe(true);
    } finally {
      await r2.close();
    }
  });

  it('rejects wrong passwords and unknown accounts with the same answer', async () => {
    const v = await makeVendor(running);
    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.1.0.1',
      payload: { account: 'admin', password: 'nope-nope', vendor: v.loginKey },
    });
    const unknown = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.1.0.1',
      payload: { account: 'ghost', password: 'nope-nope', vendor: v.loginKey },
    });
    expect(expectProblem(wrong, 401, 'invalid_credentials').title).toBe('账号或密码错误');
    expect(expectProblem(unknown, 401, 'invalid_credentials').title).toBe('账号或密码错误');
  });

  it('answers in English when the browser prefers English', async () => {
    const res = await inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(expectProblem(res, 401, 'unauthenticated').title).toBe('Please sign in');
  });

  it('requires the vendor login key once several vendors exist', async () => {
    await makeVendor(running);
    await makeVendor(running);
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { account: 'admin', password: 'x' },
    });
    expectProblem(res, 400, 'vendor_required');
  });

  it('locks an account after 5 failures and an IP after 20, with Retry-After', async () => {
    const v = await makeVendor(running);
    const attempt = (password: string, ip: string, account = 'admin') =>
      inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        payload: { account, password, vendor: v.loginKey },
      });
    for (let i = 0; i < 5; i++) expectProblem(await attempt('wrong-password', `10.2.0.${i + 1}`), 401);
    // Locked now, even with the right password and from another address.
    const locked = await attempt(v.adminPassword, '10.2.1.1');
    const body = expectProblem(locked, 429, 'login_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(body.title).toMatch(/分钟后再试/);

    const other = await makeVendor(running);
    const ip = '10.3.0.9';
    for (let i = 0; i < 20; i++) {
      await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        payload: { account: `user${i}`, password: 'wrong-password', vendor: other.loginKey },
      });
    }
    const ipLocked = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      payload: { account: 'admin', password: other.adminPassword, vendor: other.loginKey },
    });
    expectProblem(ipLocked, 429, 'login_locked');
    // Another address still gets in.
    const ok = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.3.0.10',
      payload: { account: 'admin', password: other.adminPassword, vendor: other.loginKey },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const v = await makeVendor(running);
    const noToken = await v.admin.request(
      'POST',
      '/api/v1/groups',
      { name: '无令牌' },
      { 'x-csrf-token': '' },
    );
    expectProblem(noToken, 403, 'csrf_failed');
    const badToken = await v.admin.request(
      'POST',
      '/api/v1/groups',
      { name: '错令牌' },
      { 'x-csrf-token': 'forged' },
    );
    expectProblem(badToken, 403, 'csrf_failed');
    const ok = await v.admin.post('/api/v1/groups', { name: '有令牌' });
    expect(ok.statusCode).toBe(201);
  });

  it('logs out and the session stops working', async () => {
    const v = await makeVendor(running);
    expect((await v.admin.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expectProblem(await v.admin.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('changes the password: the old one stops working, other sessions end', async () => {
    const v = await makeVendor(running);
    const second = await login(running, v.loginKey, 'admin', v.adminPassword);
    expectProblem(
      await v.admin.post('/api/v1/auth/password', {
        currentPassword: 'wrong',
        newPassword: 'new-password-1',
      }),
      400,
      'wrong_password',
    );
    expect(
      (
        await v.admin.post('/api/v1/auth/password', {
          currentPassword: v.adminPassword,
          newPassword: 'new-password-1',
        })
      ).statusCode,
    ).toBe(204);
    expect((await v.admin.get('/api/v1/me')).statusCode).toBe(200);
    expectProblem(await second.get('/api/v1/me'), 401);
    await expect(login(running, v.loginKey, 'admin', v.adminPassword)).rejects.toThrow(/401/);
    await login(running, v.loginKey, 'admin', 'new-password-1');
  });

  it('ends the sessions of a disabled agent and refuses their login', async () => {
    const v = await makeVendor(running);
    const { agent, client, password } = await makeAgent(running, v);
    expect((await v.admin.patch(`/api/v1/agents/${agent.id}`, { enabled: false })).statusCode).toBe(200);
    expectProblem(await client.get('/api/v1/me'), 401);
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { account: agent.account, password, vendor: v.loginKey },
    });
    expectProblem(res, 403, 'account_disabled');
  });
});

describe('API tokens', () => {
  it('creates a token shown once, accepts it as Bearer and as Basic account/token, and revokes it', async () => {
    const v = await makeVendor(running);
    const created = await v.admin.post('/api/v1/api-tokens', { name: '集成' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^ydt_\d+_/);
    const list = await v.admin.get('/api/v1/api-tokens');
    expect(list.body).not.toContain(token);
    expect(list.json().items[0].prefix).toMatch(/^ydt_\d+_.+…$/);
    expect(token.startsWith(list.json().items[0].prefix.slice(0, -1))).toBe(true);

    const bearer = await inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bearer.statusCode).toBe(200);
    expect(bearer.json().agent.account).toBe('admin');
    // Token-authenticated writes need no CSRF token (no ambient credentials).
    const write = await inject({
      method: 'POST',
      url: '/api/v1/groups',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'API 分组' },
    });
    expect(write.statusCode).toBe(201);

    const basic = Buffer.from(`admin/token:${token}`).toString('base64');
    expect(
      (await inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Basic ${basic}` } }))
        .statusCode,
    ).toBe(200);
    const wrongAccount = Buffer.from(`someone/token:${token}`).toString('base64');
    expectProblem(
      await inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Basic ${wrongAccount}` } }),
      401,
      'invalid_token',
    );

    expect((await v.admin.del(`/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    expectProblem(
      await inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } }),
      401,
      'invalid_token',
    );
  });

  it('rejects malformed and forged tokens', async () => {
    for (const value of [
      'Bearer x',
      'Bearer ydt_1_short',
      'Bearer ydt_abc_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'Basic !!!',
      'Token abc',
    ]) {
      expectProblem(
        await inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: value } }),
        401,
      );
    }
  });
});

describe('logging', () => {
  it('never writes passwords or tokens to the log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const r = await startTestServer({ logLevel: 'trace' }, { logger: true, logStream: stream });
    try {
      const v = await makeVendor(r);
      await r.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { account: 'admin', password: 'a-wrong-secret-pw', vendor: v.loginKey },
      });
      const token = (await v.admin.post('/api/v1/api-tokens', { name: 't' })).json().token;
      await r.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      const all = lines.join('');
      expect(all).not.toContain('a-wrong-secret-pw');
      expect(all).not.toContain(v.adminPassword);
      expect(all).not.toContain(token);
      // The log did record these requests, just not their secrets.
      expect(all).toContain('/api/v1/auth/login');
      expect(all).toContain('"statusCode":401');
    } finally {
      await r.close();
    }
  });
});

describe('cleanup', () => {
  it('purges expired sessions and stale login counters, keeping live ones', async () => {
    const { purgeExpiredAuth } = await import('../src/platform/auth/cleanup.js');
    const { sql } = await import('drizzle-orm');
    const v = await makeVendor(running);
    const stale = await login(running, v.loginKey, 'admin', v.adminPassword);
    await running.deps.db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where vendor_id = ${v.vendorId} and agent_id = ${stale.agentId}
          and created_at = (select max(created_at) from sessions where vendor_id = ${v.vendorId})`,
    );
    await running.deps.db.execute(
      sql`insert into login_throttle (key, failures, window_start) values ('ip:203.0.113.9', 3, now() - interval '2 days')`,
    );
    const purged = await purgeExpiredAuth(running.deps.db);
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.throttles).toBeGreaterThanOrEqual(1);
    expect((await v.admin.get('/api/v1/me')).statusCode).toBe(200);
  });
});
