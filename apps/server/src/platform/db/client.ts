import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The query interface shared by PGlite and node-postgres; a transaction is one too. */
// biome-ignore lint/suspicious/noExplicitAny: both drivers' result kinds must fit
export type Db = PgDatabase<PgQueryResultHKT & any, Schema>;

/** Plain SQL access for libraries that bring their own SQL (pg-boss) and for health checks. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Runs `fn` holding a session-level advisory lock (PGlite has one connection: no lock needed). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  sql: SqlExecutor;
  close(): Promise<void>;
}

/** Opens the embedded PGlite database (directory or `memory://`) or a PostgreSQL pool. */
export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  let dir: string | undefined;
  if (dataDir !== 'memory://') {
    dir = `${dataDir}/pg`;
    fs.mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    sql: {
      async executeSql(text, values) {
        // Parameterless SQL may hold several statements (pg-boss migrations): use the simple protocol.
        if (!values || values.length === 0) {
          const results = await client.exec(text);
          const last = results.at(-1);
          return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
        }
        const r = await client.query<Record<string, unknown>>(text, values);
        return { rows: r.rows };
      },
      withAdvisoryLock: (_key, fn) => fn(),
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  await pool.query('select 1');
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    sql: {
      async executeSql(text, values) {
        const r = await pool.query(text, values as unknown[] | undefined);
        const last = Array.isArray(r) ? r.at(-1) : r;
        return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
      },
      async withAdvisoryLock(key, fn) {
        const conn = await pool.connect();
        try {
          await conn.query('select pg_advisory_lock($1)', [key]);
          try {
            return await fn();
          } finally {
            await conn.query('select pg_advisory_unlock($1)', [key]);
          }
        } finally {
          conn.release();
        }
      },
    },
    close: () => pool.end(),
  };
}
