/**
 * Two server processes on one PostgreSQL database and one Redis: both start together (migrations
 * and the first-vendor bootstrap race), a notification posted on node A reaches a socket held by
 * node B through the Redis adapter, and both shut down gracefully on SIGTERM.
 *
 * Needs TEST_DATABASE_URL (a database whose user may CREATE DATABASE) and REDIS_URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFreshDatabase,
  type FreshDatabase,
  freePort,
  type NodeProcess,
  REPO_ROOT,
  requireEnv,
  spawnServerNode,
  stopNode,
  waitReady,
} from './support.js';

const ADMIN_PASSWORD = 'multinode-admin-pw';

let db: FreshDatabase | null = null;
let nodeA: NodeProcess | null = null;
let nodeB: NodeProcess | null = null;
let readyA: { status: string; database: string };
let readyB: { status: string; database: string };
const sockets: Socket[] = [];

beforeAll(async () => {
  const adminUrl = requireEnv('TEST_DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/test');
  const redisUrl = requireEnv('REDIS_URL', 'redis://127.0.0.1:6379');
  db = await createFreshDatabase(adminUrl, 'yidan_mn');
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
  };
  const [portA, portB] = [await freePort(), await freePort()];
  // Started at the same moment on an empty database: both run migrations and the bootstrap.
  nodeA = spawnServerNode('node A', portA, env);
  nodeB = spawnServerNode('node B', portB!, env);
  [readyA, readyB] = await Promise.all([waitReady(nodeA), waitReady(nodeB)]);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  const codes = await Promise.all([nodeA, nodeB].map((n) => (n ? stopNode(n) : Promise.resolve(0))));
  try {
    await db?.drop();
  } finally {
    // Graceful shutdown: close-with-grace exits with 0 only when close() finished in time.
    expect(
      codes,
      `exit codes of A and B\n--- A ---\n${nodeA?.output()}\n--- B ---\n${nodeB?.output()}`,
    ).toEqual([0, 0]);
    // Neither node logged an error (e.g. a job queue error after a lost start-up race).
    for (const node of [nodeA, nodeB]) {
      const errors = (node?.output() ?? '')
        .split('\n')
        .filter((line) => /"level":(50|60)\b|job queue error/.test(line));
      expect(errors, `${node?.name} logged errors`).toEqual([]);
    }
  }
});

async function api(
  node: NodeProcess,
  method: string,
  url: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${node.baseUrl}${url}`, {
    method,
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text), headers: res.headers };
}

async function loginAdmin(node: NodeProcess) {
  const res = await api(node, 'POST', '/api/v1/auth/login', {
    body: { account: 'admin', password: ADMIN_PASSWORD },
  });
  expect(res.status, res.text).toBe(200);
  const sid = /yidan_sid=([^;]+)/.exec(res.headers.getSetCookie().join('\n'))?.[1];
  expect(sid).toMatch(/^\d+\./);
  const me = res.json() as { agent: { id: number }; vendor: { id: number }; csrfToken: string };
  return {
    me,
    headers: { cookie: `yidan_sid=${sid}`, 'x-csrf-token': me.csrfToken },
  };
}

function connectAgentSocket(node: NodeProcess, token: string): Promise<Socket> {
  const socket = io(`${node.baseUrl}/agent`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    timeout: 10_000,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(new Error(`socket to ${node.name}: ${err.message}`)));
  });
}

describe('two server nodes on one PostgreSQL and Redis', () => {
  it('both start against the same fresh database, migrated once, bootstrapped once', async () => {
    expect(readyA).toEqual({ status: 'ready', database: 'postgres' });
    expect(readyB).toEqual({ status: 'ready', database: 'postgres' });

    const client = new pg.Client({ connectionString: db!.url });
    await client.connect();
    try {
      // Every migration of the journal applied, each once (tag is the primary key), by one of them.
      const journal = JSON.parse(
        fs.readFileSync(path.join(REPO_ROOT, 'apps/server/migrations/meta/_journal.json'), 'utf8'),
      ) as { entries: { tag: string }[] };
      const migrations = await client.query<{ tag: string }>('select tag from yidan_migrations order by tag');
      expect(migrations.rows.map((r) => r.tag)).toEqual(journal.entries.map((e) => e.tag).sort());
      const vendors = await client.query<{ n: number }>(
        `select count(*)::int as n from vendors where login_key = 'default'`,
      );
      expect(vendors.rows[0]?.n).toBe(1);
      const admins = await client.query<{ n: number }>(
        `select count(*)::int as n from agents where account = 'admin'`,
      );
      expect(admins.rows[0]?.n).toBe(1);
    } finally {
      await client.end();
    }

    // The admin created by whichever node won the bootstrap can sign in on both.
    await loginAdmin(nodeA!);
    await loginAdmin(nodeB!);
  });

  it('a notification posted on node A reaches the agent socket on node B (Redis adapter)', async () => {
    const { me, headers } = await loginAdmin(nodeA!);
    const created = await api(nodeA!, 'POST', '/api/v1/api-tokens', { body: { name: 'multinode' }, headers });
    expect(created.status, created.text).toBe(201);
    const { token } = created.json() as { token: string };

    // The token works on the other node too (same database).
    const meOnB = await api(nodeB!, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(meOnB.status, meOnB.text).toBe(200);
    expect(meOnB.json().agent.id).toBe(me.agent.id);

    const socket = await connectAgentSocket(nodeB!, token);
    const title = `跨节点通知 ${Date.now()}`;
    const received = new Promise<{ notification: { title: string }; unread: number }>((resolve) => {
      socket.on('notification.created', (payload: { notification: { title: string }; unread: number }) => {
        if (payload.notification.title === title) resolve(payload);
      });
    });

    const posted = await api(nodeA!, 'POST', '/api/v1/notifications', {
      body: { agentIds: [me.agent.id], title, body: 'from node A' },
      headers,
    });
    expect(posted.status, posted.text).toBe(201);
    expect(posted.json().scheduled).toBe(false);

    const payload = await received;
    expect(payload.notification.title).toBe(title);
    expect(payload.unread).toBeGreaterThanOrEqual(1);
  });
});
