import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { expectProblem, login, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
});
afterAll(() => running.close());

describe('agents (客服管理)', () => {
  it('creates an agent with grants, role, groups and profile, then edits and disables it', async () => {
    const group = (await v.admin.post('/api/v1/groups', { name: '财务软件组' })).json();
    expect((await v.admin.get('/api/v1/agents/check-account?account=zhangsan')).json()).toEqual({
      available: true,
    });
    const created = await v.admin.post('/api/v1/agents', {
      account: 'zhangsan',
      name: '张三',
      password: 'zhangsan-pw',
      grants: ['ticket', 'chat', 'ticket'],
      groupIds: [group.id],
      employeeNo: 'A001',
      mobile: '+86 138 0013 8000'.replaceAll(' ', ''),
      email: 'ZhangSan@Example.com',
      tags: ['用友', 'T+'],
      maxChats: 8,
    });
    expect(created.statusCode).toBe(201);
    const agent = created.json();
    expect(agent).toMatchObject({
      account: 'zhangsan',
      grants: ['chat', 'ticket'],
      groupIds: [group.id],
      email: 'zhangsan@example.com',
      maxChats: 8,
      enabled: true,
    });
    expect(agent).not.toHaveProperty('passwordHash');
    const defaultRole = (await v.admin.get('/api/v1/roles'))
      .json()
      .items.find((r: { system: string }) => r.system === 'agent');
    expect(agent.roleId).toBe(defaultRole.id);

    expect((await v.admin.get('/api/v1/agents/check-account?account=ZhangSan')).json()).toEqual({
      available: false,
    });
    expectProblem(
      await v.admin.post('/api/v1/agents', {
        account: 'ZHANGSAN',
        name: '重名',
        password: 'password-1',
        grants: [],
      }),
      409,
      'account_taken',
    );

    const patched = await v.admin.patch(`/api/v1/agents/${agent.id}`, {
      name: '张三丰',
      grants: ['call'],
      groupIds: [],
      available: false,
    });
    expect(patched.json()).toMatchObject({
      name: '张三丰',
      grants: ['call'],
      groupIds: [],
      available: false,
    });
    expect((await v.admin.get(`/api/v1/groups/${group.id}`)).json().memberIds).toEqual([]);

    // Account cannot be changed after creation.
    expectProblem(
      await v.admin.patch(`/api/v1/agents/${agent.id}`, { account: 'lisi' }),
      400,
      'validation_failed',
    );

    // Reset password: the new one works.
    await v.admin.patch(`/api/v1/agents/${agent.id}`, { password: 'reset-password-2' });
    const client = await login(running, v.loginKey, 'zhangsan', 'reset-password-2');
    expect((await client.get('/api/v1/me')).json().agent.name).toBe('张三丰');
  });

  it('offers every agent a directory of colleagues without their private details', async () => {
    const { makeAgent } = await import('./harness.js');
    const { client } = await makeAgent(running, v);
    const res = await client.get('/api/v1/agents/directory');
    expect(res.statusCode).toBe(200);
    const entry = res.json().items.find((a: { account: string }) => a.account === 'admin');
    expect(Object.keys(entry).sort()).toEqual(['account', 'available', 'enabled', 'groupIds', 'id', 'name']);
    expect((await client.get('/api/v1/agents')).statusCode).toBe(403);
  });

  it('filters the list by search text, group and status', async () => {
    const g = (await v.admin.post('/api/v1/groups', { name: '筛选组' })).json();
    await v.admin.post('/api/v1/agents', {
      account: 'filter-a',
      name: '王五',
      password: 'password-1',
      grants: [],
      groupIds: [g.id],
    });
    const off = (
      await v.admin.post('/api/v1/agents', {
        account: 'filter-b',
        name: '赵六',
        password: 'password-1',
        grants: [],
      })
    ).json();
    await v.admin.patch(`/api/v1/agents/${off.id}`, { enabled: false });
    const names = async (qs: string) =>
      (await v.admin.get(`/api/v1/agents?${qs}`)).json().items.map((a: { name: string }) => a.name);
    expect(await names('q=王')).toEqual(['王五']);
    expect(await names(`groupId=${g.id}`)).toEqual(['王五']);
    expect(await names('enabled=false')).toEqual(['赵六']);
    expect(await names('q=%25')).toEqual([]);
  });
});

