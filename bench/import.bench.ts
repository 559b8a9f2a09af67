import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createVendor } from '../apps/server/src/modules/vendors/service.js';
import { loadConfig } from '../apps/server/src/platform/config.js';
import * as schema from '../apps/server/src/platform/db/schema.js';
import { type Running, startServer } from '../apps/server/src/server.js';
import { multipart } from '../apps/server/test/fixtures/transfers.js';
import type { Benchmark } from './harness.js';

/**
 * A 50,000-row customer spreadsheet (a company and its contact per row, Chinese names, phones,
 * dates) imported through the real path: multipart upload, pg-boss job, chunked upsert. Next to
 * it, in the same database and run, the raw cost of writing the same rows with plain multi-row
 * INSERTs into scratch tables. Targets (issue 3): under 60 s on PGlite, 30 s on PostgreSQL,
 * peak memory under 500 MB.
 */
const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 50_000);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
];
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '西安', '南京', '重庆'];
const TRADES = ['软件', '财务', '贸易', '科技', '商贸', '信息', '网络', '电子'];

function row(i: number) {
  const city = CITIES[i % CITIES.length]!;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return [
    `${city}${TRADES[i % TRADES.length]}第${i + 1}号有限公司`,
    `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
    `13${String(100_000_000 + i).padStart(9, '0')}`,
    `2027-${month}-${day}`,
    i % 4 === 0 ? 'VIP服务包' : '标准服务包',
  ];
}

async function makeFile(file: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('客户');
  ws.addRow(['公司名称', '联系人', '手机', '服务到期', '服务包']).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
}

/**
 * Seconds and peak RSS while `work` runs (sampled every 50 ms), and the peak's growth over the
 * RSS before it: the idle server with embedded PGlite already holds several hundred MB.
 */
async function measure<T>(work: () => Promise<T>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      peakMb: peak / 2 ** 20,
      growthMb: (peak - before) / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

async function importThroughJob(running: Running, data: Buffer, vendors: number[]) {
  const { vendor } = await createVendor(running.deps.db, {
    name: '导入基准',
    adminPassword: 'bench-admin-password',
    loginKey: `imp${Date.now().toString(36)}`,
  });
  vendors.push(vendor.id);
  const login = await running.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { account: 'admin', password: 'bench-admin-password', vendor: vendor.loginKey },
  });
  const sid = login.cookies.find((c) => c.name === 'yidan_sid')!.value;
  const headers = { 'x-csrf-token': login.json().csrfToken };
  const body = multipart({ entity: 'companies' }, { name: 'customers.xlsx', data });
  const posted = await running.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    cookies: { yidan_sid: sid },
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
  if (posted.statusCode !== 202) throw new Error(`upload failed: ${posted.statusCode} ${posted.body}`);
  const id = posted.json().id as number;
  for (;;) {
    const status = (
      await running.app.inject({ url: `/api/v1/imports/${id}`, cookies: { yidan_sid: sid } })
    ).json();
    if (status.status === 'done' || status.status === 'failed') return status;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The same rows with plain multi-row INSERTs (500 per transaction) into scratch tables: the floor. */
async function rawInserts(running: Running) {
  const db = running.deps.db;
  await db.execute(sql`drop table if exists bench_raw_contacts, bench_raw_companies`);
  await db.execute(
    sql`create table bench_raw_companies (id bigint generated always as identity primary key, name text not null, service_end date, package text)`,
  );
  await db.execute(
    sql`create table bench_raw_contacts (id bigint generated always as identity primary key, company_id bigint not null, name text not null, mobile text unique)`,
  );
  for (let start = 0; start < ROWS; start += 500) {
    const rows = Array.from({ length: Math.min(500, ROWS - start) }, (_, k) => row(start + k));
    await db.transaction(async (tx) => {
      const ids = await tx.execute<{ id: number }>(
        sql`insert into bench_raw_companies (name, service_end, package) values ${sql.join(
          rows.map((r) => sql`(${r[0]}, ${r[3]}::date, ${r[4]})`),
          sql`, `,
        )} returning id`,
      );
      await tx.execute(
        sql`insert into bench_raw_contacts (company_id, name, mobile) values ${sql.join(
          rows.map((r, k) => sql`(${ids.rows[k]!.id}, ${r[1]}, ${r[2]})`),
          sql`, `,
        )}`,
      );
    });
  }
  await db.execute(sql`drop table bench_raw_contacts, bench_raw_companies`);
}

function line(label: string, m: { seconds: number; peakMb: number; growthMb: number }, rawSeconds: number) {
  return {
    '': label,
    seconds: m.seconds.toFixed(1),
    'rows/s': Math.round(ROWS / m.seconds),
    'peak RSS MB': m.peakMb.toFixed(0),
    'RSS growth MB': m.growthMb.toFixed(0),
    '÷ raw (time)': (m.seconds / rawSeconds).toFixed(2),
  };
}

async function runOn(label: string, databaseUrl: string | null, data: Buffer) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yidan-import-bench-'));
  const running = await startServer(
    loadConfig(
      { DATA_DIR: dataDir, LOG_LEVEL: 'silent', JOBS: 'true', ADMIN_PASSWORD: 'bench-admin-password' },
      { databaseUrl },
    ),
    { listen: false, logger: false },
  );
  const vendors: number[] = [];
  try {
    const raw = await measure(() => rawInserts(running));
    const job = await measure(() => importThroughJob(running, data, vendors));
    if (job.result.status !== 'done' || job.result.imported + job.result.updated !== ROWS) {
      throw new Error(`import did not complete: ${JSON.stringify(job.result)}`);
    }
    return [
      line(`${label}: raw INSERTs`, raw, raw.seconds),
      line(`${label}: import job (upload → done)`, job, raw.seconds),
    ];
  } finally {
    // A shared PostgreSQL keeps nothing of the run.
    for (const id of vendors) await running.deps.db.delete(schema.vendors).where(eq(schema.vendors.id, id));
    await running.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const benchmark: Benchmark = {
  name: 'import',
  description: `${ROWS.toLocaleString('en-US')}-row xlsx import (company + contact per row) through the job vs raw multi-row INSERTs`,
  async run() {
    const file = path.join(os.tmpdir(), `yidan-import-bench-${process.pid}.xlsx`);
    await makeFile(file);
    const data = fs.readFileSync(file);
    fs.rmSync(file, { force: true });
    console.log(`  file: ${(data.length / 2 ** 20).toFixed(1)} MB, ${ROWS.toLocaleString('en-US')} rows`);
    const rows = await runOn('PGlite', null, data);
    const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
    if (pgUrl) rows.push(...(await runOn('PostgreSQL', pgUrl, data)));
    console.table(rows);
  },
};

export default benchmark;
