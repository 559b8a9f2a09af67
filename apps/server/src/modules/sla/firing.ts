import type { SlaMetric, TicketChange } from '@yidan/contracts';
import { and, asc, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { DomainEvents } from '../../platform/events.js';
import { localTime } from '../calendar/clock.js';
import { systemContext } from '../rules/automationRunner.js';
import { fireRule, ruleAuthor } from '../rules/fire.js';
import { sendTriggerNotifications } from '../rules/triggerNotifications.js';
import type { TicketContext } from '../tickets/context.js';
import { tickets } from '../tickets/schema.js';
import { appendTicketEventsBulk } from '../tickets/timeline.js';
import { vendors } from '../vendors/schema.js';
import type { StoredSla } from './present.js';
import { type SlaDeadlineRow, slaDeadlines, slaPolicies } from './schema.js';

/**
 * Firing SLA deadlines, in two kinds of transaction:
 * - breaches in bulk: up to a batch of due breach rows per transaction — each flags the metric in
 *   `tickets.sla.breached` and leaves an internal note by 'SLA「策略名」' (one UPDATE and one INSERT
 *   for the batch; no ticket change, so no triggers and no update time: a breach is not an update);
 * - actions a few tickets per transaction: the policy's actions of that moment go through the
 *   ticket service (fireRule: the timeline names the policy, the triggers and the SLA run after it),
 *   as automations do — in their own workers, so heavy actions never hold up the breaches.
 * Either way the rows are stamped fired in the transaction that performs their effects, and the
 * tickets touched are announced after commit ('ticket.changed': realtime, notifications).
 */

export const SLA_METRIC_NAMES: Record<SlaMetric, string> = {
  firstResponse: '首次响应',
  nextResponse: '二次响应',
  resolution: '解决',
};

/** What one call fired, and how many statements it issued itself (the scheduler counts them). */
export interface FiringResult {
  /** Deadline rows fired. */
  fired: number;
  /** Due rows existed but every ticket they belong to was locked by a change in progress. */
  lockedOut: boolean;
  queries: number;
}

/** Which share of the tickets a worker fires: ticket id modulo `of` equal to `index`. */
export interface SlaPartition {
  of: number;
  index: number;
}

type Kind = 'breach' | 'action';
type Announce = { vendorId: number; ticketId: number; via: string; changes: TicketChange[] };

/** The earliest unfired deadline of every vendor (one indexed read), or null when none waits. */
export async function nextSlaDue(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ dueAt: slaDeadlines.dueAt })
    .from(slaDeadlines)
    .where(isNull(slaDeadlines.firedAt))
    .orderBy(asc(slaDeadlines.dueAt))
    .limit(1);
  return row?.dueAt ?? null;
}

const dueRows = (now: Date, kind: Kind, partition?: SlaPartition): SQL =>
  sql`fired_at is null and due_at <= ${now.toISOString()}::timestamptz
      and action_index is ${kind === 'breach' ? sql`null` : sql`not null`}
      ${partition && partition.of > 1 ? sql`and ticket_id % ${partition.of} = ${partition.index}` : sql``}`;

/**
 * Claims and stamps in one statement: the earliest due rows of a kind (up to `limit`), their
 * tickets locked skipping those a change in progress or another worker holds — the lock order of a
 * change (ticket, then its deadlines), and a claim never waits, so the two never deadlock — and the
 * due rows of that kind of the tickets locked stamped fired. Returns them (earliest first) with
 * each ticket's SLA; only the columns firing needs travel.
 */
async function claimDue(tx: Db, now: Date, kind: Kind, limit: number, partition?: SlaPartition) {
  const result = await tx.execute(sql`
    with due as (
      select vendor_id, ticket_id from ${slaDeadlines} where ${dueRows(now, kind, partition)}
      order by due_at limit ${limit}),
    locked as (
      select t.vendor_id, t.id, t.sla from ${tickets} t
      where (t.vendor_id, t.id) in (select vendor_id, ticket_id from due)
      for update of t skip locked),
    fired as (
      update ${slaDeadlines} d set fired_at = ${new Date().toISOString()}::timestamptz from locked
      where d.vendor_id = locked.vendor_id and d.ticket_id = locked.id and ${dueRows(now, kind)}
      returning d.id, d.vendor_id, d.ticket_id, d.policy_id, d.metric, d.action_index, d.due_at, d.fired_at, d.created_at)
    select fired.*, locked.sla from fired join locked on locked.vendor_id = fired.vendor_id and locked.id = fired.ticket_id`);
  const slaOf = new Map<string, StoredSla | null>();
  const fired: SlaDeadlineRow[] = (result.rows as Record<string, unknown>[]).map((r) => {
    const row = {
      id: Number(r.id),
      vendorId: Number(r.vendor_id),
      ticketId: Number(r.ticket_id),
      policyId: Number(r.policy_id),
      metric: r.metric as SlaMetric,
      actionIndex: r.action_index === null ? null : Number(r.action_index),
      dueAt: new Date(r.due_at as string | Date),
      firedAt: new Date(r.fired_at as string | Date),
      createdAt: new Date(r.created_at as string | Date),
    };
    slaOf.set(`${row.vendorId}:${row.ticketId}`, r.sla as StoredSla | null);
    return row;
  });
  fired.sort((a, b) => +a.dueAt - +b.dueAt || a.id - b.id);
  return { fired, slaOf };
}

