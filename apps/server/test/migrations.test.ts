import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import { TEST_DATABASE_URL } from './harness.js';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../../..');
const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

async function tenantTablesAreKeyedByVendor(db: Awaited<ReturnType<typeof openDatabase>>['db']) {
  // Every table with a vendor_id column has a primary key that starts with vendor_id
  // (business_hours is one row per vendor: its key is vendor_id alone).
  const rows = await db.execute<{ table_name: string; first_key: string | null }>(sql`
    select c.table_name,
      (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
        where i.indrelid = ('public.' || c.table_name)::regclass and i.indisprimary) as first_key
    from information_schema.columns c
    where c.table_schema = 'public' and c.column_name = 'vendor_id'`);
  return rows.rows;
}

describe('migrations', () => {
  it('apply from empty on PGlite, are idempotent, and key every tenant table by vendor_id', async () => {
    const database = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    try {
      const applied = await migrate(database.db);
      expect(applied.length).toBeGreaterThan(0);
      expect(await migrate(database.db)).toEqual([]);
      const tables = await tenantTablesAreKeyedByVendor(database.db);
      expect(tables.length).toBeGreaterThan(8);
      for (const t of tables) expect(t.first_key, t.table_name).toBe('vendor_id');
    } finally {
      await database.close();
    }
  }, 120_000); // every migration from empty on PGlite (WASM): slow when the machine is busy

  it('apply from empty on PostgreSQL (a fresh database) when TEST_DATABASE_URL is set', async () => {
    if (!TEST_DATABASE_URL) {
      // PGlite-only run: the PostgreSQL suite in .ci/run covers this case.
      expect(TEST_DATABASE_URL).toBeNull();
      return;
    }
    const name = `yidan_mig_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
      try {
        // Two nodes migrating at once: the advisory lock makes one wait for the other.
        const [x, y] = await Promise.all([migrate(database.db), migrate(database.db)]);
        expect([...x, ...y].sort()).toEqual([...new Set([...x, ...y])].sort());
        expect(await migrate(database.db)).toEqual([]);
        for (const t of await tenantTablesAreKeyedByVendor(database.db))
          expect(t.first_key, t.table_name).toBe('vendor_id');
      } finally {
        await database.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('the vendor CLI creates vendors in the embedded database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yidan-cli-'));
    tmpDirs.push(dir);
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
    const created = await run(
      'npm',
      ['run', '--silent', 'vendor', '--', 'create', '--name', '杭州某某', '--admin-password', 'cli-admin-pw'],
      {
        cwd: repo,
        env,
      },
    );
    const vendor = JSON.parse(created.stdout.trim().split('\n').at(-1)!);
    expect(vendor).toMatchObject({ name: '杭州某某', admin: 'admin' });
    expect(vendor.loginKey).toMatch(/^[a-z0-9]{8}$/);
    const listed = await run('npm', ['run', '--silent', 'vendor', '--', 'list'], { cwd: repo, env });
    expect(listed.stdout).toContain(vendor.loginKey);
    await expect(
      run('npm', ['run', '--silent', 'vendor', '--', 'create', '--name', 'x', '--admin-password', 'short'], {
        cwd: repo,
        env,
      }),
    ).rejects.toMatchObject({
      code: 2,
    });
  }, 120_000); // three npm + tsx start-ups: slow on a loaded 2-core machine
});
