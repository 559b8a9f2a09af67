import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { SlaScheduler } from '../apps/server/src/modules/sla/scheduler.js';
import type { Db } from '../apps/server/src/platform/db/client.js';
import type { Benchmark } from './harness.js';

/**
 * SLA deadlines fired on time: 100,000 pending deadlines (one per ticket, tickets created one after
 * another), due within 20 s, 5,000 sharing each whole second. 99 % are breaches (flag on the ticket +
 * an internal note in the timeline, in the transaction that stamps them fired), 1 % policy actions
 * (an in-app notification through the ticket service, BENCH_SLA_ACTION_EVERY). The lateness of
 * every firing is measured twice: fired_at − due_at (the stamp) and commit − due_at (when the effect
 * is visible: the 'ticket.changed' event after commit). Target: max ≤ 1 s. Then 10 s with nothing
 * due: the queries the scheduler issued and the process CPU time (target ~0). BENCH_SLA_DETAIL=1
 * prints the worst lateness per due second.
 *
 * Raw baselines in the same run: Node's own timers firing at the same instants (the event loop's
 * floor), and raw SQL — `UPDATE … RETURNING` of the same number of rows as they come due, no
 * effects — on the same database.
 *
 * PostgreSQL by default (BENCH_PG_URL …, see harness.ts); BENCH_SLA_DB=pglite runs it embedded.
 */
const TICKETS = Number(process.env.BENCH_SLA_TICKETS || 100_000);
const SPREAD_S = 20;
/** Seconds from writing the deadlines to the first of them (writing 100,000 rows takes a few). */
const LEAD_S = 15;
/** Every Nth deadline is a policy action (notification) instead of a breach. */
const ACTION_EVERY = Number(process.env.BENCH_SLA_ACTION_EVERY || 100);
const IDLE_S = 10;
/** Breach rows per firing transaction. */
const BATCH = Number(process.env.BENCH_SLA_BATCH || 1000);
/** Workers of each kind (PostgreSQL; PGlite has one connection). */
const CONCURRENCY = Number(
  process.env.BENCH_SLA_CONCURRENCY || (process.env.BENCH_SLA_DB === 'pglite' ? 1 : 2),
);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

function summary(label: string, values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return {
    '': label,
    n: s.length.toLocaleString('en-US'),
    'p50 ms': percentile(s, 50).toFixed(1),
    'p99 ms': percentile(s, 99).toFixed(1),
    'max ms': (s.at(-1) ?? 0).toFixed(1),
    '≤ 1 s': s.length && (s.at(-1) ?? 0) <= 1000 ? 'met' : 'NOT met',
  };
}

function printTable(rows: Record<string, string>[]) {
  const cols = Object.keys(rows[0]!);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  console.log(line(cols));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(cols.map((c) => r[c]!)));
}

const rowsOf = <T>(r: { rows: unknown[] }) => r.rows as T[];

/**
 * The instant of deadline i: LEAD_S + ⌊i · SPREAD_S / TICKETS⌋ whole seconds after `t0` — 5,000
 * deadlines at each whole second, of tickets created one after another (deadlines follow creation).
 */
const dueOf = (t0: number, i: number) => t0 + (LEAD_S + Math.floor((i * SPREAD_S) / TICKETS)) * 1000;

/** Raw baseline 1: Node timers at the same instants (the event loop's own lateness). */
async function timerBaseline(): Promise<number[]> {
  const t0 = Math.ceil(Date.now() / 1000) * 1000;
  const late: number[] = [];
  await new Promise<void>((done) => {
    let left = TICKETS;
    for (let i = 0; i < TICKETS; i++) {
      const due = dueOf(t0, i);
      setTimeout(() => {
        late.push(Date.now() - due);
        if (--left === 0) done();
      }, due - Date.now());
    }
  });
  return late;
}

/**
 * Raw baseline 2: the same rows in a bare table fired by plain SQL as they come due — sleep until
 * the next due_at, `UPDATE … SET fired_at = clock_timestamp() … RETURNING` in batches — no
 * effects, no tickets.
 */
