import { DEFAULT_AGENT_PERMISSIONS, type Permission } from '@yidan/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
});
afterAll(() => running.close());

describe('roles and grants', () => {
  it('creates the default roles 管理员 and 普通客服 for every vendor', async () => {
    const roles = (await v.admin.get('/api/v1/roles')).json().items;
    expect(roles.map((r: { name: string; system: string }) => [r.name, r.system])).toEqual([
      ['管理员', 'admin'],
      ['普通客服', 'agent'],
    ]);
  });

  it('gives 普通客服 403 on every admin route', async () => {
    const { client } = await makeAgent(running, v, { grants: ['chat', 'ticket', 'call'] });
    const adminRoutes = running.app.routeTable.filter(
      (r) => r.config.permission && !DEFAULT_AGENT_PERMISSIONS.includes(r.config.permission as Permission),
    );
    expect(adminRoutes.length).toBeGreaterThan(15);
    for (const route of adminRoutes) {
      const url = route.url.replace(':id', '1');
      const res = await client.request(route.method as 'GET', url, route.hasBody ? {} : undefined);
      expect(res.statusCode, `${route.method} ${url}`).toBe(403);
      expectProblem(res, 403, 'forbidden');
    }
  });

  it('does not let 普通客服 grant itself anything', async () => {
    const { agent, client } = await makeAgent(running, v, { grants: ['ticket'] });
    const adminRole = (await v.admin.get('/api/v1/roles'))
      .json()
      .items.find((r: { system: string }) => r.system === 'admin');
    expectProblem(await client.patch(`/api/v1/agents/${agent.id}`, { roleId: adminRole.id }), 403);
    expectProblem(
      await client.patch(`/api/v1/agents/${agent.id}`, { grants: ['chat', 'ticket', 'call'] }),
      403,
    );
    expectProblem(await client.patch(`/api/v1/roles/${agent.roleId}`, { permissions: ['org.agents'] }), 403);
    expectProblem(
      await client.post('/api/v1/roles', { name: '自封', permissions: ['org.roles'], dataScope: 'all' }),
      403,
    );
    const me = (await client.get('/api/v1/me')).json();
    expect(me.modules).toEqual(['ticket']);
    expect(me.permissions).not.toContain('org.agents');
  });

  it('stops a delegated agent manager from escalating', async () => {
    const manager = (
      await v.admin.post('/api/v1/roles', {
        name: '客服主管',
        permissions: ['org.agents', 'org.roles'],
        dataScope: 'groups',
      })
    ).json();
    const { agent, client } = await makeAgent(running, v, { roleId: manager.id });
    const adminRole = (await v.admin.get('/api/v1/roles'))
      .json()
      .items.find((r: { system: string }) => r.system === 'admin');
    // Not their own role, grants or status …
    expectProblem(
      await client.patch(`/api/v1/agents/${agent.id}`, { grants: ['chat', 'ticket', 'call'] }),
      403,
      'self_escalation',
    );
    expectProblem(
      await client.patch(`/api/v1/roles/${manager.id}`, {
        permissions: ['org.agents', 'org.roles', 'org.settings'],
      }),
      403,
      'self_escalation',
    );
    // … not the administrator role for anyone …
    const { agent: other } = await makeAgent(running, v);
    expectProblem(
      await client.patch(`/api/v1/agents/${other.id}`, { roleId: adminRole.id }),
      403,
      'forbidden',
    );
    // … and no role with permissions they lack themselves.
    expectProblem(
      await client.post('/api/v1/roles', { name: '越权', permissions: ['org.settings'], dataScope: 'all' }),
      403,
      'forbidden',
    );
    expect(
      (await client.post('/api/v1/roles', { name: '合规', permissions: ['org.agents'], dataScope: 'own' }))
        .statusCode,
    ).toBe(201);
    // Cannot touch an administrator.
    expectProblem(
      await client.patch(`/api/v1/agents/${v.admin.agentId}`, { name: '改名' }),
      403,
      'forbidden',
    );
  });

  it('protects the last administrator and the system roles', async () => {
    const agentRole = (await v.admin.get('/api/v1/roles'))
      .json()
      .items.find((r: { system: string }) => r.system === 'agent');
    const adminRole = (await v.admin.get('/api/v1/roles'))
      .json()
      .items.find((r: { system: string }) => r.system === 'admin');
    expectProblem(
      await v.admin.patch(`/api/v1/agents/${v.admin.agentId}`, { roleId: agentRole.id }),
      403,
      'self_escalation',
    );
    expectProblem(await v.admin.del(`/api/v1/roles/${adminRole.id}`), 409, 'system_role');
    expectProblem(
      await v.admin.patch(`/api/v1/roles/${adminRole.id}`, { permissions: [] }),
      409,
      'system_role',
    );
    const { agent: second } = await makeAgent(running, v, { roleId: adminRole.id });
    // With two administrators, one may demote the other, but not the last one left.
    expect((await v.admin.patch(`/api/v1/agents/${second.id}`, { roleId: agentRole.id })).statusCode).toBe(
      200,
    );
  });

  it('a module the agent is not granted is unusable whatever the role says', async () => {
    const full = (
      await v.admin.post('/api/v1/roles', {
        name: '全工单',
        permissions: ['ticket.view', 'ticket.create', 'ticket.settings'],
        dataScope: 'all',
      })
    ).json();
    const { client } = await makeAgent(running, v, { grants: ['chat'], roleId: full.id });
    const me = (await client.get('/api/v1/me')).json();
    expect(me.modules).toEqual(['chat']);
    expect(me.permissions.filter((p: string) => p.startsWith('ticket.'))).toEqual([]);
  });

  it('a feature switched off hides the module for everyone, admins included', async () => {
    const w = await makeVendor(running);
    expect((await w.admin.put('/api/v1/features', { call: false })).json().call).toBe(false);
    const me = (await w.admin.get('/api/v1/me')).json();
    expect(me.modules).toEqual(['chat', 'ticket']);
    expect(me.features).not.toContain('call');
    const { client } = await makeAgent(running, w, { grants: ['call', 'ticket'] });
    expect((await client.get('/api/v1/me')).json().modules).toEqual(['ticket']);
    expectProblem(await client.put('/api/v1/features', { call: true }), 403, 'forbidden');
  });
});
