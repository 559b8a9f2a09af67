import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { expectProblem, makeAgent, makeVendor, startTestServer } from './harness.js';

let running: Running;

beforeAll(async () => {
  running = await startTestServer();
});
afterAll(() => running.close());

describe('saved queries (查询器)', () => {
  it('saves a condition set, runs it, shares it by visibility, and validates it', async () => {
    const v = await makeVendor(running);
    await v.admin.post('/api/v1/companies', { name: 'VIP 甲', package: 'VIP服务包' });
    await v.admin.post('/api/v1/companies', { name: '标准 乙', package: '标准服务包' });
    const group = (await v.admin.post('/api/v1/groups', { name: 'VIP 组' })).json();
    const role = (
      await v.admin.post('/api/v1/roles', {
        name: '看全部客户',
        permissions: ['customer.view'],
        dataScope: 'all',
      })
    ).json();
    const member = await makeAgent(running, v, { roleId: role.id });
    const outsider = await makeAgent(running, v, { roleId: role.id });
    await v.admin.patch(`/api/v1/agents/${member.agent.id}`, { groupIds: [group.id] });

    const created = await v.admin.post('/api/v1/saved-queries', {
      entity: 'companies',
      name: 'VIP 客户',
      conditions: { all: [{ field: 'company.package', op: 'is', value: 'VIP服务包' }], any: [] },
      visibility: { scope: 'groups', groupIds: [group.id], agentIds: [] },
      sort: 'name',
    });
    expect(created.statusCode).toBe(201);
    const q = created.json();
    const run = async (c: typeof v.admin) =>
      (await c.get(`/api/v1/saved-queries/${q.id}/companies`))
        .json()
        .items?.map((x: { name: string }) => x.name);
    expect(await run(v.admin)).toEqual(['VIP 甲']);
    expect(await run(member.client)).toEqual(['VIP 甲']);
    expectProblem(await outsider.client.get(`/api/v1/saved-queries/${q.id}/companies`), 404);
    const names = async (c: typeof v.admin) =>
      (await c.get('/api/v1/saved-queries?entity=companies'))
        .json()
        .items.map((x: { name: string }) => x.name);
    expect(await names(member.client)).toEqual(['VIP 客户']);
    expect(await names(outsider.client)).toEqual([]);

    // Agents keep private queries; sharing needs customer.settings; others' queries are read-only.
    const mine = await outsider.client.post('/api/v1/saved-queries', {
      entity: 'companies',
      name: '我的',
      conditions: { all: [{ field: 'company.name', op: 'contains', value: '乙' }], any: [] },
    });
    expect(mine.statusCode).toBe(201);
    expect(await names(outsider.client)).toEqual(['我的']);
    expect(await names(v.admin)).not.toContain('我的');
    expectProblem(
      await outsider.client.post('/api/v1/saved-queries', {
        entity: 'companies',
        name: '共享',
        conditions: { all: [], any: [] },
        visibility: { scope: 'all', groupIds: [], agentIds: [] },
      }),
      403,
    );
    expectProblem(await member.client.patch(`/api/v1/saved-queries/${q.id}`, { name: '改' }), 403);
    expect((await v.admin.patch(`/api/v1/saved-queries/${q.id}`, { name: 'VIP 公司' })).json().name).toBe(
      'VIP 公司',
    );

    const bad = await v.admin.post('/api/v1/saved-queries', {
      entity: 'companies',
      name: '坏',
      conditions: { all: [{ field: 'company.nothing', op: 'is', value: 1 }], any: [] },
    });
    expectProblem(bad, 400, 'validation_failed');
    expect((await v.admin.del(`/api/v1/saved-queries/${q.id}`)).statusCode).toBe(204);
    expectProblem(await member.client.get(`/api/v1/saved-queries/${q.id}/companies`), 404);
  });
});
