/**
 * Benchmark harness: starts the real server and raw baselines in this process, generates load
 * with autocannon in a worker thread (so the load generator does not share the servers' event
 * loop), and prints results as a table. Benchmarks are the `*.bench.ts` files next to this one.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/platform/config.js';
import { type Running, startServer } from '../apps/server/src/server.js';

export interface Benchmark {
  /** Short name, used to pick it on the command line: `npm run bench -- <name>`. */
  name: string;
  description: string;
  run(h: Harness): Promise<void>;
}

export interface LoadOptions {
  /** Label in the results table. */
  label: string;
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  /** Seconds of measured load (default 5). */
  duration?: number;
  /** Seconds of unmeasured load before it (default 1). */
  warmup?: number;
  /** Concurrent keep-alive connections (default 10). */
  connections?: number;
}

export interface LoadResult {
  label: string;
  /** Mean requests per second over the measured seconds. */
  rps: number;
  p50: number;
  p99: number;
  /** Requests that failed or answered something other than 2xx. */
  errors: number;
  total: number;
}

export interface YidanInstance {
  running: Running;
  baseUrl: string;
  adminPassword: string;
  /** The PostgreSQL database it runs on (null: embedded PGlite). */
  databaseUrl: string | null;
  /** Signs in as `account` and returns the session cookie and CSRF token. */
  login(account?: string, password?: string): Promise<{ cookie: string; csrf: string }>;
  /** Creates an API token for the signed-in agent. */
  apiToken(session: { cookie: string; csrf: string }, name?: string): Promise<string>;
}

const ADMIN_PASSWORD = 'bench-admin-password';

export class Harness {
  private readonly closers: (() => Promise<void>)[] = [];
  private yidanInstance: Promise<YidanInstance> | null = null;
  private bareInstance: Promise<string> | null = null;
  private pgInstance: Promise<YidanInstance> | null = null;

  /**
   * The real server (shared by the benchmarks of one run): listening on a free port, embedded
   * PGlite in a temporary directory, no logs, no job workers.
   */
  yidan(): Promise<YidanInstance> {
    this.yidanInstance ??= this.startYidan();
    return this.yidanInstance;
  }

  /**
   * The real server on PostgreSQL (shared by the benchmarks of one run): a fresh database
   * `yidan_bench_<ts>` on the server of BENCH_PG_URL / TEST_DATABASE_URL / DATABASE_URL (default
   * the local postgres@127.0.0.1:5432), dropped again when the run ends.
   */
  yidanPg(): Promise<YidanInstance> {
    this.pgInstance ??= (async () => {
      const adminUrl = new URL(
        process.env.BENCH_PG_URL ||
          process.env.TEST_DATABASE_URL ||
          process.env.DATABASE_URL ||
          'postgres://postgres@127.0.0.1:5432/postgres',
      );
      const name = `yidan_bench_${Date.now()}`;
      const admin = new pg.Client({ connectionString: adminUrl.href });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      this.closers.push(async () => {
        // BENCH_PG_KEEP=1 keeps the seeded database for EXPLAIN ANALYZE afterwards.
        if (process.env.BENCH_PG_KEEP) return console.log(`  kept database ${name}`);
        const c = new pg.Client({ connectionString: adminUrl.href });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      });
      const url = new URL(adminUrl.href);
      url.pathname = `/${name}`;
      return this.startYidan(url.href);
    })();
    return this.pgInstance;
  }

  private async startYidan(databaseUrl: string | null = null): Promise<YidanInstance> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yidan-bench-'));
    const config = loadConfig(
      {
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        JOBS: 'false',
        ADMIN_PASSWORD,
        NODE_ENV: 'production',
      },
      { databaseUrl },
    );
    const running = await startServer(config);
    this.closers.push(async () => {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const baseUrl = `http://127.0.0.1:${(running.app.server.address() as AddressInfo).port}`;
    return {
      running,
      baseUrl,
      adminPassword: ADMIN_PASSWORD,
      databaseUrl,
      async login(account = 'admin', password = ADMIN_PASSWORD) {
        const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ account, password }),
        });
        if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
        const sid = /yidan_sid=([^;]+)/.exec(res.headers.getSetCookie().join('\n'))?.[1];
        if (!sid) throw new Error('login did not set yidan_sid');
        const me = (await res.json()) as { csrfToken: string };
        return { cookie: `yidan_sid=${sid}`, csrf: me.csrfToken };
      },
      async apiToken(session, name = 'bench') {
        const res = await fetch(`${baseUrl}/api/v1/api-tokens`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: session.cookie,
            'x-csrf-token': session.csrf,
          },
          body: JSON.stringify({ name }),
        });
        if (res.status !== 201) throw new Error(`api token failed: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { token: string }).token;
      },
    };
  }

  /** The raw baseline: a bare Fastify 5 app with one JSON route (`GET /`), no plugins, no logger. */
  bareFastify(): Promise<string> {
    this.bareInstance ??= (async () => {
      const app = Fastify({ logger: false });
      app.get('/', async () => ({ hello: 'world' }));
      await app.listen({ port: 0, host: '127.0.0.1' });
      this.closers.push(() => app.close());
      return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    })();
    return this.bareInstance;
  }

  /** Checks once that the request succeeds, warms up, then measures. */
  async load(opts: LoadOptions): Promise<LoadResult> {
    const check = await fetch(opts.url, {
      method: opts.method ?? 'GET',
      headers: opts.headers ?? {},
      ...(opts.body === undefined ? {} : { body: opts.body }),
    });
    if (check.status < 200 || check.status >= 300) {
      throw new Error(`${opts.label}: ${opts.url} answered ${check.status}: ${await check.text()}`);
    }
    const base = {
      url: opts.url,
      method: opts.method ?? 'GET',
      headers: opts.headers ?? {},
      connections: opts.connections ?? 10,
      workers: 1,
      ...(opts.body === undefined ? {} : { body: opts.body }),
    };
    const warmup = opts.warmup ?? 1;
    if (warmup > 0) await autocannon({ ...base, duration: warmup });
    const r = await autocannon({ ...base, duration: opts.duration ?? 5 });
    return {
      label: opts.label,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts + r.non2xx,
      total: r.requests.total,
    };
  }

  /** Prints a table; `baseline` (a label) adds a column with each row's req/s relative to it. */
  report(title: string, rows: LoadResult[], baseline?: string) {
    const base = rows.find((r) => r.label === baseline);
    const table = rows.map((r) => ({
      '': r.label,
      'req/s': Math.round(r.rps).toLocaleString('en-US'),
      // autocannon records latency in whole milliseconds.
      'p50 ms': String(r.p50),
      'p99 ms': String(r.p99),
      ...(base ? { [`÷ ${base.label}`]: (r.rps / base.rps).toFixed(3) } : {}),
      errors: r.errors,
    }));
    console.log(`\n${title}`);
    console.log(formatTable(table));
  }

  async close() {
    for (const close of this.closers.reverse()) await close();
    this.closers.length = 0;
  }
}

function formatTable(rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return '(no rows)';
  const cols = Object.keys(rows[0]!);
  const cells = [cols, ...rows.map((r) => cols.map((c) => String(r[c] ?? '')))];
  const widths = cols.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

export function machineSummary() {
  const cpus = os.cpus();
  return `node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${os.platform()} ${os.arch()}`;
}
