import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Jobs } from '../../platform/jobs/queue.js';
import { systemContext } from '../rules/automationRunner.js';
import { tickets } from '../tickets/schema.js';
import { vendors } from '../vendors/schema.js';
import { applySla } from './apply.js';

/** Tickets recomputed per transaction. */
const BATCH = 200;

/**
 * Recomputes the SLA of the vendor's unsolved tickets that use the given policies (after a policy
 * was edited, disabled or deleted): each ticket locked and re-applied — it may now match another
 * policy, or none — in batches of BATCH tickets per transaction, oldest id first. Each ticket is
 * announced after its batch commits (realtime, and the scheduler wakes for new deadlines).
 * Returns how many tickets were recomputed.
 */
export async function recomputePolicyTickets(
  deps: { db: Db; events: DomainEvents },
  vendorId: number,
  policyIds: number[],
): Promise<number> {
  if (policyIds.length === 0) return 0;
  const [vendor] = await deps.db.select().from(vendors).where(eq(vendors.id, vendorId));
  if (!vendor) return 0;
  const ctx = await systemContext(deps.db, vendor);
  let after = 0;
  let count = 0;
  for (;;) {
    const ids = await deps.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(tickets)
        .where(
          and(
            eq(tickets.vendorId, vendorId),
            inArray(tickets.slaPolicyId, policyIds),
            inArray(tickets.status, ['new', 'open', 'pending']),
            gt(tickets.id, after),
          ),
        )
        .orderBy(asc(tickets.id))
        .limit(BATCH)
        .for('update');
      for (const row of rows) await applySla(tx, ctx, row);
      return rows.map((r) => r.id);
    });
    for (const ticketId of ids)
      deps.events.emit('ticket.changed', {
        vendorId,
        ticketId,
        kind: 'updated',
        changes: [],
        author: { type: 'system', via: 'SLA' },
      });
    count += ids.length;
    if (ids.length < BATCH) return count;
    after = ids.at(-1)!;
  }
}

/** How many unsolved tickets use the policies (decides whether to recompute in the request). */
export async function countPolicyTickets(db: Db, vendorId: number, policyIds: number[]): Promise<number> {
  if (policyIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(
      and(
        eq(tickets.vendorId, vendorId),
        inArray(tickets.slaPolicyId, policyIds),
        inArray(tickets.status, ['new', 'open', 'pending']),
      ),
    );
  return row?.n ?? 0;
}

export const SLA_RECOMPUTE_JOB = 'sla.recompute';
/** Up to this many tickets are recomputed within the request that changed the policy. */
const INLINE_LIMIT = 500;

/**
 * After a policy changed: few tickets are recomputed at once (the answer shows the result); many
 * go to the job queue (or, without one, to the background), batch by batch.
 */
export async function recomputeAfterPolicyChange(
  deps: { db: Db; events: DomainEvents; jobs: Jobs | null },
  vendorId: number,
  policyIds: number[],
): Promise<void> {
  if ((await countPolicyTickets(deps.db, vendorId, policyIds)) <= INLINE_LIMIT) {
    await recomputePolicyTickets(deps, vendorId, policyIds);
    return;
  }
  if (deps.jobs) {
    await deps.jobs.send(SLA_RECOMPUTE_JOB, { vendorId, policyIds });
    return;
  }
  void recomputePolicyTickets(deps, vendorId, policyIds).catch((err) =>
    console.error('SLA recompute failed', err),
  );
}

/** The job worker of large recomputes. */
export async function slaRecomputeJobs(deps: { db: Db; events: DomainEvents }, jobs: Jobs) {
  await jobs.work<{ vendorId: number; policyIds: number[] }>(SLA_RECOMPUTE_JOB, async (data) => {
    await recomputePolicyTickets(deps, data.vendorId, data.policyIds);
  });
}
