import type { ConditionSet, TriggerAction, TriggerCreateInput, TriggerUpdateInput } from '@yidan/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { invalidateVendorCache } from '../../platform/cache/vendorCache.js';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { validateConditions } from '../../platform/rules/catalogue.js';
import { bindCurrentAgent } from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import { triggerActionErrors, triggerActionFields } from './actions.js';
import { loadCustomerFields } from './customerActions.js';
import { applyRuleOrder } from './ordering.js';
import { presentRule } from './present.js';
import { type TriggerRow, triggers } from './schema.js';
import { triggerCatalogue } from './triggerCatalogue.js';

export const presentTrigger = presentRule;

/** The vendor's triggers in the order they run. */
export async function listTriggers(db: Db, vendorId: number): Promise<TriggerRow[]> {
  return db
    .select()
    .from(triggers)
    .where(eq(triggers.vendorId, vendorId))
    .orderBy(asc(triggers.sortOrder), asc(triggers.id));
}

export async function getTrigger(db: Db, vendorId: number, id: number): Promise<TriggerRow> {
  const [row] = await db
    .select()
    .from(triggers)
    .where(and(eq(triggers.vendorId, vendorId), eq(triggers.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * What the console's trigger builder offers: the condition fields (the caller's ticket catalogue
 * plus the event fields) and the actions, with labels, value types and options.
 */
export async function triggerBuilderCatalogue(db: Db, ctx: TicketContext) {
  const cat = await triggerCatalogue(db, ctx);
  const option = (key: string) =>
    (cat.fields.find((f) => f.key === key)?.options ?? [])
      .filter((o) => o.value !== '$me')
      .map((o) => ({ id: Number(o.value), name: o.label.zh }));
  const actions = triggerActionFields(ctx.fields, {
    agents: option('ticket.assigneeId'),
    groups: option('ticket.groupId'),
    templates: option('ticket.templateId'),
    customer: await loadCustomerFields(db, ctx.actor.vendorId),
  });
  return { conditions: cat.fields, actions };
}

/** Conditions against the trigger catalogue (event operators allowed), actions against the action catalogue. */
async function triggerErrors(
  db: Db,
  ctx: TicketContext,
  input: { conditions?: ConditionSet; actions?: TriggerAction[] },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.conditions) {
    const cat = await triggerCatalogue(db, ctx);
    // `$me` is stored as written and bound to the updating agent when the trigger runs.
    const bound = bindCurrentAgent(input.conditions, ctx.actor.agentId);
    errors.push(...validateConditions(bound, cat.catalogue, { events: true, path: 'body.conditions' }));
  }
  if (input.actions)
    errors.push(...(await triggerActionErrors(db, ctx.actor.vendorId, ctx.fields, input.actions)));
  return errors;
}

const titleTaken = (title: string) =>
  new AppError('name_taken', { name: title }, [{ path: 'body.title', message: 'taken' }]);

/** A new trigger runs after the existing ones (Zendesk adds new triggers at the end). */
export async function createTrigger(
  db: Db,
  ctx: TicketContext,
  input: TriggerCreateInput,
): Promise<TriggerRow> {
  const errors = await triggerErrors(db, ctx, input);
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const vendorId = ctx.actor.vendorId;
  try {
    const [row] = await db
      .insert(triggers)
      .values({
        vendorId,
        title: input.title,
        description: input.description ?? '',
        enabled: input.enabled ?? true,
        conditions: input.conditions,
        actions: input.actions.map(({ field, value }) => ({ field, value: value ?? null })),
        createdBy: ctx.actor.agentId,
        sortOrder: sql`(select coalesce(max(sort_order) + 1, 0) from triggers where vendor_id = ${vendorId})`,
      })
      .returning();
    if (!row) throw new Error('trigger insert returned nothing');
    invalidateVendorCache(TRIGGER_CACHE, vendorId);
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw titleTaken(input.title);
    throw err;
  }
}

export async function updateTrigger(
  db: Db,
  ctx: TicketContext,
  id: number,
  input: TriggerUpdateInput,
): Promise<TriggerRow> {
  const vendorId = ctx.actor.vendorId;
  const current = await getTrigger(db, vendorId, id);
  const errors = await triggerErrors(db, ctx, input);
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  if (Object.keys(input).length === 0) return current;
  try {
    const [row] = await db
      .update(triggers)
      .set({
        ...input,
        ...(input.actions
          ? { actions: input.actions.map(({ field, value }) => ({ field, value: value ?? null })) }
          : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(triggers.vendorId, vendorId), eq(triggers.id, id)))
      .returning();
    if (!row) throw new AppError('not_found');
    invalidateVendorCache(TRIGGER_CACHE, vendorId);
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw titleTaken(input.title ?? current.title);
    throw err;
  }
}

export async function deleteTrigger(db: Db, vendorId: number, id: number): Promise<void> {
  const deleted = await db
    .delete(triggers)
    .where(and(eq(triggers.vendorId, vendorId), eq(triggers.id, id)))
    .returning({ id: triggers.id });
  if (deleted.length === 0) throw new AppError('not_found');
  invalidateVendorCache(TRIGGER_CACHE, vendorId);
}

/** 拖动排序: the listed triggers first in the given order, the others after them in their order. */
export async function orderTriggers(db: Db, vendorId: number, ids: number[]): Promise<TriggerRow[]> {
  const ordered = await db.transaction(async (tx) => {
    await applyRuleOrder(await listTriggers(tx, vendorId), ids, (id, sortOrder) =>
      tx
        .update(triggers)
        .set({ sortOrder })
        .where(and(eq(triggers.vendorId, vendorId), eq(triggers.id, id))),
    );
    return listTriggers(tx, vendorId);
  });
  invalidateVendorCache(TRIGGER_CACHE, vendorId);
  return ordered;
}

/** The cache kind of the enabled triggers in order (engine.ts reads them on every ticket change). */
export const TRIGGER_CACHE = 'triggers.enabled';
