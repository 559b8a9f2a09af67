import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Benchmark, LoadResult } from './harness.js';

/**
 * The ticket workspace on PostgreSQL at 1,000,000 tickets over 100 vendors (100,000 in the tested
 * one): the first page of the system view 所有未解决 and the sidebar view counts through the API
 * (targets p95 < 50 ms and < 200 ms), and ticket creation through the API under load (target
 * ≥ 500 tickets/s) — each next to the raw indexed SQL doing the same read or insert.
 */
const TOTAL = 1_000_000;
const VENDORS = 100;
const TESTED = 100_000;
const CONTACTS = 1_000;
const PAGE_SAMPLES = 200;
const COUNT_SAMPLES = 60;
const UNRESOLVED = `('new','open','pending')`;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function time(samples: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn();
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await fn();
    values.push(performance.now() - t);
  }
  const s = values.sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
}

/** `workers` concurrent loops of `fn` for `seconds`: completed calls per second. */
async function rate(workers: number, seconds: number, fn: () => Promise<unknown>) {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        await fn();
        done++;
      }
    }),
  );
  return { rps: done / ((performance.now() - started) / 1000), total: done };
}

const benchmark: Benchmark = {
  name: 'tickets-pg',
  description: `PostgreSQL, ${TOTAL.toLocaleString('en-US')} tickets / ${VENDORS} vendors: view 所有未解决 page + view counts, API ticket creation vs raw SQL`,
  async run(h) {
    const yidan = await h.yidanPg();
    const pool = new pg.Pool({ connectionString: yidan.databaseUrl!, max: 10 });
    try {
      // Signs in before the other vendors exist (with several, login asks which one).
      const session = await yidan.login();
      const token = await yidan.apiToken(session);
      const started = performance.now();
      await pool.query(
        `insert into vendors (name, login_key) select 'bench vendor ' || v, 'benchv' || v from generate_series(2, ${VENDORS}) v`,
      );
      const vendorIds = (await pool.query<{ id: string }>('select id from vendors order by id')).rows.map(
        (r) => Number(r.id),
      );
      if (vendorIds.length !== VENDORS || vendorIds[0] !== 1) throw new Error(`vendors: ${vendorIds}`);
      await pool.query(
        `insert into contacts (vendor_id, name, mobile) select 1, '联系人' || i, '139' || lpad(i::text, 8, '0') from generate_series(1, ${CONTACTS}) i`,
      );
      const contactIds = (
        await pool.query<{ id: string }>('select id from contacts where vendor_id = 1 order by id')
      ).rows.map((r) => Number(r.id));
      // Vendor 1 holds the first 100,000; the rest spread over vendors 2…100. 60 % unresolved.
      await pool.query(`
        insert into tickets (vendor_id, number, subject, status, priority, contact_id, updated_at, created_at)
        select v, i, '工单 ' || i || ' 凭证无法过账',
          (array['new','open','pending','solved','closed'])[1 + i % 5],
          (array['low','normal','high','urgent'])[1 + i % 4],
          case when v = 1 then ${contactIds[0]} + i % ${CONTACTS} end,
          now() - (i % 500000 || ' minutes')::interval, now() - (i % 500000 || ' minutes')::interval
        from (select i, case when i <= ${TESTED} then 1 else ${vendorIds[1]} + i % ${VENDORS - 1} end as v
              from generate_series(1, ${TOTAL}) i) s`);
      await pool.query(
        `insert into ticket_counters (vendor_id, last) select id, ${TOTAL} from vendors on conflict (vendor_id) do update set last = excluded.last`,
      );
      await pool.query('analyze');
      console.log(
        `  seeded ${TOTAL.toLocaleString('en-US')} tickets (${TESTED.toLocaleString('en-US')} in vendor 1) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );

      const auth = { authorization: `Bearer ${token}` };
      const get = async (url: string) => {
        const res = await fetch(`${yidan.baseUrl}${url}`, { headers: auth });
        if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
        return res.json();
      };

      // 1. The view 所有未解决: first page and the sidebar counts.
      const page = (await get('/api/v1/tickets?viewId=sys:unresolved&limit=50')) as { items: unknown[] };
      const counts = (await get('/api/v1/ticket-views/counts')) as { counts: Record<string, number> };
      console.log(
        `  page: ${page.items.length} items; counts over ${Object.keys(counts.counts).length} views: ${JSON.stringify(counts.counts)}`,
      );
      const reads = [
        {
          label: 'raw: 50 unresolved by updated_at',
          target: null,
          ...(await time(PAGE_SAMPLES, () =>
            pool.query(
              `select * from tickets where vendor_id = 1 and status in ${UNRESOLVED} order by updated_at desc, id desc limit 51`,
            ),
          )),
        },
        {
          label: 'GET /tickets?viewId=sys:unresolved',
          target: 50,
          ...(await time(PAGE_SAMPLES, () => get('/api/v1/tickets?viewId=sys:unresolved&limit=50'))),
        },
        {
          label: 'raw: count unresolved',
          target: null,
          ...(await time(COUNT_SAMPLES, () =>
            pool.query(`select count(*) from tickets where vendor_id = 1 and status in ${UNRESOLVED}`),
          )),
        },
        {
          label: 'GET /ticket-views/counts',
          target: 200,
          ...(await time(COUNT_SAMPLES, () => get('/api/v1/ticket-views/counts'))),
        },
      ];
      console.log('\n  sequential requests, ms (HTTP with a Bearer token; raw over a pg Pool)');
      for (const r of reads)
        console.log(
          `  ${r.label.padEnd(38)} p50 ${r.p50.toFixed(2).padStart(7)}  p95 ${r.p95.toFixed(2).padStart(7)}  p99 ${r.p99.toFixed(2).padStart(7)}${
            r.target === null ? '' : `  target p95 < ${r.target} ms: ${r.p95 < r.target ? 'met' : 'NOT met'}`
          }`,
        );

      // 2. Creating tickets: raw parameterised INSERTs vs POST /api/v1/tickets, 10 at a time, 5 s.
      let n = TOTAL * 10;
      const raw = await rate(10, 5, () => {
        n++;
        return pool.query(
          'insert into tickets (vendor_id, number, subject, contact_id) values (1, $1, $2, $3)',
          [n, `原始插入 ${n}`, contactIds[n % CONTACTS]],
        );
      });
      const before = Number(
        (await pool.query('select count(*) from tickets where vendor_id = 1')).rows[0].count,
      );
      const api = await h.load({
        label: 'POST /api/v1/tickets, bearer',
        url: `${yidan.baseUrl}/api/v1/tickets`,
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ subject: '基准工单 凭证无法过账', contactId: contactIds[7] }),
      });
      const after = Number(
        (await pool.query('select count(*) from tickets where vendor_id = 1')).rows[0].count,
      );
      const rawRow: LoadResult = {
        label: 'raw: INSERT over pg Pool (10 workers)',
        rps: raw.rps,
        p50: 0,
        p99: 0,
        errors: 0,
        total: raw.total,
      };
      h.report(
        'ticket creation (10 concurrent, 5 s measured; API also 1 s warm-up)',
        [rawRow, api],
        rawRow.label,
      );
      console.log(
        `  tickets created by the API run (warm-up + measured): ${after - before}; ${Math.round(api.rps)} tickets/s, target ≥ 500/s: ${api.rps >= 500 ? 'met' : 'NOT met'}`,
      );
    } finally {
      await pool.end();
    }
  },
};

export default benchmark;
