import {
  type ConditionField,
  type ConditionSet,
  SLA_METRICS,
  type SlaPolicyCreateInput,
  type SlaPolicyUpdateInput,
  type Ticket,
} from '@yidan/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { invalidateVendorCache } from '../../platform/cache/vendorCache.js';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { DomainEvents } from '../../platform/events.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import type { Jobs } from '../../platform/jobs/queue.js';
import { createFieldCatalogue, validateConditions } from '../../platform/rules/catalogue.js';
import { compileConditions } from '../../platform/rules/compile.js';
import { triggerActionErrors, triggerActionFields } from '../rules/actions.js';
import { applyRuleOrder } from '../rules/ordering.js';
import { CURRENT_AGENT, ticketCatalogue } from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import { ticketListWhere } from '../tickets/list.js';
import { presentTickets } from '../tickets/presenter.js';
import { tickets } from '../tickets/schema.js';
import { SLA_POLICY_CACHE } from './apply.js';
import { recomputeAfterPolicyChange } from './recompute.js';
import { type SlaPolicyRow, type SlaTargets, slaPolicies } from './schema.js';

export interface SlaDeps {
  db: Db;
  events: DomainEvents;
  jobs: Jobs | null;
}

/** How many open tickets the preview lists (with the total count). */
const PREVIEW_LIMIT = 50;

export async function listSlaPolicies(db: Db, vendorId: number): Promise<SlaPolicyRow[]> {
  return db
    .select()
    .from(slaPolicies)
    .where(eq(slaPolicies.vendorId, vendorId))
    .orderBy(asc(slaPolicies.sortOrder), asc(slaPolicies.id));
}

export async function getSlaPolicy(db: Db, vendorId: number, id: number): Promise<SlaPolicyRow> {
  const [row] = await db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.vendorId, vendorId), eq(slaPolicies.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * The condition fields of a policy: the caller's ticket catalogue (ticket, custom, company and
 * contact fields), without "current agent" — a policy holds for the ticket, whoever changed it.
 */
async function slaConditionCatalogue(db: Db, ctx: TicketContext) {
  const cat = await ticketCatalogue(db, ctx);
  const fields: ConditionField[] = cat.fields.map((f) =>
    f.options ? { ...f, options: f.options.filter((o) => o.value !== CURRENT_AGENT) } : f,
  );
  return { fields, columns: cat.columns, catalogue: createFieldCatalogue(fields) };
}

/** What the console's policy editor offers: the condition fields and the trigger actions. */
export async function slaBuilderCatalogue(db: Db, ctx: TicketContext) {
  const cat = await slaConditionCatalogue(db, ctx);
  const option = (key: string) =>
    (cat.fields.find((f) => f.key === key)?.options ?? []).map((o) => ({
      id: Number(o.value),
      name: o.label.zh,
    }));
  const actions = triggerActionFields(ctx.fields, {
    agents: option('ticket.assigneeId'),
    groups: option('ticket.groupId'),
    templates: option('ticket.templateId'),
  });
  return { conditions: cat.fields, actions };
}

/** Metrics with a target for at least one priority. */
const targetedMetrics = (targets: SlaTargets) =>
  new Set(SLA_METRICS.filter((m) => Object.values(targets).some((t) => t?.[m])));

/**
 * Problems of a policy as it would be saved: conditions against the catalogue (no change fields),
 * at least one target, actions only for metrics with a target, each action list like a trigger's.
 */
async function policyErrors(
  db: Db,
  ctx: TicketContext,
  input: SlaPolicyUpdateInput,
  merged: Pick<SlaPolicyRow, 'targets' | 'actions'>,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.conditions) {
    const cat = await slaConditionCatalogue(db, ctx);
    errors.push(...validateConditions(input.conditions, cat.catalogue, { path: 'body.conditions' }));
  }
  const targeted = targetedMetrics(merged.targets);
  if (input.targets && targeted.size === 0) errors.push({ path: 'body.targets', message: 'sla_no_target' });
  if (input.actions || input.targets) {
    merged.actions.forEach((a, i) => {
      if (targeted.size > 0 && !targeted.has(a.metric))
        errors.push({ path: `body.actions.${i}.metric`, message: 'sla_metric_without_target' });
    });
  }
  for (const [i, a] of (input.actions ?? []).entries())
    errors.push(
      ...(await triggerActionErrors(
        db,
        ctx.actor.vendorId,
        ctx.fields,
        a.actions,
        `body.actions.${i}.actions`,
      )),
    );
  return errors;
}

const titleTaken = (title: string) =>
  new AppError('name_taken', { name: title }, [{ path: 'body.title', message: 'taken' }]);

const storedActions = (actions: NonNullable<SlaPolicyUpdateInput['actions']>) =>
  actions.map((a) => ({
    metric: a.metric,
    offsetMinutes: a.offsetMinutes,
    actions: a.actions.map(({ field, value }) => ({ field, value: value ?? null })),
  }));

