import type { SlaMetric, TicketSlaMetric } from '@yidan/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { TicketRow } from '../tickets/schema.js';
import { type SlaDeadlineRow, type SlaPolicyRow, slaDeadlines } from './schema.js';

/** One moment of a ticket's SLA: a metric's breach (actionIndex null) or a policy action around it. */
export interface SlaMoment {
  policyId: number;
  metric: SlaMetric;
  actionIndex: number | null;
  dueAt: Date;
}

/**
 * The moments of the metrics still running (not met, with a deadline): each breach (unless it
 * already fired), and each policy action at its offset (calendar minutes) from its metric's deadline. A warning before a
 * deadline already passed is pointless and left out (a policy applied late, a priority raised).
 */
export function slaMoments(
  policy: SlaPolicyRow,
  metrics: TicketSlaMetric[],
  now: Date,
  breachFired: Set<SlaMetric> = new Set(),
): SlaMoment[] {
  const out: SlaMoment[] = [];
  for (const m of metrics) {
    if (m.fulfilledAt || !m.dueAt) continue;
    const due = new Date(m.dueAt);
    if (!breachFired.has(m.metric))
      out.push({ policyId: policy.id, metric: m.metric, actionIndex: null, dueAt: due });
    policy.actions.forEach((a, i) => {
      if (a.metric !== m.metric || (a.offsetMinutes < 0 && due <= now)) return;
      out.push({
        policyId: policy.id,
        metric: m.metric,
        actionIndex: i,
        dueAt: new Date(due.getTime() + a.offsetMinutes * 60_000),
      });
    });
  }
  return out;
}

const keyOf = (m: Pick<SlaMoment, 'policyId' | 'metric' | 'actionIndex' | 'dueAt'>) =>
  `${m.policyId}|${m.metric}|${m.actionIndex ?? 'breach'}|${m.dueAt.getTime()}`;

/** A ticket's deadline rows, fired or not, as syncing and breach flags need them. */
export type ExistingDeadline = Pick<
  SlaDeadlineRow,
  'id' | 'policyId' | 'metric' | 'actionIndex' | 'dueAt' | 'firedAt'
>;

/** The ticket's deadline rows (none for a ticket just created). */
export async function existingSlaDeadlines(
  tx: Db,
  row: Pick<TicketRow, 'vendorId' | 'id'>,
  fresh = false,
): Promise<ExistingDeadline[]> {
  if (fresh) return [];
  return tx
    .select({
      id: slaDeadlines.id,
      policyId: slaDeadlines.policyId,
      metric: slaDeadlines.metric,
      actionIndex: slaDeadlines.actionIndex,
      dueAt: slaDeadlines.dueAt,
      firedAt: slaDeadlines.firedAt,
    })
    .from(slaDeadlines)
    .where(and(eq(slaDeadlines.vendorId, row.vendorId), eq(slaDeadlines.ticketId, row.id)));
}

/**
 * The metrics whose breach the scheduler already fired in their current measurement (fired after
 * it started): a breach stays breached — even if the deadline moved later since (a lower priority)
 * — and is not fired again.
 */
export function firedBreaches(metrics: TicketSlaMetric[], existing: ExistingDeadline[]): Set<SlaMetric> {
  const out = new Set<SlaMetric>();
  for (const m of metrics) {
    const started = Date.parse(m.startedAt);
    if (
      existing.some(
        (d) => d.actionIndex === null && d.metric === m.metric && d.firedAt && +d.firedAt >= started,
      )
    )
      out.add(m.metric);
  }
  return out;
}

/**
 * Makes the ticket's unfired deadline rows the given moments: rows no longer wanted go, missing
 * ones are added, unchanged ones stay (so a change that moves nothing writes nothing). A moment
 * that already fired (same policy, metric, action and instant) is not added again, so a recompute
 * after a breach never repeats it; a moved deadline is a new moment. Returns the earliest due
 * time added, for waking the scheduler.
 */
export async function syncSlaDeadlines(
  tx: Db,
  row: Pick<TicketRow, 'vendorId' | 'id'>,
  moments: SlaMoment[],
  existing: ExistingDeadline[],
): Promise<Date | null> {
  const fired = new Set(existing.filter((d) => d.firedAt).map(keyOf));
  const unfired = new Map(existing.filter((d) => !d.firedAt).map((d) => [keyOf(d), d.id]));
  const wanted = new Set(moments.map(keyOf));
  const stale = [...unfired].filter(([key]) => !wanted.has(key)).map(([, id]) => id);
  const added = moments.filter((m) => !fired.has(keyOf(m)) && !unfired.has(keyOf(m)));
  if (stale.length)
    await tx
      .delete(slaDeadlines)
      .where(and(eq(slaDeadlines.vendorId, row.vendorId), inArray(slaDeadlines.id, stale)));
  if (added.length === 0) return null;
  await tx.insert(slaDeadlines).values(
    added.map((m) => ({
      vendorId: row.vendorId,
      ticketId: row.id,
      policyId: m.policyId,
      metric: m.metric,
      actionIndex: m.actionIndex,
      dueAt: m.dueAt,
    })),
  );
  return new Date(Math.min(...added.map((m) => m.dueAt.getTime())));
}

/** Drops a ticket's unfired deadlines (no policy applies any more). */
export async function clearSlaDeadlines(tx: Db, row: Pick<TicketRow, 'vendorId' | 'id'>) {
  await tx
    .delete(slaDeadlines)
    .where(
      and(
        eq(slaDeadlines.vendorId, row.vendorId),
        eq(slaDeadlines.ticketId, row.id),
        isNull(slaDeadlines.firedAt),
      ),
    );
}
