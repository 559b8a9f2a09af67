/**
 * A notification scheduled for later is a job in the database, not a timer in the process: the
 * server that accepted it stops, a new one starts on the same data and delivers it, exactly once.
 *
 * Embedded PGlite in a temporary directory on disk, or, with TEST_DATABASE_URL set, a fresh
 * PostgreSQL database created for this file and dropped after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../multinode/support.js';
import { loadConfig } from '../src/platform/config.js';
import { type Running, startServer } from '../src/server.js';
import { login } from '../test/harness.js';

const ADMIN_PASSWORD = 'jobs-restart-admin-pw';
const SCHEDULED_QUEUE = 'notifications.scheduled';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dataDir: string;
let pgDatabase: FreshDatabase | null = null;
const running: Running[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yidan-jobs-restart-'));
  if (process.env.TEST_DATABASE_URL) {
    pgDatabase = await createFreshDatabase(process.env.TEST_DATABASE_URL, 'yidan_jobs');
  }
});

afterAll(async () => {
  for (const r of running) await r.close();
  await pgDatabase?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<Running> {
  const config = loadConfig(
    { DATA_DIR: dataDir, LOG_LEVEL: 'silent', JOBS: 'true', ADMIN_PASSWORD },
    { databaseUrl: pgDatabase?.url ?? null },
  );
  const r = await startServer(config, { listen: false, logger: false });
  running.push(r);
  return r;
}

async function stop(r: Running) {
  await r.close();
  running.splice(running.indexOf(r), 1);
}

/** The pg-boss states of the scheduled-notification jobs whose payload has this title. */
async function jobStates(r: Running, title: string): Promise<string[]> {
  const { rows } = await r.deps.database.sql.executeSql(
    `select state::text as state from pgboss.job where name = $1 and data->>'title' = $2`,
    [SCHEDULED_QUEUE, title],
  );
  return rows.map((row) => String(row.state));
}

describe('scheduled notifications across a restart', () => {
  it('a notification scheduled before a restart is delivered once by the next server', async () => {
    const first = await start();
    const admin = await login(first, 'default', 'admin', ADMIN_PASSWORD);
    const title = `重启后的提醒 ${Date.now()}`;
    const sendAt = new Date(Date.now() + 4_000).toISOString();
    const res = await admin.post('/api/v1/notifications', { agentIds: [admin.agentId], title, sendAt });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ items: [], scheduled: true });
    await stop(first);

    const second = await start();
    // Sessions live in the database too: the same admin signs in again on the new process.
    const again = await login(second, 'default', 'admin', ADMIN_PASSWORD);
    const deadline = Date.now() + 30_000;
    let delivered: { id: number; title: string }[] = [];
    let states: string[] = [];
    // Wait until the notification is there and its job is finished, so a retry could not add another.
    while (Date.now() < deadline) {
      const list = await again.get('/api/v1/notifications?limit=100');
      expect(list.statusCode, list.body).toBe(200);
      delivered = (list.json().items as { id: number; title: string }[]).filter((n) => n.title === title);
      states = await jobStates(second, title);
      if (delivered.length > 0 && states.length > 0 && states.every((s) => s === 'completed')) break;
      await sleep(250);
    }
    expect(delivered, `not delivered within 30 s; job states: ${states.join(', ') || 'none'}`).toHaveLength(
      1,
    );
    expect(states).toEqual(['completed']);
  }, 60_000);
});
