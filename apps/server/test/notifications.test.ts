import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../src/server.js';
import { startServer } from '../src/server.js';
import { expectProblem, login, makeAgent, makeVendor, testConfig } from './harness.js';

let running: Running;
let baseUrl: string;

beforeAll(async () => {
  // A real port: the realtime gateway needs the HTTP server.
  running = await startServer(testConfig({ port: 0, host: '127.0.0.1' }), { logger: false });
  const address = running.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  baseUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(() => running.close());

function connect(auth: { cookie?: string; token?: string }): Promise<Socket> {
  const socket = io(`${baseUrl}/agent`, {
    transports: ['websocket'],
    reconnection: false,
    ...(auth.cookie ? { extraHeaders: { cookie: auth.cookie } } : {}),
    ...(auth.token ? { auth: { token: auth.token } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', (err) => reject(err));
  });
}

const nextEvent = <T>(socket: Socket, name: string) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} event`)), 10_000);
    socket.once(name, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });

describe('notification centre (通知中心)', () => {
  it('stores notifications, counts unread, pages with a cursor and marks read', async () => {
    const v = await makeVendor(running);
    const { agent, client } = await makeAgent(running, v);
    for (let i = 1; i <= 5; i++) {
      expect(
        (await v.admin.post('/api/v1/notifications', { agentIds: [agent.id], title: `通知${i}` })).statusCode,
      ).toBe(201);
    }
    const page1 = (await client.get('/api/v1/notifications?limit=2')).json();
    expect(page1.items.map((n: { title: string }) => n.title)).toEqual(['通知5', '通知4']);
    expect(page1.unread).toBe(5);
    const page2 = (await client.get(`/api/v1/notifications?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((n: { title: string }) => n.title)).toEqual(['通知3', '通知2']);
    expect((await client.post('/api/v1/notifications/read', { ids: [page1.items[0].id] })).json()).toEqual({
      unread: 4,
    });
    expect((await client.get('/api/v1/notifications?unread=true')).json().items).toHaveLength(4);
    expect((await client.post('/api/v1/notifications/read', { all: true })).json()).toEqual({ unread: 0 });
    // The admin's own list is separate.
    expect((await v.admin.get('/api/v1/notifications')).json().items).toEqual([]);
    // An agent cannot mark someone else's notification read.
    const other = (
      await v.admin.post('/api/v1/notifications', { agentIds: [v.admin.agentId], title: '管理员的' })
    ).json().items[0];
    await client.post('/api/v1/notifications/read', { ids: [other.id] });
    expect((await v.admin.get('/api/v1/notifications')).json().unread).toBe(1);
  });

  it('pushes new notifications live to the agent (cookie or token), and only to that agent', async () => {
    const v = await makeVendor(running);
    const { agent, password } = await makeAgent(running, v);
    const res = await running.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { account: agent.account, password, vendor: v.loginKey },
    });
    const sid = res.cookies.find((c) => c.name === 'yidan_sid')!.value;
    const agentSocket = await connect({ cookie: `yidan_sid=${encodeURIComponent(sid)}` });
    const token = (await v.admin.post('/api/v1/api-tokens', { name: 'rt' })).json().token;
    const adminSocket = await connect({ token });
    let adminGot = 0;
    adminSocket.on('notification.created', () => {
      adminGot++;
    });
    try {
      const received = nextEvent<{ notification: { title: string }; unread: number }>(
        agentSocket,
        'notification.created',
      );
      await v.admin.post('/api/v1/notifications', {
        agentIds: [agent.id],
        title: '工单 #12 已分配给你',
        link: '/tickets/12',
      });
      const payload = await received;
      expect(payload.notification.title).toBe('工单 #12 已分配给你');
      expect(payload.unread).toBe(1);
      const read = nextEvent<{ unread: number }>(agentSocket, 'notification.read');
      const c = await login(running, v.loginKey, agent.account, password);
      await c.post('/api/v1/notifications/read', { all: true });
      expect(await read).toEqual({ unread: 0 });
      expect(adminGot).toBe(0);
    } finally {
      agentSocket.close();
      adminSocket.close();
    }
  });

  it('tells a disabled agent’s open console that the session ended', async () => {
    const v = await makeVendor(running);
    const { agent, password } = await makeAgent(running, v);
    const res = await running.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { account: agent.account, password, vendor: v.loginKey },
    });
    const sid = res.cookies.find((c) => c.name === 'yidan_sid')!.value;
    const socket = await connect({ cookie: `yidan_sid=${encodeURIComponent(sid)}` });
    try {
      const revoked = nextEvent<{ reason: string }>(socket, 'session.revoked');
      await v.admin.patch(`/api/v1/agents/${agent.id}`, { enabled: false });
      expect(await revoked).toEqual({ reason: 'disabled' });
    } finally {
      socket.close();
    }
  });

  it('refuses sockets without valid credentials', async () => {
    await expect(connect({})).rejects.toThrow(/unauthenticated/);
    await expect(connect({ token: 'ydt_1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' })).rejects.toThrow(
      /unauthenticated/,
    );
    await expect(connect({ cookie: 'yidan_sid=1.forgedforgedforgedforgedforged' })).rejects.toThrow(
      /unauthenticated/,
    );
  });

  it('validates recipients and scheduling', async () => {
    const v = await makeVendor(running);
    expectProblem(await v.admin.post('/api/v1/notifications', { agentIds: [], title: 'x' }), 400);
    expectProblem(await v.admin.post('/api/v1/notifications', { agentIds: [999999999], title: 'x' }), 422);
    expectProblem(
      await v.admin.post('/api/v1/notifications', {
        agentIds: [v.admin.agentId],
        title: 'x',
        sendAt: 'soon',
      }),
      400,
    );
  });
});
