import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;
const BODY_LIMIT = 64 * 1024;

beforeAll(async () => {
  running = await startTestServer({ bodyLimit: BODY_LIMIT });
  v = await makeVendor(running);
});
afterAll(() => running.close());

/** Every answer to bad input is a 4xx problem+json: never a 5xx, never a stack trace. */
function expectClientError(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${what} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(String(res.headers['content-type']), what).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body.status).toBe(res.statusCode);
  expect(typeof body.title).toBe('string');
  expect(res.body).not.toMatch(/at .+\.(ts|js):\d+/);
}

const WRONG_TYPES = {
  account: 12,
  name: ['x'],
  password: { a: 1 },
  grants: 'ticket',
  roleId: 'one',
  groupIds: [-1, 'x'],
  parentId: 'root',
  orderedIds: 'nope',
  permissions: [42],
  dataScope: 'everything',
  weekly: [{ weekday: 9, ranges: [{ start: '25:00', end: '8' }] }],
  kind: 'party',
  startDate: '2026-13-45',
  endDate: 20260101,
  start: '9am',
  end: null,
  entries: [{ agentId: 'a', date: 'tomorrow', shiftId: {} }],
  agentIds: 'all',
  title: 5,
  ids: 'x',
  all: 'yes',
  status: 'gone',
  customerMode: '2x',
  timeZone: 'Mars/Olympus',
  currentPassword: 1,
  newPassword: 'short',
  sendAt: 'later',
  chat: 'on',
};

describe('hostile input on every route', () => {
  const authed = () => running.app.routeTable.filter((r) => r.config.auth !== 'operator');

  it('malformed JSON, wrong JSON shapes and wrong field types get 4xx problem+json', async () => {
    const routes = authed().filter((r) => r.hasBody);
    expect(routes.length).toBeGreaterThan(15);
    for (const r of routes) {
      const url = r.url.replace(':id', String(v.admin.agentId));
      const what = `${r.method} ${url}`;
      const malformed = await v.admin.request(r.method as 'POST', url, '{"name": "x",', {
        'content-type': 'application/json',
      });
      expectClientError(malformed, `${what} malformed`);
      for (const shape of ['[1,2,3]', '"text"', 'null', '42']) {
        const res = await v.admin.request(r.method as 'POST', url, shape, {
          'content-type': 'application/json',
        });
        expectClientError(res, `${what} ${shape}`);
      }
      const wrong = await v.admin.request(r.method as 'POST', url, WRONG_TYPES);
      expectClientError(wrong, `${what} wrong types`);
      const text = await v.admin.request(r.method as 'POST', url, 'name=x', { 'content-type': 'text/plain' });
      expectClientError(text, `${what} text/plain`);
    }
  });

  it('oversize bodies get 413 problem+json', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(BODY_LIMIT + 10) });
    for (const r of authed().filter((x) => x.hasBody)) {
      const url = r.url.replace(':id', '1');
      const res = await v.admin.request(r.method as 'POST', url, big, { 'content-type': 'application/json' });
      expectClientError(res, `${r.method} ${url} oversize`);
      expect(res.statusCode).toBe(413);
    }
  });

  it('bad ids and bad query strings get 4xx, never 5xx', async () => {
    const junkQuery =
      '?limit=abc&year=xyz&from=bad&to=bad&at=bad&unread=maybe&cursor=%00&enabled=x&groupId=-3&q=' +
      'x'.repeat(500);
    for (const r of authed()) {
      if (r.url.includes(':id')) {
        for (const id of ['abc', '-1', '0', '1.5', '99999999999999999999', '%27%20or%201=1']) {
          const url = r.url.replace(':id', id);
          const res = await v.admin.request(r.method as 'GET', url, r.hasBody ? {} : undefined);
          expectClientError(res, `${r.method} ${url}`);
        }
      } else if (r.method === 'GET') {
        const res = await v.admin.get(r.url + junkQuery);
        expect(res.statusCode, `GET ${r.url} junk query → ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expectClientError(res, `GET ${r.url} junk query`);
      }
    }
  });

  it('field errors name the field, in the user’s language', async () => {
    const zh = await v.admin.post('/api/v1/agents', {
      account: 'ok-account',
      name: '',
      password: 'short',
      grants: ['x'],
    });
    expectClientError(zh, 'agents');
    const body = zh.json();
    expect(body.code).toBe('validation_failed');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.password', 'body.grants.0']));
    expect(body.title).toBe('提交的数据有误，请检查标出的字段');
    const en = await v.admin.request(
      'POST',
      '/api/v1/agents',
      { account: 'ok', name: 'x', password: 'long-enough', grants: [], mobile: '123' },
      { 'accept-language': 'en' },
    );
    expect(en.json().errors).toEqual([{ path: 'body.mobile', message: 'Invalid mobile number' }]);
  });

  it('unknown routes are 404 problem+json', async () => {
    for (const url of ['/api/v1/nope', '/api/v2/agents', '/api/v1/agents/1/nothing']) {
      const res = await v.admin.get(url);
      expectClientError(res, url);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('route_not_found');
    }
    const wrongMethod = await v.admin.request('PUT', '/api/v1/agents', {});
    expectClientError(wrongMethod, 'PUT /api/v1/agents');
  });
});
