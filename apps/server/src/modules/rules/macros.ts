import type {
  Macro,
  MacroAction,
  MacroCreateInput,
  MacroMode,
  MacroUpdateInput,
  TriggerAction,
  Visibility,
} from '@yidan/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { validateConditions } from '../../platform/rules/catalogue.js';
import { bindCurrentAgent, ticketCatalogue } from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import { isTemplateVisible } from '../tickets/customFields.js';
import { ticketTemplates } from '../tickets/schema.js';
import { checkAudience } from '../tickets/templates.js';
import { macroActionErrors, macroActionFields, macroFormFields } from './macroActions.js';
import { applyRuleOrder } from './ordering.js';
import { type MacroRow, macros } from './schema.js';

const ALL: Visibility = { scope: 'all', groupIds: [], agentIds: [] };
const storedActions = (list: MacroAction[] = []): TriggerAction[] =>
  list.map(({ field, value, onlyIfEmpty }) => ({
    field,
    value: value ?? null,
    ...(onlyIfEmpty ? { onlyIfEmpty: true } : {}),
  }));
const presentActions = (list: MacroAction[]) =>
  list.map((a) => ({
    field: a.field,
    value: a.value ?? null,
    ...(a.onlyIfEmpty ? { onlyIfEmpty: true } : {}),
  }));

