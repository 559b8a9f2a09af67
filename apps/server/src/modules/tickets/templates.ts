import type {
  FieldDefinition,
  TicketTemplate,
  TicketTemplateForm,
  ticketTemplateCreateBody,
  ticketTemplateUpdateBody,
} from '@yidan/contracts';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { invalidateVendorCache } from '../../platform/cache/vendorCache.js';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { isReadOnlyFor } from '../../platform/fields/values.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { listFields } from '../fields/service.js';
import { agents, groups } from '../org/schema.js';
import type { TicketContext } from './context.js';
import { isTemplateVisible, loadTemplate, type TemplateRow } from './customFields.js';
import { ticketTemplates } from './schema.js';

/** 工单模板 (manual 5.1.2): named field sets with sections, visibility and one optional default. */

export type TemplateCreateInput = z.infer<typeof ticketTemplateCreateBody>;
export type TemplateUpdateInput = z.infer<typeof ticketTemplateUpdateBody>;

export function presentTemplate(r: TemplateRow): TicketTemplate {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    visibility: r.visibility,
    isDefault: r.isDefault,
    enabled: r.enabled,
    fields: r.fields,
    sections: r.sections,
    sortOrder: r.sortOrder,
    ownerAgentId: r.ownerAgentId,
  };
}

const canManage = (ctx: TicketContext) => ctx.actor.permissions.has('ticket.settings');
const visibleTo = (ctx: TicketContext, t: TemplateRow) =>
  isTemplateVisible(t, { agentId: ctx.actor.agentId, groupIds: ctx.groupIds });

/**
 * The templates to choose from on a ticket form: enabled and visible to the caller. `all` (工单设置
 * only) lists every template, disabled ones included, for the settings page.
 */
export async function listTemplates(db: Db, ctx: TicketContext, all: boolean): Promise<TicketTemplate[]> {
  if (all && !canManage(ctx)) throw new AppError('forbidden');
  const rows = await db
    .select()
    .from(ticketTemplates)
    .where(eq(ticketTemplates.vendorId, ctx.actor.vendorId))
    .orderBy(asc(ticketTemplates.sortOrder), asc(ticketTemplates.id));
  return rows.filter((t) => all || (t.enabled && visibleTo(ctx, t))).map(presentTemplate);
}

/** A template the caller may see (工单设置 holders see every one); 404 otherwise. */
export async function getTemplate(db: Db, ctx: TicketContext, id: number): Promise<TemplateRow> {
  const t = await loadTemplate(db, ctx.actor.vendorId, id);
  if (!t || !(canManage(ctx) || visibleTo(ctx, t))) throw new AppError('not_found');
  return t;
}

type TemplateState = Pick<TemplateRow, 'fields' | 'sections' | 'visibility' | 'isDefault' | 'enabled'>;

/**
 * Checks a template as it would be stored: fields name enabled custom or system ticket fields, once
 * each; sections are unique and every field's section exists; visibility lists this vendor's
 * groups and agents; the default template is enabled. Parts the change does not touch are not
 * re-checked, so a field deleted since does not block renaming a template.
 */
async function validateTemplate(
  db: Db,
  vendorId: number,
  t: TemplateState,
  touched: { fields: boolean; visibility: boolean },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const sectionNames = new Set<string>();
  t.sections.forEach((s, i) => {
    if (sectionNames.has(s.name)) errors.push({ path: `body.sections.${i}.name`, message: 'duplicate' });
    sectionNames.add(s.name);
  });
  if (touched.fields) {
    const defs = await listFields(db, vendorId, 'ticket');
    const usable = new Set(defs.filter((d) => d.system || d.enabled).map((d) => d.key));
    const seen = new Set<string>();
    t.fields.forEach((f, i) => {
      if (!usable.has(f.key)) errors.push({ path: `body.fields.${i}.key`, message: 'unknown_field' });
      else if (seen.has(f.key)) errors.push({ path: `body.fields.${i}.key`, message: 'duplicate' });
      seen.add(f.key);
      if (f.section !== null && !sectionNames.has(f.section))
        errors.push({ path: `body.fields.${i}.section`, message: 'unknown_section' });
    });
  }
  if (touched.visibility) errors.push(...(await checkAudience(db, vendorId, t.visibility)));
  if (t.isDefault && !t.enabled) errors.push({ path: 'body.enabled', message: 'default_disabled' });
  return errors;
}

export async function checkAudience(
  db: Db,
  vendorId: number,
  v: TemplateRow['visibility'],
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (v.groupIds.length) {
    const rows = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.vendorId, vendorId), inArray(groups.id, v.groupIds)));
    const known = new Set(rows.map((r) => r.id));
    v.groupIds.forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `body.visibility.groupIds.${i}`, message: 'unknown_group' });
    });
  }
  if (v.agentIds.length) {
    const rows = await db
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.vendorId, vendorId), inArray(agents.id, v.agentIds)));
    const known = new Set(rows.map((r) => r.id));
    v.agentIds.forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `body.visibility.agentIds.${i}`, message: 'unknown_agent' });
    });
  }
  return errors;
}

/**
 * Makes `id` the vendor's only default. The per-vendor advisory lock serialises concurrent
 * "set default" writes, which row locks alone cannot (a concurrently inserted default is invisible).
 */