/** Whether rows of the kind are due (after a claim got none: their tickets are locked). */
async function anyDue(tx: Db, now: Date, kind: Kind, partition?: SlaPartition): Promise<boolean> {
  const result = await tx.execute(
    sql`select 1 from ${slaDeadlines} where ${dueRows(now, kind, partition)} limit 1`,
  );
  return result.rows.length > 0;
}

async function policiesOf(tx: Db, fired: SlaDeadlineRow[]) {
  const keys = new Map(
    fired.map((d) => [`${d.vendorId}:${d.policyId}`, { vendorId: d.vendorId, id: d.policyId }]),
  );
  const pairs = sql.join(
    [...keys.values()].map((k) => sql`(${k.vendorId}::bigint, ${k.id}::bigint)`),
    sql`, `,
  );
  const rows = await tx
    .select()
    .from(slaPolicies)
    .where(sql`(${slaPolicies.vendorId}, ${slaPolicies.id}) in (${pairs})`);
  const byKey = new Map(rows.map((p) => [`${p.vendorId}:${p.id}`, p]));
  return (d: SlaDeadlineRow) => byKey.get(`${d.vendorId}:${d.policyId}`);
}

function announceAll(events: DomainEvents, list: Announce[]) {
  for (const a of list)
    events.emit('ticket.changed', {
      vendorId: a.vendorId,
      ticketId: a.ticketId,
      kind: a.changes.length ? 'updated' : 'comment',
      changes: a.changes,
      author: { type: 'system', via: a.via },
    });
}

/** A breach as a metric flag on the stored SLA (the same flag a recompute would set). */
function markBreached(sla: StoredSla, metric: SlaMetric): StoredSla {
  return {
    ...sla,
    breached: [...new Set([...sla.breached, metric])],
    metrics: sla.metrics.map((m) => (m.metric === metric ? { ...m, breached: true } : m)),
  };
}

const duration = (minutes: number) =>
  minutes % 60 === 0
    ? `${minutes / 60} 小时`
    : minutes > 60
      ? `${(minutes / 60).toFixed(1)} 小时`
      : `${minutes} 分钟`;

/** Deadlines come in bursts at the same instant: format each instant once per batch. */
const wallClock = (cache: Map<string, string>, at: Date, timeZone: string) => {
  const key = `${timeZone}|${at.getTime()}`;
  let text = cache.get(key);
  if (text === undefined) {
    const local = localTime(at, timeZone);
    text = `${local.date} ${local.time}`;
    cache.set(key, text);
  }
  return text;
};

function breachNote(sla: StoredSla, metric: SlaMetric, due: string): string {
  const m = sla.metrics.find((x) => x.metric === metric);
  const target = m ? `，目标 ${duration(m.targetMinutes)}${sla.businessHours ? '工作时间' : ''}` : '';
  return `<p>${SLA_METRIC_NAMES[metric]}已超时（时限 ${due}${target}）</p>`;
}

/**
 * Fires the due breaches of up to `limit` rows in one transaction: flags (one UPDATE of the
 * tickets' SLA, sent as one JSON parameter) and notes (one INSERT).
 */