export function presentMacro(r: MacroRow): Macro {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    enabled: r.enabled,
    sortOrder: r.sortOrder,
    mode: r.mode,
    watchFields: r.watchFields,
    conditions: r.conditions,
    actions: presentActions(r.actions),
    elseActions: presentActions(r.elseActions),
    visibility: r.visibility,
    templateIds: r.templateIds,
    ownerAgentId: r.ownerAgentId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** 可用于: the owner always (当前用户); every agent; members of the listed groups; the listed agents. */
export const isMacroVisible = (m: MacroRow, ctx: Pick<TicketContext, 'actor' | 'groupIds'>) =>
  isTemplateVisible(m, { agentId: ctx.actor.agentId, groupIds: ctx.groupIds });

/** 适用模板: every template when none is listed, else the listed ones only. */
export const appliesToTemplate = (m: MacroRow, templateId: number | null) =>
  m.templateIds.length === 0 || (templateId !== null && m.templateIds.includes(templateId));

const manages = (ctx: Pick<TicketContext, 'actor'>) => ctx.actor.permissions.has('ticket.settings');

/**
 * The vendor's macros in order. 工单设置 holders manage them all; other agents see the ones visible
 * to them (a personal macro is its owner's).
 */
export async function listMacros(
  db: Db,
  ctx: TicketContext,
  where?: { mode?: MacroMode },
): Promise<MacroRow[]> {
  const rows = await db
    .select()
    .from(macros)
    .where(
      and(eq(macros.vendorId, ctx.actor.vendorId), where?.mode ? eq(macros.mode, where.mode) : undefined),
    )
    .orderBy(asc(macros.sortOrder), asc(macros.id));
  return manages(ctx) ? rows : rows.filter((m) => isMacroVisible(m, ctx));
}

export async function getMacro(db: Db, ctx: TicketContext, id: number): Promise<MacroRow> {
  const [row] = await db
    .select()
    .from(macros)
    .where(and(eq(macros.vendorId, ctx.actor.vendorId), eq(macros.id, id)));
  if (!row || !(manages(ctx) || isMacroVisible(row, ctx))) throw new AppError('not_found');
  return row;
}

/**
 * The macros a form offers its agent: enabled, visible to them, for the form's template, in order
 * (optionally of one mode).
 */
export async function availableMacros(
  db: Db,
  ctx: TicketContext,
  templateId: number | null,
  mode?: MacroMode,
): Promise<MacroRow[]> {
  const rows = await db
    .select()
    .from(macros)
    .where(
      and(
        eq(macros.vendorId, ctx.actor.vendorId),
        eq(macros.enabled, true),
        mode ? eq(macros.mode, mode) : undefined,
      ),
    )
    .orderBy(asc(macros.sortOrder), asc(macros.id));
  return rows.filter((m) => isMacroVisible(m, ctx) && appliesToTemplate(m, templateId));
}

/**
 * What the console's macro builder offers: the ticket condition catalogue, the macro actions with
 * labels, value types and options (agents, groups, form fields, the other macros), the form fields.
 */
export async function macroBuilderCatalogue(db: Db, ctx: TicketContext) {
  const cat = await ticketCatalogue(db, ctx);
  const option = (key: string) =>
    (cat.fields.find((f) => f.key === key)?.options ?? [])
      .filter((o) => o.value !== '$me')
      .map((o) => ({ id: Number(o.value), name: o.label.zh }));
  const formFields = macroFormFields(cat.fields, ctx.fields);
  const list = await listMacros(db, ctx);
  const actions = macroActionFields(ctx.fields, {
    agents: option('ticket.assigneeId'),
    groups: option('ticket.groupId'),
    templates: option('ticket.templateId'),
    formFields,
    macros: list.map((m) => ({ id: m.id, title: m.title })),
  });
  return { conditions: cat.fields, actions, formFields };
}

type MacroState = Pick<MacroRow, 'mode' | 'watchFields' | 'conditions' | 'actions' | 'elseActions'> & {
  visibility: Visibility;
  templateIds: number[];
};

/**
 * Problems of a macro as it will be saved: conditions against the caller's ticket catalogue (no
 * change operators: a macro looks at the form, not at a change), both action lists against the
 * macro catalogue in the macro's mode, watched fields (mode 字段值改变 needs one), the audience and
 * the templates.
 */
async function macroErrors(
  db: Db,
  ctx: TicketContext,
  m: MacroState,
  touched: Set<string>,
): Promise<FieldError[]> {
  const vendorId = ctx.actor.vendorId;
  const cat = await ticketCatalogue(db, ctx);
  const formFields = macroFormFields(cat.fields, ctx.fields);
  const errors: FieldError[] = [];
  if (touched.has('conditions'))
    errors.push(
      ...validateConditions(bindCurrentAgent(m.conditions, ctx.actor.agentId), cat.catalogue, {
        path: 'body.conditions',
      }),
    );
  const modeChanged = touched.has('mode');
  for (const [list, key] of [
    [m.actions, 'actions'],
    [m.elseActions, 'elseActions'],
  ] as const) {
    if (touched.has(key) || modeChanged)
      errors.push(
        ...(await macroActionErrors(db, vendorId, ctx.fields, list, m.mode, `body.${key}`, formFields)),
      );
  }
  if (touched.has('watchFields') || modeChanged) {
    const formKeys = new Set(formFields.map((f) => f.key));
    if (m.mode === 'change' && m.watchFields.length === 0)
      errors.push({ path: 'body.watchFields', message: 'required' });
    m.watchFields.forEach((k, i) => {
      if (!formKeys.has(k)) errors.push({ path: `body.watchFields.${i}`, message: 'unknown_field' });
    });
  }
  if (touched.has('visibility')) errors.push(...(await checkAudience(db, vendorId, m.visibility)));
  if (touched.has('templateIds') && m.templateIds.length) {
    const found = new Set(
      (
        await db
          .select({ id: ticketTemplates.id })
          .from(ticketTemplates)
          .where(and(eq(ticketTemplates.vendorId, vendorId), inArray(ticketTemplates.id, m.templateIds)))
      ).map((r) => r.id),
    );
    m.templateIds.forEach((id, i) => {
      if (!found.has(id)) errors.push({ path: `body.templateIds.${i}`, message: 'unknown_template' });
    });
  }
  return errors;
}

const titleTaken = (title: string) =>
  new AppError('name_taken', { name: title }, [{ path: 'body.title', message: 'taken' }]);

/** Watched fields matter only to 字段值改变; other modes keep none. */
const watched = (mode: MacroMode, fields: string[]) => (mode === 'change' ? [...new Set(fields)] : []);

/** A new macro goes to the end of the order; its creator owns it (当前用户). */
export async function createMacro(db: Db, ctx: TicketContext, input: MacroCreateInput): Promise<MacroRow> {
  const vendorId = ctx.actor.vendorId;
  const mode = input.mode ?? 'manual';
  const state: MacroState = {
    mode,
    watchFields: watched(mode, input.watchFields ?? []),
    conditions: input.conditions ?? { all: [], any: [] },
    actions: storedActions(input.actions),
    elseActions: storedActions(input.elseActions),
    visibility: input.visibility ?? ALL,
    templateIds: [...new Set(input.templateIds ?? [])],
  };
  const touched = new Set(['conditions', 'actions', 'elseActions', 'visibility', 'templateIds', 'mode']);
  const errors = await macroErrors(db, ctx, state, touched);
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  try {
    const [row] = await db
      .insert(macros)
      .values({
        vendorId,
        title: input.title,
        description: input.description ?? '',
        enabled: input.enabled ?? true,
        ...state,
        ownerAgentId: ctx.actor.agentId,
        sortOrder: sql`(select coalesce(max(sort_order) + 1, 0) from macros where vendor_id = ${vendorId})`,
      })
      .returning();
    if (!row) throw new Error('macro insert returned nothing');
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw titleTaken(input.title);
    throw err;
  }
}

/** Checked as the macro will be saved: a new mode re-checks the actions (阻止提交 only on submit). */
export async function updateMacro(
  db: Db,
  ctx: TicketContext,
  id: number,
  input: MacroUpdateInput,
): Promise<MacroRow> {
  const vendorId = ctx.actor.vendorId;
  const current = await getMacro(db, ctx, id);
  const mode = input.mode ?? current.mode;
  const state: MacroState = {
    mode,
    watchFields: watched(mode, input.watchFields ?? current.watchFields),
    conditions: input.conditions ?? current.conditions,
    actions: input.actions ? storedActions(input.actions) : current.actions,
    elseActions: input.elseActions ? storedActions(input.elseActions) : current.elseActions,
    visibility: input.visibility ?? current.visibility,
    templateIds: input.templateIds ? [...new Set(input.templateIds)] : current.templateIds,
  };
  const errors = await macroErrors(db, ctx, state, new Set(Object.keys(input)));
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  if (Object.keys(input).length === 0) return current;
  try {
    const [row] = await db
      .update(macros)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...state,
        updatedAt: new Date(),
      })
      .where(and(eq(macros.vendorId, vendorId), eq(macros.id, id)))
      .returning();
    if (!row) throw new AppError('not_found');
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw titleTaken(input.title ?? current.title);
    throw err;
  }
}

export async function deleteMacro(db: Db, vendorId: number, id: number): Promise<void> {
  const deleted = await db
    .delete(macros)
    .where(and(eq(macros.vendorId, vendorId), eq(macros.id, id)))
    .returning({ id: macros.id });
  if (deleted.length === 0) throw new AppError('not_found');
}

/** 拖动排序: the listed macros first in the given order, the others after them in their order. */
export async function orderMacros(db: Db, ctx: TicketContext, ids: number[]): Promise<MacroRow[]> {
  const vendorId = ctx.actor.vendorId;
  return db.transaction(async (tx) => {
    await applyRuleOrder(await listMacros(tx, ctx), ids, (id, sortOrder) =>
      tx
        .update(macros)
        .set({ sortOrder })
        .where(and(eq(macros.vendorId, vendorId), eq(macros.id, id))),
    );
    return listMacros(tx, ctx);
  });
}