async function unsetOtherDefaults(tx: Db, vendorId: number, id: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(7201, ${vendorId}::int)`);
  await tx
    .update(ticketTemplates)
    .set({ isDefault: false, updatedAt: new Date() })
    .where(
      and(
        eq(ticketTemplates.vendorId, vendorId),
        eq(ticketTemplates.isDefault, true),
        ne(ticketTemplates.id, id),
      ),
    );
}

const nameTaken =
  (name: string) =>
  (err: unknown): never => {
    if (isUniqueViolation(err)) throw new AppError('name_taken', { name });
    throw err;
  };

export async function createTemplate(db: Db, ctx: TicketContext, input: TemplateCreateInput) {
  const vendorId = ctx.actor.vendorId;
  const state: TemplateState = {
    fields: (input.fields ?? []).map((f) => ({
      key: f.key,
      section: f.section ?? null,
      required: f.required ?? false,
    })),
    sections: (input.sections ?? []).map((s) => ({ name: s.name, collapsed: s.collapsed ?? false })),
    visibility: input.visibility ?? { scope: 'all', groupIds: [], agentIds: [] },
    isDefault: input.isDefault ?? false,
    enabled: input.enabled ?? true,
  };
  const errors = await validateTemplate(db, vendorId, state, { fields: true, visibility: true });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return db
    .transaction(async (tx) => {
      const [last] = await tx
        .select({ max: sql<number>`coalesce(max(${ticketTemplates.sortOrder}), -1)::int` })
        .from(ticketTemplates)
        .where(eq(ticketTemplates.vendorId, vendorId));
      const [row] = await tx
        .insert(ticketTemplates)
        .values({
          vendorId,
          ...state,
          name: input.name,
          description: input.description ?? '',
          sortOrder: (last?.max ?? -1) + 1,
          ownerAgentId: ctx.actor.agentId,
        })
        .returning();
      if (!row) throw new Error('template insert returned nothing');
      if (row.isDefault) await unsetOtherDefaults(tx, vendorId, row.id);
      return presentTemplate(row);
    })
    .catch(nameTaken(input.name))
    .finally(() => invalidateVendorCache('ticketTemplates', vendorId));
}

export async function updateTemplate(db: Db, ctx: TicketContext, id: number, patch: TemplateUpdateInput) {
  const vendorId = ctx.actor.vendorId;
  const current = await loadTemplate(db, vendorId, id);
  if (!current) throw new AppError('not_found');
  const next: TemplateState = {
    fields:
      patch.fields?.map((f) => ({ key: f.key, section: f.section ?? null, required: f.required ?? false })) ??
      current.fields,
    sections:
      patch.sections?.map((s) => ({ name: s.name, collapsed: s.collapsed ?? false })) ?? current.sections,
    visibility: patch.visibility ?? current.visibility,
    isDefault: patch.isDefault ?? current.isDefault,
    enabled: patch.enabled ?? current.enabled,
  };
  const errors = await validateTemplate(db, vendorId, next, {
    fields: patch.fields !== undefined || patch.sections !== undefined,
    visibility: patch.visibility !== undefined,
  });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .update(ticketTemplates)
        .set({
          ...next,
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(ticketTemplates.vendorId, vendorId), eq(ticketTemplates.id, id)))
        .returning();
      if (!row) throw new AppError('not_found');
      if (row.isDefault && !current.isDefault) await unsetOtherDefaults(tx, vendorId, id);
      return presentTemplate(row);
    })
    .catch(nameTaken(patch.name ?? current.name))
    .finally(() => invalidateVendorCache('ticketTemplates', vendorId));
}

/** Deletes a template; its tickets and views keep working without one (the foreign keys set null). */
export async function deleteTemplate(db: Db, ctx: TicketContext, id: number) {
  const vendorId = ctx.actor.vendorId;
  await db.transaction(async (tx) => {
    const [t] = await tx
      .select()
      .from(ticketTemplates)
      .where(and(eq(ticketTemplates.vendorId, vendorId), eq(ticketTemplates.id, id)))
      .for('update');
    if (!t) throw new AppError('not_found');
    // 默认模板是不允许删除 (manual 5.1.2): unset it first.
    if (t.isDefault) throw new AppError('template_default_delete');
    await tx
      .delete(ticketTemplates)
      .where(and(eq(ticketTemplates.vendorId, vendorId), eq(ticketTemplates.id, id)));
  });
  invalidateVendorCache('ticketTemplates', vendorId);
}

/**
 * What the ticket form renders for a template: its fields in template order, resolved to their
 * definitions, with section, required (the field's or the template's) and whether the caller may
 * edit them. Fields deleted or disabled since are left out. Any agent may read it: tickets already
 * carrying a template must render for everyone who can see them.
 */
export async function templateForm(db: Db, ctx: TicketContext, id: number): Promise<TicketTemplateForm> {
  const t = await loadTemplate(db, ctx.actor.vendorId, id);
  if (!t) throw new AppError('not_found');
  const byKey = new Map(ctx.fields.map((f) => [f.key, f]));
  const fields: TicketTemplateForm['fields'] = [];
  for (const tf of t.fields) {
    const def: FieldDefinition | undefined = byKey.get(tf.key);
    if (!def || (!def.system && !def.enabled)) continue;
    const readOnly = !ctx.writer.isAdmin && isReadOnlyFor(def.readOnly, ctx.writer);
    fields.push({
      ...def,
      section: tf.section,
      required: def.required || tf.required,
      editable: def.type !== 'calculated' && !readOnly,
    });
  }
  return { template: presentTemplate(t), sections: t.sections, fields };
}
