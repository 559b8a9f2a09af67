import type { ConditionSet, TicketSlaMetric, TicketStatus } from '@yidan/contracts';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { cachedForVendor } from '../../platform/cache/vendorCache.js';
import type { Db } from '../../platform/db/client.js';
import { ConditionError } from '../../platform/rules/errors.js';
import { prepareEvaluator } from '../../platform/rules/evaluate.js';
import type { BusinessCalendar } from '../calendar/businessTime.js';
import { vendorCalendar } from '../rules/automationConditions.js';
import { relationsOf } from '../rules/engine.js';
import { triggerEvaluationCatalogue } from '../rules/triggerCatalogue.js';
import { bindCurrentAgent, type TicketRelations, ticketConditionRecord } from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import { type TicketRow, ticketEvents, tickets } from '../tickets/schema.js';
import { onTicketChangedInTransaction, type TicketChangedInTransaction } from '../tickets/service.js';
import { keepFulfilled, measureSla, type SlaHistory } from './clock.js';
import {
  clearSlaDeadlines,
  existingSlaDeadlines,
  firedBreaches,
  slaMoments,
  syncSlaDeadlines,
} from './deadlines.js';
import { nearestDue, type StoredSla, slaState } from './present.js';
import { type SlaPolicyRow, slaPolicies } from './schema.js';
import { noteDeadlineWritten } from './wake.js';

/** The cache kind of a vendor's enabled policies in order (read on every ticket change). */
export const SLA_POLICY_CACHE = 'sla.policies';
/** The vendor calendar, read for business-hour policies (2 s staleness, like other settings). */
const CALENDAR_CACHE = 'sla.calendar';

/** What applying needs of the caller: the vendor's time zone and ticket fields. */
export type SlaContext = Pick<TicketContext, 'actor' | 'fields'>;

export function enabledSlaPolicies(db: Db, vendorId: number): Promise<SlaPolicyRow[]> {
  return cachedForVendor(SLA_POLICY_CACHE, vendorId, () =>
    db
      .select()
      .from(slaPolicies)
      .where(and(eq(slaPolicies.vendorId, vendorId), eq(slaPolicies.enabled, true)))
      .orderBy(asc(slaPolicies.sortOrder), asc(slaPolicies.id)),
  );
}

const usesRelations = (set: ConditionSet) =>
  [...set.all, ...set.any].some((c) => c.field.startsWith('company.') || c.field.startsWith('contact.'));

/**
 * The first policy (in order) whose conditions hold for the ticket as it is now — conditions over
 * the ticket, no change fields, `$me` matching nobody. A policy whose fields were deleted since it
 * was saved never matches.
 */
async function choosePolicy(
  tx: Db,
  ctx: SlaContext,
  row: TicketRow,
  policies: SlaPolicyRow[],
): Promise<SlaPolicyRow | null> {
  const catalogue = triggerEvaluationCatalogue(ctx.fields);
  const evaluation = { now: new Date(), timeZone: ctx.actor.vendor.timeZone };
  let related: TicketRelations | null = null;
  for (const p of policies) {
    let test: ReturnType<typeof prepareEvaluator>;
    try {
      test = prepareEvaluator(bindCurrentAgent(p.conditions, null), catalogue);
    } catch (err) {
      if (err instanceof ConditionError) continue;
      throw err;
    }
    if (usesRelations(p.conditions)) related ??= await relationsOf(tx, row);
    const record = ticketConditionRecord(row, related ?? { company: null, contact: null }, ctx.fields);
    if (test(record, evaluation)) return p;
  }
  return null;
}

/**
 * The ticket's SLA history from its timeline: status changes and public replies (agent or
 * customer). A ticket just created has only its creation.
 */
async function slaHistory(tx: Db, row: TicketRow, fresh: boolean): Promise<SlaHistory> {
  const createdAt = row.createdAt;
  if (fresh) return { createdAt, statuses: [{ at: createdAt, status: row.status }], replies: [] };
  const status = sql<TicketStatus | null>`(select c->>'to' from jsonb_array_elements(${ticketEvents.changes}) c where c->>'field' = 'status' limit 1)`;
  const rows = await tx
    .select({
      at: ticketEvents.createdAt,
      kind: ticketEvents.kind,
      actorType: ticketEvents.actorType,
      public: ticketEvents.public,
      status,
    })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.vendorId, row.vendorId),
        eq(ticketEvents.ticketId, row.id),
        or(
          and(eq(ticketEvents.kind, 'comment'), eq(ticketEvents.public, true)),
          sql`${ticketEvents.changes} @> '[{"field":"status"}]'::jsonb`,
        ),
      ),
    )
    .orderBy(asc(ticketEvents.id));
  const history: SlaHistory = { createdAt, statuses: [], replies: [] };
  for (const e of rows) {
    if (e.status) {
      // An event stamped before the ticket's creation (same transaction) counts from creation.
      // biome-ignore lint/complexity/useMathMinMax: Dates, not numbers
      const at = e.at < createdAt ? createdAt : e.at;
      history.statuses.push({ at, status: e.status });
    }
    if (e.kind === 'comment' && e.public && e.actorType !== 'system')
      history.replies.push({ at: e.at, by: e.actorType === 'contact' ? 'customer' : 'agent' });
  }
  // The row is the truth for the status now (a timeline written before this module may lack some).
  if (history.statuses.at(-1)?.status !== row.status)
    history.statuses.push({ at: new Date(), status: row.status });
  if (history.statuses[0]!.at > createdAt) history.statuses.unshift({ at: createdAt, status: 'new' });
  return history;
}

