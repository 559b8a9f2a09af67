import type { FieldDefinition } from '@yidan/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { type CustomValues, validateCustomValues } from '../../platform/fields/values.js';
import type { FieldError } from '../../platform/http/errors.js';
import type { TicketContext } from './context.js';
import { ticketTemplates } from './schema.js';

export type TemplateRow = typeof ticketTemplates.$inferSelect;

export async function loadTemplate(db: Db, vendorId: number, id: number): Promise<TemplateRow | null> {
  const [row] = await db
    .select()
    .from(ticketTemplates)
    .where(and(eq(ticketTemplates.vendorId, vendorId), eq(ticketTemplates.id, id)));
  return row ?? null;
}

/**
 * The custom fields a ticket of this template shows and validates: only the template's fields
 * (with its required flags added to the fields' own); without a template, every enabled field.
 */
export function templateFieldDefs(
  fields: FieldDefinition[],
  template: TemplateRow | null,
): FieldDefinition[] {
  const custom = fields.filter((f) => !f.system && f.enabled);
  if (!template) return custom;
  const inTemplate = new Map(template.fields.map((f) => [f.key, f]));
  return custom
    .filter((f) => inTemplate.has(f.key))
    .map((f) => ({ ...f, required: f.required || Boolean(inTemplate.get(f.key)?.required) }));
}

/**
 * Validates a ticket's custom values on every write path: the template's fields only, read-only
 * scopes, required flags and each value's type. `existing` is absent on create.
 */
export function checkTicketCustom(
  ctx: Pick<TicketContext, 'fields' | 'writer'>,
  template: TemplateRow | null,
  input: CustomValues,
  existing?: CustomValues,
): { values: CustomValues; errors: FieldError[] } {
  const defs = templateFieldDefs(ctx.fields, template);
  const known = new Set(defs.map((d) => d.key));
  const errors: FieldError[] = [];
  const own: CustomValues = {};
  for (const [k, v] of Object.entries(input)) {
    if (known.has(k)) own[k] = v;
    else if (ctx.fields.some((f) => f.key === k && !f.system && f.enabled))
      errors.push({ path: `body.custom.${k}`, message: 'not_in_template' });
    else errors.push({ path: `body.custom.${k}`, message: 'unknown_field' });
  }
  const checked = validateCustomValues(defs, own, { writer: ctx.writer, existing });
  return { values: checked.values, errors: [...errors, ...checked.errors] };
}
