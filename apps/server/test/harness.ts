import type { LightMyRequestResponse } from 'fastify';
import { createVendor } from '../src/modules/vendors/service.js';
import { randomSecret } from '../src/platform/auth/secrets.js';
import { type Config, loadConfig } from '../src/platform/config.js';
import { type Running, startServer } from '../src/server.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || null;

/** Test configuration: in-memory PGlite, or PostgreSQL when TEST_DATABASE_URL is set. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    { DATA_DIR: 'memory://', LOG_LEVEL: 'silent', JOBS: 'false', ADMIN_PASSWORD: 'bootstrap-admin-pw' },
    { databaseUrl: TEST_DATABASE_URL, ...overrides },
  );
}

export async function startTestServer(
  overrides: Partial<Config> = {},
  opts: { logger?: boolean; logStream?: NodeJS.WritableStream } = {},
) {
  return startServer(testConfig(overrides), {
    listen: false,
    logger: opts.logger ?? false,
    logStream: opts.logStream,
  });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface Client {
  vendorId: number;
  loginKey: string;
  agentId: number;
  csrf: string;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

/** Logs in through the API and returns a client that sends the session cookie and CSRF header. */
export async function login(
  running: Running,
  loginKey: string,
  account: string,
  password: string,
): Promise<Client> {
  const res = await running.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { account, password, vendor: loginKey },
  });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
  const me = res.json();
  const sid = res.cookies.find((c) => c.name === 'yidan_sid')!.value;
  const request: Client['request'] = (method, url, body, headers = {}) =>
    running.app.inject({
      method,
      url,
      cookies: { yidan_sid: sid },
      headers: { 'x-csrf-token': me.csrfToken, ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    vendorId: me.vendor.id,
    loginKey,
    agentId: me.agent.id,
    csrf: me.csrfToken,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    del: (url) => request('DELETE', url),
  };
}

export interface TestVendor {
  vendorId: number;
  loginKey: string;
  adminPassword: string;
  admin: Client;
}

/** A fresh vendor with its admin logged in; each test builds its own, so files run in parallel. */
export async function makeVendor(running: Running, name = '测试服务商'): Promise<TestVendor> {
  const loginKey = `t${randomSecret(8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`.slice(0, 12);
  const adminPassword = `pw-${randomSecret(8)}`;
  const { vendor } = await createVendor(running.deps.db, { name, adminPassword, loginKey });
  const admin = await login(running, loginKey, 'admin', adminPassword);
  return { vendorId: vendor.id, loginKey, adminPassword, admin };
}

/** Creates an agent through the API (as the vendor admin) and logs them in. */
export async function makeAgent(
  running: Running,
  v: TestVendor,
  input: { grants?: ('chat' | 'ticket' | 'call')[]; roleId?: number; account?: string } = {},
) {
  const account =
    input.account ??
    `agent${randomSecret(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')}`;
  const password = `pw-${randomSecret(8)}`;
  const res = await v.admin.post('/api/v1/agents', {
    account,
    name: '测试客服',
    password,
    grants: input.grants ?? ['ticket'],
    ...(input.roleId ? { roleId: input.roleId } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`agent create failed ${res.statusCode}: ${res.body}`);
  const agent = res.json();
  return { agent, password, client: await login(running, v.loginKey, account, password) };
}

export function expectProblem(res: LightMyRequestResponse, status: number, code?: string) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${res.headers['content-type']}`);
  }
  const body = res.json();
  if (code && body.code !== code) throw new Error(`expected code ${code}, got ${body.code}: ${res.body}`);
  return body;
}