function calendarOf(tx: Db, ctx: SlaContext): Promise<BusinessCalendar> {
  const vendorId = ctx.actor.vendorId;
  return cachedForVendor(CALENDAR_CACHE, vendorId, () =>
    vendorCalendar(tx, vendorId, ctx.actor.vendor.timeZone),
  );
}

async function writeSla(
  tx: Db,
  row: TicketRow,
  values: { slaPolicyId: number | null; sla: StoredSla | null; slaDueAt: Date | null },
): Promise<TicketRow> {
  const [updated] = await tx
    .update(tickets)
    .set(values as Partial<typeof tickets.$inferInsert>)
    .where(and(eq(tickets.vendorId, row.vendorId), eq(tickets.id, row.id)))
    .returning();
  return updated ?? row;
}

/**
 * Applies the SLA to a locked ticket in the caller's transaction (Zendesk: after the triggers, on
 * every change): picks the policy (a closed ticket keeps the one it had), measures each metric for
 * the ticket's priority, keeps met metrics as they were met, stores the state on the ticket and
 * makes its deadline rows match. No policy: the SLA and unfired deadlines are cleared.
 * `fresh`: the ticket was just created (no timeline to read, no deadline rows yet).
 */
export async function applySla(
  tx: Db,
  ctx: SlaContext,
  row: TicketRow,
  opts: { fresh?: boolean; now?: Date } = {},
): Promise<TicketRow> {
  const now = opts.now ?? new Date();
  const fresh = opts.fresh ?? false;
  const policies = await enabledSlaPolicies(tx, row.vendorId);
  let policy: SlaPolicyRow | null;
  if (row.status === 'closed' || row.mergedIntoId !== null) {
    policy = policies.find((p) => p.id === row.slaPolicyId) ?? null;
    if (!policy) {
      if (row.slaPolicyId !== null) await clearSlaDeadlines(tx, row);
      return row;
    }
  } else policy = policies.length ? await choosePolicy(tx, ctx, row, policies) : null;

  if (!policy) {
    if (row.slaPolicyId === null && row.sla === null) return row;
    await clearSlaDeadlines(tx, row);
    return writeSla(tx, row, { slaPolicyId: null, sla: null, slaDueAt: null });
  }

  const history = await slaHistory(tx, row, fresh);
  const calendar = policy.businessHours ? await calendarOf(tx, ctx) : null;
  const terms = {
    targets: policy.targets[row.priority] ?? {},
    businessHours: policy.businessHours,
    pauseOnPending: policy.pauseOnPending,
  };
  const previous = ((row.sla as StoredSla | null)?.metrics ?? []) as TicketSlaMetric[];
  const existing = await existingSlaDeadlines(tx, row, fresh);
  const measured = keepFulfilled(previous, measureSla(terms, history, calendar, now));
  const breachFired = firedBreaches(measured, existing);
  const metrics = measured.map((m) => (breachFired.has(m.metric) ? { ...m, breached: true } : m));
  const moments = slaMoments(policy, metrics, now, breachFired);
  const earliest = await syncSlaDeadlines(tx, row, moments, existing);
  if (earliest) noteDeadlineWritten(row.vendorId, row.id, earliest);
  return writeSla(tx, row, {
    slaPolicyId: policy.id,
    sla: slaState(policy, metrics, now),
    slaDueAt: nearestDue(metrics),
  });
}

/** The hook run after every ticket change (after the triggers): imports are history, not work. */
export async function runSla(
  tx: Db,
  ctx: TicketContext,
  change: TicketChangedInTransaction,
): Promise<{ row: TicketRow; changes: [] } | undefined> {
  const fresh = change.kind === 'created' || change.kind === 'split';
  if (fresh && change.row.source === 'import') return undefined;
  const row = await applySla(tx, ctx, change.row, { fresh });
  return row === change.row ? undefined : { row, changes: [] };
}

/** Registers the SLA with the ticket service (once per process; register after the triggers). */
export function registerSlaHook() {
  // Vendors without an enabled policy have no SLA work: their tickets are created in one statement.
  onTicketChangedInTransaction(
    runSla,
    async (db, vendorId) => (await enabledSlaPolicies(db, vendorId)).length > 0,
  );
}
