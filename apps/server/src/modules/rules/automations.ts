import type {
  AutomationCreateInput,
  AutomationUpdateInput,
  ConditionSet,
  TriggerAction,
} from '@yidan/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import type { TicketContext } from '../tickets/context.js';
import { triggerActionErrors, triggerActionFields } from './actions.js';
import {
  automationCatalogue,
  automationConditionErrors,
  automationRuleErrors,
  automationRuntimeCatalogue,
} from './automationConditions.js';
import { loadCustomerFields } from './customerActions.js';
import { applyRuleOrder } from './ordering.js';
import { presentRule } from './present.js';
import { type AutomationRow, automations } from './schema.js';

export const presentAutomation = presentRule;

/** The vendor's automations in the order they run. */
export async function listAutomations(db: Db, vendorId: number): Promise<AutomationRow[]> {
  return db
    .select()
    .from(automations)
    .where(eq(automations.vendorId, vendorId))
    .orderBy(asc(automations.sortOrder), asc(automations.id));
}

export async function getAutomation(db: Db, vendorId: number, id: number): Promise<AutomationRow> {
  const [row] = await db
    .select()
    .from(automations)
    .where(and(eq(automations.vendorId, vendorId), eq(automations.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** What the console's automation builder offers: ticket and time conditions, the actions (closing included). */
export async function automationBuilderCatalogue(db: Db, ctx: TicketContext) {
  const cat = await automationCatalogue(db, ctx);
  const option = (key: string) =>
    (cat.fields.find((f) => f.key === key)?.options ?? [])
      .filter((o) => o.value !== '$me')
      .map((o) => ({ id: Number(o.value), name: o.label.zh }));
  const actions = triggerActionFields(
    ctx.fields,
    {
      agents: option('ticket.assigneeId'),
      groups: option('ticket.groupId'),
      templates: option('ticket.templateId'),
      customer: await loadCustomerFields(db, ctx.actor.vendorId),
    },
    { close: true },
  );
  return { conditions: cat.fields, actions };
}

/**
 * Conditions against the automation catalogue, actions against the action catalogue, then the
 * automation rules (a time condition, a ticket condition, a condition the actions nullify) over
 * the automation as it will be saved.
 */
async function automationErrors(
  db: Db,
  ctx: TicketContext,
  input: { conditions?: ConditionSet; actions?: TriggerAction[] },
  current?: AutomationRow,
): Promise<void> {
  const errors: FieldError[] = [];
  if (input.conditions) errors.push(...(await automationConditionErrors(db, ctx, input.conditions)));
  if (input.actions)
    errors.push(
      ...(await triggerActionErrors(db, ctx.actor.vendorId, ctx.fields, input.actions, 'body.actions', {
        close: true,
      })),
    );
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const conditions = input.conditions ?? current?.conditions;
  const actions = input.actions ?? current?.actions;
  if (!conditions || !actions) return;
  const { catalogue } = automationRuntimeCatalogue(ctx.fields, new Date());
  const refused = automationRuleErrors(conditions, actions, catalogue);
  if (refused) throw refused;
}

const titleTaken = (title: string) =>
  new AppError('name_taken', { name: title }, [{ path: 'body.title', message: 'taken' }]);

/** A new automation runs after the existing ones. */
export async function createAutomation(
  db: Db,
  ctx: TicketContext,
  input: AutomationCreateInput,
): Promise<AutomationRow> {
  await automationErrors(db, ctx, input);
  const vendorId = ctx.actor.vendorId;
  try {
    const [row] = await db
      .insert(automations)
      .values({
        vendorId,
        title: input.title,
        description: input.description ?? '',
        enabled: input.enabled ?? true,
        conditions: input.conditions,
        actions: input.actions.map(({ field, value }) => ({ field, value: value ?? null })),
        createdBy: ctx.actor.agentId,
        sortOrder: sql`(select coalesce(max(sort_order) + 1, 0) from automations where vendor_id = ${vendorId})`,
      })
      .returning();
    if (!row) throw new Error('automation insert returned nothing');
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw titleTaken(input.title);
    throw err;
  }
}

export async function updateAutomation(
  db: Db,
  ctx: TicketContext,
  id: number,
  input: AutomationUpdateInput,
): Promise<AutomationRow> {
  const vendorId = ctx.actor.vendorId;
  const current = await getAutomation(db, vendorId, id);
  await automationErrors(db, ctx, input, current);
  if (Object.keys(input).length === 0) return current;
  try {
    const [row] = await db
      .update(automations)
      .set({
        ...input,
        ...(input.actions
          ? { actions: input.actions.map(({ field, value }) => ({ field, value: value ?? null })) }
          : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(automations.vendorId, vendorId), eq(automations.id, id)))
      .returning();
    if (!row) throw new AppError('not_found');
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw titleTaken(input.title ?? current.title);
    throw err;
  }
}

export async function deleteAutomation(db: Db, vendorId: number, id: number): Promise<void> {
  const deleted = await db
    .delete(automations)
    .where(and(eq(automations.vendorId, vendorId), eq(automations.id, id)))
    .returning({ id: automations.id });
  if (deleted.length === 0) throw new AppError('not_found');
}

/** 排序: the listed automations first in the given order, the others after them in their order. */
export async function orderAutomations(db: Db, vendorId: number, ids: number[]): Promise<AutomationRow[]> {
  return db.transaction(async (tx) => {
    await applyRuleOrder(await listAutomations(tx, vendorId), ids, (id, sortOrder) =>
      tx
        .update(automations)
        .set({ sortOrder })
        .where(and(eq(automations.vendorId, vendorId), eq(automations.id, id))),
    );
    return listAutomations(tx, vendorId);
  });
}