export async function fireDueBreaches(
  deps: { db: Db; events: DomainEvents },
  now: Date,
  limit = 500,
  partition?: SlaPartition,
): Promise<FiringResult> {
  const announce: Announce[] = [];
  const result = await deps.db.transaction(async (tx): Promise<FiringResult> => {
    const { fired, slaOf } = await claimDue(tx, now, 'breach', limit, partition);
    if (fired.length === 0)
      return { fired: 0, lockedOut: await anyDue(tx, now, 'breach', partition), queries: 2 };
    const policyOf = await policiesOf(tx, fired);
    const zones = new Map(
      (
        await tx
          .select({ id: vendors.id, timeZone: vendors.timeZone })
          .from(vendors)
          .where(inArray(vendors.id, [...new Set(fired.map((d) => d.vendorId))]))
      ).map((v) => [v.id, v.timeZone]),
    );
    const updated = new Map<string, { vendor_id: number; id: number; sla: StoredSla }>();
    const notes: Parameters<typeof appendTicketEventsBulk>[1] = [];
    const wallClocks = new Map<string, string>();
    for (const d of fired) {
      const key = `${d.vendorId}:${d.ticketId}`;
      const policy = policyOf(d);
      const sla = updated.get(key)?.sla ?? slaOf.get(key);
      if (!policy || !sla?.metrics) continue;
      updated.set(key, { vendor_id: d.vendorId, id: d.ticketId, sla: markBreached(sla, d.metric) });
      const due = wallClock(wallClocks, d.dueAt, zones.get(d.vendorId) ?? 'Asia/Shanghai');
      const body = breachNote(sla, d.metric, due);
      const author = ruleAuthor('sla', policy);
      notes.push({ vendorId: d.vendorId, author, event: { ticketId: d.ticketId, kind: 'comment', body } });
      announce.push({ vendorId: d.vendorId, ticketId: d.ticketId, via: author.via!, changes: [] });
    }
    if (updated.size === 0) return { fired: fired.length, lockedOut: false, queries: 3 };
    await tx.execute(
      sql`update ${tickets} set sla = v.sla
          from jsonb_to_recordset(${JSON.stringify([...updated.values()])}::jsonb) as v(vendor_id bigint, id bigint, sla jsonb)
          where ${tickets.vendorId} = v.vendor_id and ${tickets.id} = v.id`,
    );
    await appendTicketEventsBulk(tx, notes);
    return { fired: fired.length, lockedOut: false, queries: 5 };
  });
  announceAll(deps.events, announce);
  return result;
}

/**
 * Fires the due actions of the tickets of up to `limit` due action rows in one transaction, each
 * through the ticket service as the system. Each action list runs in a savepoint: one that fails
 * is logged and its ticket stays as it was (the row counts as fired: a broken action must not be
 * retried forever).
 */
export async function fireDueActions(
  deps: { db: Db; events: DomainEvents },
  now: Date,
  limit = 20,
  partition?: SlaPartition,
): Promise<FiringResult> {
  const announce: Announce[] = [];
  const result = await deps.db.transaction(async (tx): Promise<FiringResult> => {
    const { fired } = await claimDue(tx, now, 'action', limit, partition);
    if (fired.length === 0)
      return { fired: 0, lockedOut: await anyDue(tx, now, 'action', partition), queries: 2 };
    const policyOf = await policiesOf(tx, fired);
    const vendorIds = [...new Set(fired.map((d) => d.vendorId))];
    const vendorRows = await tx.select().from(vendors).where(inArray(vendors.id, vendorIds));
    const rows = await tx
      .select()
      .from(tickets)
      .where(
        and(
          inArray(tickets.vendorId, vendorIds),
          inArray(tickets.id, [...new Set(fired.map((d) => d.ticketId))]),
        ),
      );
    const byTicket = new Map(rows.map((t) => [`${t.vendorId}:${t.id}`, t]));
    const contexts = new Map<number, TicketContext>();
    for (const v of vendorRows) contexts.set(v.id, await systemContext(tx, v));
    for (const d of fired) {
      const policy = policyOf(d);
      const action = d.actionIndex === null ? undefined : policy?.actions[d.actionIndex];
      const key = `${d.vendorId}:${d.ticketId}`;
      const row = byTicket.get(key);
      const ctx = contexts.get(d.vendorId);
      if (!policy || !action || action.metric !== d.metric || !row || !ctx) continue;
      try {
        const done = await tx.transaction(async (sp) => {
          const f = await fireRule(
            sp,
            ctx,
            'sla',
            { title: policy.title, actions: action.actions },
            row,
            null,
          );
          await sendTriggerNotifications(sp, ctx, f.row, f.notifications);
          return f;
        });
        byTicket.set(key, done.row);
        announce.push({ ...d, via: ruleAuthor('sla', policy).via!, changes: done.changes });
      } catch (err) {
        console.error(`SLA policy ${policy.id} action failed on ticket ${d.ticketId}`, err);
      }
    }
    return { fired: fired.length, lockedOut: false, queries: 4 + vendorRows.length };
  });
  announceAll(deps.events, announce);
  return result;
}

/**
 * Fires everything due at `now` (tests, and a catch-up): breaches in batches, then actions ticket
 * by ticket, until nothing of either is due. Returns how many rows fired.
 */
export async function fireDueSlaDeadlines(
  deps: { db: Db; events: DomainEvents },
  now: Date,
  limit = 500,
): Promise<{ fired: number }> {
  let fired = 0;
  for (;;) {
    const r = await fireDueBreaches(deps, now, limit);
    fired += r.fired;
    if (r.fired < limit) break;
  }
  for (;;) {
    const r = await fireDueActions(deps, now);
    fired += r.fired;
    if (r.fired < 20) break;
  }
  return { fired };
}
