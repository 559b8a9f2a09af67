import { type FieldDefinition, type FieldType, NUMERIC_FIELD_TYPES } from '@yidan/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { evaluateExpression, parseExpression } from '../../platform/fields/expression.js';
import { DEFAULT_PRECISION } from '../../platform/fields/fieldConfig.js';
import { type CustomValues, validateCustomValues } from '../../platform/fields/values.js';
import { findFiles } from '../../platform/files/service.js';
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

/** 可见范围: the owner always; everyone; members of the listed groups; the listed agents. */
export function isTemplateVisible(
  t: Pick<TemplateRow, 'visibility' | 'ownerAgentId'>,
  who: { agentId: number; groupIds: number[] },
): boolean {
  if (t.ownerAgentId === who.agentId) return true;
  const v = t.visibility;
  if (v.scope === 'all') return true;
  if (v.scope === 'groups') return v.groupIds.some((g) => who.groupIds.includes(g));
  if (v.scope === 'agents') return v.agentIds.includes(who.agentId);
  return false;
}

/**
 * The template a ticket write uses; `undefined` when the caller may not use it (unknown_template).
 * A newly chosen template must be enabled and visible to the caller — the vendor's default one is
 * everyone's, and 工单设置 holders may use any. The ticket's current template stays valid even
 * after it was disabled or hidden, so its tickets remain editable.
 */
export async function templateForWrite(
  tx: Db,
  ctx: Pick<TicketContext, 'actor' | 'groupIds'>,
  templateId: number | null,
  currentTemplateId: number | null,
): Promise<TemplateRow | null | undefined> {
  if (templateId === null) return null;
  const t = await loadTemplate(tx, ctx.actor.vendorId, templateId);
  if (!t) return undefined;
  if (templateId === currentTemplateId) return t;
  if (!t.enabled) return undefined;
  const usable =
    t.isDefault ||
    ctx.actor.permissions.has('ticket.settings') ||
    isTemplateVisible(t, { agentId: ctx.actor.agentId, groupIds: ctx.groupIds });
  return usable ? t : undefined;
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

const isNumeric = (t: FieldType) => (NUMERIC_FIELD_TYPES as readonly FieldType[]).includes(t);

/**
 * 计算字段: each calculated field's value from the ticket's current numeric values, rounded to its
 * precision; absent when an operand is missing or the result is undefined (÷0).
 */
export function computeCalculated(
  calculated: FieldDefinition[],
  fields: FieldDefinition[],
  values: CustomValues,
): void {
  const numeric = new Set(
    fields.filter((f) => !f.system && f.enabled && isNumeric(f.type)).map((f) => f.key),
  );
  for (const def of calculated) {
    const tree = typeof def.config.expression === 'string' ? parseExpression(def.config.expression) : null;
    const result = tree ? evaluateExpression(tree, (k) => (numeric.has(k) ? values[k] : undefined)) : null;
    if (result === null) {
      delete values[def.key];
      continue;
    }
    const precision = typeof def.config.precision === 'number' ? def.config.precision : DEFAULT_PRECISION;
    const f = 10 ** precision;
    values[def.key] = Math.round(result * f) / f;
  }
}

/**
 * Values that point at uploaded files must name files of the vendor: attachments (stored with the
 * file's real name and size) and signatures (which must be images).
 */
async function checkFileValues(
  tx: Db,
  vendorId: number,
  defs: FieldDefinition[],
  keys: string[],
  values: CustomValues,
): Promise<FieldError[]> {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const wanted: { key: string; type: 'attachment' | 'signature' }[] = [];
  for (const key of keys) {
    const type = byKey.get(key)?.type;
    if ((type === 'attachment' || type === 'signature') && values[key] !== undefined)
      wanted.push({ key, type });
  }
  if (wanted.length === 0) return [];
  const ids = wanted.flatMap(({ key, type }) =>
    type === 'signature'
      ? [values[key] as string]
      : (values[key] as { fileId: string }[]).map((a) => a.fileId),
  );
  const found = await findFiles(tx, vendorId, ids);
  const errors: FieldError[] = [];
  for (const { key, type } of wanted) {
    if (type === 'signature') {
      const file = found.get(values[key] as string);
      if (!file) errors.push({ path: `body.custom.${key}`, message: 'unknown_file' });
      else if (!file.mime.startsWith('image/'))
        errors.push({ path: `body.custom.${key}`, message: 'signature_not_image' });
      continue;
    }
    values[key] = (values[key] as { fileId: string }[]).map((a, i) => {
      const file = found.get(a.fileId);
      if (!file) errors.push({ path: `body.custom.${key}.${i}.fileId`, message: 'unknown_file' });
      return file ? { fileId: file.id, name: file.name, size: file.size } : a;
    });
  }
  return errors;
}

/**
 * Validates a ticket's custom values on every write path: the template's fields only, read-only
 * scopes, required flags, each value's type and the files values point at. Calculated fields are
 * never taken from the input: they are computed here, as are 商品表 totals (by the value check).
 * `existing` is absent on create.
 */
export async function checkTicketCustom(
  tx: Db,
  ctx: Pick<TicketContext, 'fields' | 'writer' | 'actor'>,
  template: TemplateRow | null,
  input: CustomValues,
  existing?: CustomValues,
): Promise<{ values: CustomValues; errors: FieldError[] }> {
  const defs = templateFieldDefs(ctx.fields, template);
  const calculated = defs.filter((d) => d.type === 'calculated');
  const writable = defs.filter((d) => d.type !== 'calculated');
  const known = new Set(defs.map((d) => d.key));
  const errors: FieldError[] = [];
  const own: CustomValues = {};
  for (const [k, v] of Object.entries(input)) {
    if (calculated.some((d) => d.key === k)) continue;
    if (known.has(k)) own[k] = v;
    else if (ctx.fields.some((f) => f.key === k && !f.system && f.enabled))
      errors.push({ path: `body.custom.${k}`, message: 'not_in_template' });
    else errors.push({ path: `body.custom.${k}`, message: 'unknown_field' });
  }
  const checked = validateCustomValues(writable, own, { writer: ctx.writer, existing });
  errors.push(...checked.errors);
  const at = (k: string) => `body.custom.${k}`;
  const valid = Object.keys(own).filter(
    (k) => !errors.some((e) => e.path === at(k) || e.path.startsWith(`${at(k)}.`)),
  );
  errors.push(...(await checkFileValues(tx, ctx.actor.vendorId, writable, valid, checked.values)));
  computeCalculated(calculated, ctx.fields, checked.values);
  return { values: checked.values, errors };
}