async function sqlBaseline(db: Db): Promise<number[]> {
  await db.execute(sql`drop table if exists bench_sla_raw`);
  await db.execute(
    sql`create table bench_sla_raw (id bigint generated always as identity primary key, due_at timestamptz not null, fired_at timestamptz)`,
  );
  await db.execute(sql`create index bench_sla_raw_due on bench_sla_raw (due_at) where fired_at is null`);
  const t0 = Math.ceil(Date.now() / 1000) * 1000;
  await db.execute(sql`insert into bench_sla_raw (due_at)
    select to_timestamp((${t0}::bigint + (${LEAD_S} + i * ${SPREAD_S} / ${TICKETS}) * 1000) / 1000.0) from generate_series(0, ${TICKETS - 1}) i`);
  let fired = 0;
  while (fired < TICKETS) {
    const done = rowsOf<{ n: number }>(
      await db.execute(sql`with f as (update bench_sla_raw set fired_at = clock_timestamp()
        where id in (select id from bench_sla_raw where fired_at is null and due_at <= clock_timestamp()
                     order by due_at limit 5000 for update skip locked) returning 1)
        select count(*)::int as n from f`),
    )[0]!.n;
    fired += done;
    if (done > 0) continue;
    const next = rowsOf<{ at: string | Date | null }>(
      await db.execute(sql`select min(due_at) as at from bench_sla_raw where fired_at is null`),
    )[0]!.at;
    if (next) await new Promise((r) => setTimeout(r, Math.max(0, new Date(next).getTime() - Date.now())));
  }
  const late = rowsOf<{ ms: number }>(
    await db.execute(
      sql`select (extract(epoch from fired_at - due_at) * 1000)::float8 as ms from bench_sla_raw`,
    ),
  ).map((r) => Number(r.ms));
  await db.execute(sql`drop table bench_sla_raw`);
  return late;
}