/** A new policy comes last (Zendesk adds new policies at the bottom); it applies from the next change of a ticket. */
export async function createSlaPolicy(
  deps: SlaDeps,
  ctx: TicketContext,
  input: SlaPolicyCreateInput,
): Promise<SlaPolicyRow> {
  const actions = storedActions(input.actions ?? []);
  const errors = await policyErrors(deps.db, ctx, input, { targets: input.targets, actions });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const vendorId = ctx.actor.vendorId;
  try {
    const [row] = await deps.db
      .insert(slaPolicies)
      .values({
        vendorId,
        title: input.title,
        description: input.description ?? '',
        enabled: input.enabled ?? true,
        conditions: input.conditions,
        targets: input.targets,
        businessHours: input.businessHours ?? false,
        pauseOnPending: input.pauseOnPending ?? true,
        actions,
        sortOrder: sql`(select coalesce(max(sort_order) + 1, 0) from sla_policies where vendor_id = ${vendorId})`,
      })
      .returning();
    if (!row) throw new Error('SLA policy insert returned nothing');
    invalidateVendorCache(SLA_POLICY_CACHE, vendorId);
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw titleTaken(input.title);
    throw err;
  }
}

/** Saves the change, then recomputes the unsolved tickets that use the policy (Zendesk re-applies on update). */
export async function updateSlaPolicy(
  deps: SlaDeps,
  ctx: TicketContext,
  id: number,
  input: SlaPolicyUpdateInput,
): Promise<SlaPolicyRow> {
  const vendorId = ctx.actor.vendorId;
  const current = await getSlaPolicy(deps.db, vendorId, id);
  const actions = input.actions ? storedActions(input.actions) : current.actions;
  const merged = { targets: input.targets ?? current.targets, actions };
  const errors = await policyErrors(deps.db, ctx, input, merged);
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  if (Object.keys(input).length === 0) return current;
  let row: SlaPolicyRow | undefined;
  try {
    [row] = await deps.db
      .update(slaPolicies)
      .set({ ...input, actions, updatedAt: new Date() })
      .where(and(eq(slaPolicies.vendorId, vendorId), eq(slaPolicies.id, id)))
      .returning();
  } catch (err) {
    if (isUniqueViolation(err)) throw titleTaken(input.title ?? current.title);
    throw err;
  }
  if (!row) throw new AppError('not_found');
  invalidateVendorCache(SLA_POLICY_CACHE, vendorId);
  await recomputeAfterPolicyChange(deps, vendorId, [id]);
  return row;
}

/** Deletes the policy (its deadlines go with it); its tickets get the next matching policy, or none. */
export async function deleteSlaPolicy(deps: SlaDeps, vendorId: number, id: number): Promise<void> {
  const deleted = await deps.db
    .delete(slaPolicies)
    .where(and(eq(slaPolicies.vendorId, vendorId), eq(slaPolicies.id, id)))
    .returning({ id: slaPolicies.id });
  if (deleted.length === 0) throw new AppError('not_found');
  invalidateVendorCache(SLA_POLICY_CACHE, vendorId);
  await recomputeAfterPolicyChange(deps, vendorId, [id]);
}

/** 拖动排序: the listed policies first in the given order, the others after them in their order. */
export async function orderSlaPolicies(db: Db, vendorId: number, ids: number[]): Promise<SlaPolicyRow[]> {
  const ordered = await db.transaction(async (tx) => {
    await applyRuleOrder(await listSlaPolicies(tx, vendorId), ids, (id, sortOrder) =>
      tx
        .update(slaPolicies)
        .set({ sortOrder })
        .where(and(eq(slaPolicies.vendorId, vendorId), eq(slaPolicies.id, id))),
    );
    return listSlaPolicies(tx, vendorId);
  });
  invalidateVendorCache(SLA_POLICY_CACHE, vendorId);
  return ordered;
}

/**
 * 预览: the open tickets (new, open, pending) the caller may see that the conditions match now —
 * compiled to SQL like a view — the most recently updated first, with the total count.
 */
export async function previewSlaPolicy(
  db: Db,
  ctx: TicketContext,
  conditions: ConditionSet,
): Promise<{ count: number; items: Ticket[] }> {
  const cat = await slaConditionCatalogue(db, ctx);
  const errors = validateConditions(conditions, cat.catalogue, { path: 'body.conditions' });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const matching = compileConditions(conditions, cat.catalogue, cat.columns, {
    now: new Date(),
    timeZone: ctx.actor.vendor.timeZone,
  });
  const where = ticketListWhere(ctx, { unresolved: true, where: matching });
  const [counted, rows] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(tickets).where(where),
    db
      .select()
      .from(tickets)
      .where(where)
      .orderBy(desc(tickets.updatedAt), desc(tickets.id))
      .limit(PREVIEW_LIMIT),
  ]);
  return { count: counted[0]?.n ?? 0, items: await presentTickets(db, ctx, rows) };
}