describe('groups (客服分组)', () => {
  it('builds a tree with supervisors, reorders siblings and refuses cycles', async () => {
    const a1 = (
      await v.admin.post('/api/v1/agents', {
        account: 'sup1',
        name: '主管',
        password: 'password-1',
        grants: [],
      })
    ).json();
    const root = (await v.admin.post('/api/v1/groups', { name: '技术部', supervisorIds: [a1.id] })).json();
    expect(root).toMatchObject({ parentId: null, memberIds: [a1.id], supervisorIds: [a1.id] });
    const c1 = (await v.admin.post('/api/v1/groups', { name: '一组', parentId: root.id })).json();
    const c2 = (await v.admin.post('/api/v1/groups', { name: '二组', parentId: root.id })).json();
    const c3 = (await v.admin.post('/api/v1/groups', { name: '三组', parentId: root.id })).json();
    expect([c1.sortOrder, c2.sortOrder, c3.sortOrder]).toEqual([0, 1, 2]);

    const reordered = await v.admin.post('/api/v1/groups/reorder', {
      parentId: root.id,
      orderedIds: [c3.id, c1.id, c2.id],
    });
    const children = reordered
      .json()
      .items.filter((g: { parentId: number }) => g.parentId === root.id)
      .map((g: { name: string }) => g.name);
    expect(children).toEqual(['三组', '一组', '二组']);
    // Ids that are not children of that parent are refused.
    expectProblem(await v.admin.post('/api/v1/groups/reorder', { parentId: null, orderedIds: [c1.id] }), 404);

    const grandchild = (await v.admin.post('/api/v1/groups', { name: '小组', parentId: c1.id })).json();
    expectProblem(
      await v.admin.patch(`/api/v1/groups/${root.id}`, { parentId: grandchild.id }),
      422,
      'group_cycle',
    );
    expectProblem(
      await v.admin.patch(`/api/v1/groups/${root.id}`, { parentId: root.id }),
      422,
      'group_cycle',
    );
    expectProblem(await v.admin.del(`/api/v1/groups/${c1.id}`), 409, 'group_has_children');
    expect((await v.admin.del(`/api/v1/groups/${grandchild.id}`)).statusCode).toBe(204);
    expect((await v.admin.del(`/api/v1/groups/${c1.id}`)).statusCode).toBe(204);
    expect(
      (await v.admin.patch(`/api/v1/groups/${c2.id}`, { parentId: null, name: '独立组' })).json(),
    ).toMatchObject({
      parentId: null,
      name: '独立组',
    });
  });
});

describe('group directory', () => {
  it('gives every agent group names and parents, without members', async () => {
    const { makeAgent } = await import('./harness.js');
    const parent = (await v.admin.post('/api/v1/groups', { name: '目录上级组' })).json();
    const child = (await v.admin.post('/api/v1/groups', { name: '目录下级组', parentId: parent.id })).json();
    const { client } = await makeAgent(running, v);
    expect((await client.get('/api/v1/groups')).statusCode).toBe(403);
    const res = await client.get('/api/v1/groups/directory');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toContainEqual({ id: child.id, name: '目录下级组', parentId: parent.id });
  });
});

