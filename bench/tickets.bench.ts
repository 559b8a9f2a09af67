import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { ticketContext } from '../apps/server/src/modules/tickets/context.js';
import { listTicketRows } from '../apps/server/src/modules/tickets/list.js';
import { presentTickets } from '../apps/server/src/modules/tickets/presenter.js';
import { createTicket } from '../apps/server/src/modules/tickets/service.js';
import { segment } from '../apps/server/src/modules/tickets/text.js';
import { loadActor } from '../apps/server/src/platform/auth/actor.js';
import type { Benchmark } from './harness.js';

const TICKETS = 100_000;
const SAMPLES = 300;
const SUBJECTS = [
  '金蝶KIS 凭证无法过账',
  '用友T+ 登录提示服务已到期',
  '管家婆 库存数量为负',
  '打印发票格式错位',
  '年结后报表取数为空',
  '数据库备份失败',
  '银行对账单导入失败',
  '客户端连接服务器超时',
];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function time(samples: number, fn: (i: number) => Promise<unknown>) {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await fn(i);
    values.push(performance.now() - t);
  }
  const s = values.sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99) };
}

/**
 * The ticket workspace's hot paths at 100,000 tickets: a page of unresolved tickets, a Chinese
 * full-text search, and creating a ticket (number, validation, timeline) — each against the raw
 * SQL doing the same read or insert without the service around it.
 */
const benchmark: Benchmark = {
  name: 'tickets',
  description: `ticket list, search and create at ${TICKETS.toLocaleString('en-US')} tickets vs raw SQL`,
  async run(h) {
    const yidan = await h.yidan();
    const db = yidan.running.deps.db;
    const started = performance.now();
    const segmented = SUBJECTS.map((s) => segment(s).join(' '));
    await db.execute(sql`
      insert into tickets (vendor_id, number, subject, status, priority, updated_at, created_at, search)
      select 1, i, (${sql.raw(`array[${SUBJECTS.map((s) => `'${s}'`).join(',')}]`)})[1 + i % ${SUBJECTS.length}],
        (array['new','open','pending','solved','closed'])[1 + i % 5],
        (array['low','normal','high','urgent'])[1 + i % 4],
        now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval,
        to_tsvector('simple', (${sql.raw(`array[${segmented.map((s) => `'${s}'`).join(',')}]`)})[1 + i % ${SUBJECTS.length}])
      from generate_series(1, ${TICKETS}) i`);
    await db.execute(sql`insert into ticket_counters (vendor_id, last) values (1, ${TICKETS})`);
    await db.execute(sql`analyze`);
    console.log(
      `  seeded ${TICKETS.toLocaleString('en-US')} tickets in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const actor = await loadActor(db, 1, 1);
    if (!actor) throw new Error('no admin');
    const ctx = await ticketContext(db, actor);
    const deps = { db, events: yidan.running.deps.events };
    const sort = { field: 'updatedAt', direction: 'desc' as const };
    const rows = [
      {
        label: 'raw: 50 unresolved by updated_at',
        ...(await time(SAMPLES, () =>
          db.execute(
            sql`select * from tickets where vendor_id = 1 and status in ('new','open','pending') order by updated_at desc, id desc limit 51`,
          ),
        )),
      },
      {
        label: 'list: 50 unresolved (+names)',
        ...(await time(SAMPLES, async () => {
          const page = await listTicketRows(db, ctx, { unresolved: true, sort, limit: 50 });
          await presentTickets(db, ctx, page.rows);
        })),
      },
      {
        label: 'raw: tsquery 过账',
        ...(await time(SAMPLES, () =>
          db.execute(
            sql`select * from tickets where vendor_id = 1 and search @@ to_tsquery('simple', '过账') order by updated_at desc, id desc limit 51`,
          ),
        )),
      },
      {
        label: 'search: q=过账 (jieba)',
        ...(await time(SAMPLES, () => listTicketRows(db, ctx, { q: '过账', sort, limit: 50 }))),
      },
      {
        label: 'raw: insert a ticket',
        ...(await time(SAMPLES, (i) =>
          db.execute(
            sql`insert into tickets (vendor_id, number, subject) values (1, ${TICKETS * 10 + i}, '原始插入')`,
          ),
        )),
      },
      {
        label: 'create: createTicket',
        ...(await time(SAMPLES, (i) =>
          createTicket(deps, ctx, {
            subject: `基准工单 ${i} 凭证无法过账`,
            description: '<p>客户反馈无法过账</p>',
          }),
        )),
      },
    ];
    console.log(`\n  in-process, ${SAMPLES} runs each (ms)`);
    for (let i = 0; i < rows.length; i += 2) {
      const raw = rows[i];
      const ours = rows[i + 1];
      if (!raw || !ours) continue;
      for (const r of [raw, ours])
        console.log(
          `  ${r.label.padEnd(34)} p50 ${r.p50.toFixed(2).padStart(7)}  p99 ${r.p99.toFixed(2).padStart(7)}  ×raw p50 ${(r.p50 / raw.p50).toFixed(1)}`,
        );
    }
  },
};

export default benchmark;
