import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { presentContext } from '../apps/server/src/modules/customers/context.js';
import { identify } from '../apps/server/src/modules/customers/identify.js';
import { loadActor } from '../apps/server/src/platform/auth/actor.js';
import type { Benchmark } from './harness.js';

const CONTACTS = 100_000;
const SAMPLES = 5_000;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * GET /api/v1/identify at 100,000 contacts (target: under 5 ms p99): the identify service
 * in-process and over HTTP, against a raw primary-key lookup of the same identity table.
 */
const benchmark: Benchmark = {
  name: 'identify',
  description: `identify a caller by mobile among ${CONTACTS.toLocaleString('en-US')} contacts vs a raw primary-key lookup`,
  async run(h) {
    const yidan = await h.yidan();
    const db = yidan.running.deps.db;
    const started = performance.now();
    // Seed with set-based SQL: half the contacts belong to companies with a service period.
    await db.execute(sql`
      insert into companies (vendor_id, name, service_end, package)
      select 1, '基准客户公司' || i, (current_date + ((i % 400) - 100))::date, 'VIP服务包'
      from generate_series(1, ${CONTACTS / 2}) i`);
    await db.execute(sql`
      insert into contacts (vendor_id, company_id, name, mobile)
      select 1, c.id, '联系人' || g.i, '139' || lpad(g.i::text, 8, '0')
      from generate_series(1, ${CONTACTS}) g(i)
      join companies c on c.vendor_id = 1 and c.name = '基准客户公司' || (1 + (g.i % ${CONTACTS / 2}))`);
    await db.execute(sql`
      insert into identities (vendor_id, kind, value, contact_id)
      select vendor_id, 'mobile', mobile, id from contacts where vendor_id = 1 and mobile like '139%'`);
    await db.execute(sql`analyze`);
    console.log(
      `  seeded ${CONTACTS.toLocaleString('en-US')} contacts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const phone = (i: number) => `139${String(1 + ((i * 7919) % CONTACTS)).padStart(8, '0')}`;
    const actor = (await loadActor(db, 1, 1))!;
    const ctx = await presentContext(db, actor);
    const timings = { raw: [] as number[], service: [] as number[] };
    for (let i = 0; i < SAMPLES; i++) {
      let t = performance.now();
      await db.execute(
        sql`select contact_id from identities where vendor_id = 1 and kind = 'mobile' and value = ${phone(i)}`,
      );
      timings.raw.push(performance.now() - t);
      t = performance.now();
      const hit = await identify(db, ctx, { mobile: phone(i + 1) });
      timings.service.push(performance.now() - t);
      if (!hit.contact) throw new Error(`no contact for ${phone(i + 1)}`);
    }
    const rows = Object.entries(timings).map(([label, values]) => {
      const s = [...values].sort((a, b) => a - b);
      return { label, p50: percentile(s, 50), p99: percentile(s, 99) };
    });
    const raw = rows[0]!;
    console.log(`\n  in-process, ${SAMPLES.toLocaleString('en-US')} lookups each (ms)`);
    for (const r of rows) {
      console.log(
        `  ${r.label.padEnd(28)} p50 ${r.p50.toFixed(3).padStart(7)}  p99 ${r.p99.toFixed(3).padStart(7)}  ×raw p99 ${(r.p99 / raw.p99).toFixed(1)}`,
      );
    }
    const service = rows[1]!;
    console.log(
      `  target: identify p99 < 5 ms → ${service.p99 < 5 ? 'met' : 'NOT met'} (${service.p99.toFixed(2)} ms)`,
    );

    const session = await yidan.login();
    const results = [
      await h.load({
        label: 'GET /api/v1/identify',
        url: `${yidan.baseUrl}/api/v1/identify?mobile=${phone(42)}`,
        headers: { cookie: session.cookie },
        connections: 1,
      }),
      await h.load({
        label: 'GET /api/v1/me',
        url: `${yidan.baseUrl}/api/v1/me`,
        headers: { cookie: session.cookie },
        connections: 1,
      }),
    ];
    h.report('over HTTP, one connection (latency includes auth and JSON)', results, results[1]!.label);
  },
};

export default benchmark;