/** The vendor's tickets, each with an SLA applied and one deadline due in the window. */
async function seed(db: Db, agentId: number) {
  const started = performance.now();
  const [policy] = rowsOf<{ id: number }>(
    await db.execute(sql`insert into sla_policies (vendor_id, title, targets, actions)
      values (1, '基准SLA', '{"normal":{"firstResponse":1}}',
        ${JSON.stringify([
          {
            metric: 'firstResponse',
            offsetMinutes: 0,
            actions: [
              { field: 'notify.agent', value: { to: [agentId], title: '工单 #{{ticket.number}} 已超时' } },
            ],
          },
        ])}::jsonb)
      returning id`),
  );
  const sla = JSON.stringify({
    policyId: policy!.id,
    policyTitle: '基准SLA',
    businessHours: false,
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    resolutionDueAt: null,
    breached: [],
    paused: false,
    metrics: [
      {
        metric: 'firstResponse',
        targetMinutes: 1,
        startedAt: new Date().toISOString(),
        dueAt: null,
        fulfilledAt: null,
        breached: false,
        paused: false,
        remainingMinutes: 1,
      },
    ],
    computedAt: new Date().toISOString(),
  });
  await db.execute(sql`insert into tickets (vendor_id, number, subject, status, sla_policy_id, sla)
    select 1, 1000000 + i, '基准工单 ' || i, 'open', ${policy!.id}, ${sla}::jsonb from generate_series(0, ${TICKETS - 1}) i`);
  console.log(
    `  seeded ${TICKETS.toLocaleString('en-US')} tickets in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return policy!.id;
}

const benchmark: Benchmark = {
  name: 'sla',
  description: `${TICKETS.toLocaleString('en-US')} pending SLA deadlines over ${SPREAD_S} s: lateness of each firing (target ≤ 1 s) and the idle scheduler, vs Node timers and raw SQL`,
  async run(h) {
    const embedded = process.env.BENCH_SLA_DB === 'pglite';
    const yidan = embedded ? await h.yidan() : await h.yidanPg();
    const { db, events } = yidan.running.deps;
    console.log(
      `  database: ${embedded ? 'PGlite (embedded)' : 'PostgreSQL'}; ${CONCURRENCY} worker(s) of each kind, ${BATCH} breaches per transaction`,
    );
    const agentId = Number(
      rowsOf<{ id: string }>(await db.execute(sql`select id from agents where vendor_id = 1 limit 1`))[0]!.id,
    );
    const policyId = await seed(db, agentId);

    // The deadlines, written the way applying a policy writes them (rows of sla_deadlines).
    const t0 = Math.ceil(Date.now() / 1000) * 1000;
    await db.execute(sql`insert into sla_deadlines (vendor_id, ticket_id, policy_id, metric, action_index, due_at)
      select 1, t.id, ${policyId}, 'firstResponse',
             case when (t.number - 1000000) % ${ACTION_EVERY} = 0 then 0 end,
             to_timestamp((${t0}::bigint + (${LEAD_S} + (t.number - 1000000) * ${SPREAD_S} / ${TICKETS}) * 1000) / 1000.0)
      from tickets t where t.vendor_id = 1 and t.number >= 1000000`);
    // A steady state, as autovacuum keeps a live database: the fresh rows vacuumed and analysed
    // now rather than by autovacuum in the middle of the measurement.
    await db.execute(sql`vacuum analyze tickets`);
    await db.execute(sql`vacuum analyze sla_deadlines`);
    const setupLeft = t0 + LEAD_S * 1000 - Date.now();
    if (setupLeft < 0)
      console.log(`  (setup overran the lead by ${-setupLeft} ms: the first deadlines start late)`);

    // Commit times, from the event each firing announces after commit.
    const committed = new Map<number, number>();
    events.on('ticket.changed', (e) => {
      if (e.author.via === 'SLA「基准SLA」' && !committed.has(e.ticketId))
        committed.set(e.ticketId, Date.now());
    });
    const scheduler = new SlaScheduler({ db, events }, { concurrency: CONCURRENCY, batchSize: BATCH });
    const cpu0 = process.cpuUsage();
    scheduler.start();
    const until = t0 + (LEAD_S + SPREAD_S + 120) * 1000;
    while (scheduler.stats.fired < TICKETS && Date.now() < until)
      await new Promise((r) => setTimeout(r, 200));
    const cpuBusy = process.cpuUsage(cpu0);
    const fired = scheduler.stats.fired;

    const stamps = rowsOf<{ ticket_id: string; due: number; stamp: number; action: boolean }>(
      await db.execute(sql`select ticket_id, (extract(epoch from due_at) * 1000)::float8 as due,
        (extract(epoch from fired_at) * 1000)::float8 as stamp, action_index is not null as action
        from sla_deadlines where vendor_id = 1 and policy_id = ${policyId} and fired_at is not null`),
    );
    const late = (action: boolean, at: (r: (typeof stamps)[number]) => number | undefined) =>
      stamps
        .filter((r) => r.action === action)
        .flatMap((r) => {
          const t = at(r);
          return t === undefined ? [] : [t - Number(r.due)];
        });
    const stamped = (r: (typeof stamps)[number]) => Number(r.stamp);
    if (process.env.BENCH_SLA_DETAIL) {
      const bySecond = new Map<number, number>();
      for (const r of stamps) {
        const s = Math.round((Number(r.due) - t0) / 1000);
        bySecond.set(s, Math.max(bySecond.get(s) ?? 0, Number(r.stamp) - Number(r.due)));
      }
      console.log(
        `  max lateness by due second: ${[...bySecond]
          .sort((a, b) => a[0] - b[0])
          .map(([k, v]) => `${k}s:${v.toFixed(0)}`)
          .join(' ')}`,
      );
    }
    const visible = (r: (typeof stamps)[number]) => committed.get(Number(r.ticket_id));
    const [{ notes }] = rowsOf<{ notes: number }>(
      await db.execute(
        sql`select count(*)::int as notes from ticket_events where vendor_id = 1 and via = 'SLA「基准SLA」'`,
      ),
    ) as [{ notes: number }];
    const [{ notified }] = rowsOf<{ notified: number }>(
      await db.execute(sql`select count(*)::int as notified from notifications where vendor_id = 1`),
    ) as [{ notified: number }];

    // Idle: nothing due for IDLE_S seconds.
    const q0 = scheduler.stats.queries;
    const runs0 = scheduler.stats.runs;
    const idleCpu0 = process.cpuUsage();
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    const idleCpu = process.cpuUsage(idleCpu0);
    const idleQueries = scheduler.stats.queries - q0;
    const idleRuns = scheduler.stats.runs - runs0;
    await scheduler.stop();

    console.log('\n  raw baselines (same instants, same process)');
    const timers = await timerBaseline();
    const rawSql = await sqlBaseline(db);

    console.log(
      `\n  fired ${fired.toLocaleString('en-US')} of ${TICKETS.toLocaleString('en-US')} (${stamps.filter((r) => r.action).length.toLocaleString('en-US')} with a notification action); breach notes ${notes.toLocaleString('en-US')}, notifications ${notified.toLocaleString('en-US')}; scheduler CPU while firing ${((cpuBusy.user + cpuBusy.system) / 1000).toFixed(0)} ms\n`,
    );
    printTable([
      summary('raw: Node setTimeout at the due instants', timers),
      summary('raw: SQL UPDATE … RETURNING as due (no effects)', rawSql),
      summary('scheduler, breaches: fired_at − due_at', late(false, stamped)),
      summary('scheduler, breaches: commit − due_at', late(false, visible)),
      summary('scheduler, actions: fired_at − due_at', late(true, stamped)),
      summary('scheduler, actions: commit − due_at', late(true, visible)),
    ]);
    console.log(
      `\n  idle ${IDLE_S} s with nothing due: ${idleQueries} scheduler queries, ${idleRuns} wake-ups, process CPU ${((idleCpu.user + idleCpu.system) / 1000).toFixed(1)} ms (target ~0)`,
    );
  },
};

export default benchmark;