describe('roles (角色管理)', () => {
  it('creates, edits and deletes a custom role; refuses duplicates and deleting a role in use', async () => {
    const role = (
      await v.admin.post('/api/v1/roles', {
        name: '质检员',
        description: '负责质检',
        permissions: ['report.view'],
        dataScope: 'groups',
      })
    ).json();
    expect(role).toMatchObject({
      name: '质检员',
      permissions: ['report.view'],
      dataScope: 'groups',
      system: null,
      agentCount: 0,
    });
    expectProblem(
      await v.admin.post('/api/v1/roles', { name: '质检员', permissions: [], dataScope: 'own' }),
      409,
      'name_taken',
    );
    expectProblem(
      await v.admin.post('/api/v1/roles', { name: '坏权限', permissions: ['root.all'], dataScope: 'own' }),
      400,
    );
    const edited = await v.admin.patch(`/api/v1/roles/${role.id}`, {
      permissions: ['report.view', 'monitor.view'],
    });
    expect(edited.json().permissions).toEqual(['report.view', 'monitor.view']);
    const agent = (
      await v.admin.post('/api/v1/agents', {
        account: 'qa1',
        name: '质检',
        password: 'password-1',
        grants: [],
        roleId: role.id,
      })
    ).json();
    expect((await v.admin.get(`/api/v1/roles/${role.id}`)).json().agentCount).toBe(1);
    expectProblem(await v.admin.del(`/api/v1/roles/${role.id}`), 409, 'role_in_use');
    await v.admin.patch(`/api/v1/agents/${agent.id}`, { roleId: null });
    expect((await v.admin.del(`/api/v1/roles/${role.id}`)).statusCode).toBe(204);
  });

  it('applies the role to what the agent may do', async () => {
    const role = (
      await v.admin.post('/api/v1/roles', {
        name: '分组管理员',
        permissions: ['org.groups'],
        dataScope: 'own',
      })
    ).json();
    await v.admin.post('/api/v1/agents', {
      account: 'grouper',
      name: '分组员',
      password: 'password-1',
      grants: [],
      roleId: role.id,
    });
    const c = await login(running, v.loginKey, 'grouper', 'password-1');
    expect((await c.get('/api/v1/groups')).statusCode).toBe(200);
    expectProblem(await c.get('/api/v1/agents'), 403, 'forbidden');
    await v.admin.patch(`/api/v1/roles/${role.id}`, { permissions: [] });
    expectProblem(await c.get('/api/v1/groups'), 403, 'forbidden');
  });
});

describe('vendor profile and feature switches', () => {
  it('edits the profile, shows the login key and stores a logo', async () => {
    const profile = (await v.admin.get('/api/v1/vendor')).json();
    expect(profile).toMatchObject({
      loginKey: v.loginKey,
      timeZone: 'Asia/Shanghai',
      customerMode: '2b',
      logoUrl: null,
    });
    const patched = await v.admin.patch('/api/v1/vendor', {
      name: '北京某某科技',
      customerMode: '2c',
      timeZone: 'Asia/Urumqi',
    });
    expect(patched.json()).toMatchObject({
      name: '北京某某科技',
      customerMode: '2c',
      timeZone: 'Asia/Urumqi',
    });
    expectProblem(await v.admin.patch('/api/v1/vendor', { loginKey: 'steal' }), 400);

    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const up = await v.admin.request('PUT', '/api/v1/vendor/logo', png, { 'content-type': 'image/png' });
    expect(up.statusCode).toBe(200);
    const logoUrl = up.json().logoUrl as string;
    const logo = await running.app.inject({ url: logoUrl });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.rawPayload.equals(png)).toBe(true);
    // A file that only claims to be an image is refused.
    expectProblem(
      await v.admin.request('PUT', '/api/v1/vendor/logo', Buffer.from('<svg onload=alert(1)>'), {
        'content-type': 'image/png',
      }),
      415,
      'invalid_image',
    );
    expectProblem(
      await v.admin.request('PUT', '/api/v1/vendor/logo', Buffer.alloc(600 * 1024, 1), {
        'content-type': 'image/png',
      }),
      413,
    );
  });

  it('switches features off and on', async () => {
    const all = (await v.admin.get('/api/v1/features')).json();
    expect(Object.values(all).every((x) => x === true)).toBe(true);
    const off = (await v.admin.put('/api/v1/features', { remote: false, billing: false })).json();
    expect(off).toMatchObject({ remote: false, billing: false, ticket: true });
    expect((await v.admin.put('/api/v1/features', { remote: true })).json().remote).toBe(true);
  });
});
