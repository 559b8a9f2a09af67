import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { makeAgent, makeVendor, startTestServer } from './harness.js';

let running: Running;
beforeAll(async () => {
  running = await startTestServer();
});
afterAll(() => running.close());

it('counts only the companies in the caller’s data scope in the group tree', async () => {
  const v = await makeVendor(running);
  const role = (
    await v.admin.post('/api/v1/roles', { name: '本人', permissions: ['customer.view'], dataScope: 'own' })
  ).json();
  const { agent, client } = await makeAgent(running, v, { roleId: role.id });
  const group = (await v.admin.post('/api/v1/customer-groups', { name: '华北客户' })).json();
  await v.admin.post('/api/v1/companies', { name: '甲公司', groupId: group.id, ownerAgentId: agent.id });
  await v.admin.post('/api/v1/companies', { name: '乙公司', groupId: group.id });
  await v.admin.post('/api/v1/companies', { name: '丙公司', groupId: group.id });
  const count = async (c: typeof client) =>
    (await c.get('/api/v1/customer-groups')).json().items.find((g: { id: number }) => g.id === group.id)
      .companyCount;
  expect(await count(v.admin)).toBe(3);
  expect(await count(client)).toBe(1);
});
