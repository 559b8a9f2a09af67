import { isReadOnlyFor } from '../../platform/fields/values.js';
import type { FieldError } from '../../platform/http/errors.js';
import type { TicketContext } from './context.js';
import type { TemplateRow } from './customFields.js';
import type { TicketRow } from './schema.js';

const blank = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) =>
  JSON.stringify(a instanceof Date ? a.toISOString() : (a ?? null)) ===
  JSON.stringify(b instanceof Date ? b.toISOString() : (b ?? null));

/**
 * Read-only scopes and required flags of the ticket's system fields (标题, 优先级, 联系人 …), set in
 * 工单字段 and per template: the same rules custom fields follow, on every write path.
 * `given` holds the column values a change sets; `current` is absent on create.
 */
export function checkSystemFields(
  ctx: Pick<TicketContext, 'fields' | 'writer'>,
  template: TemplateRow | null,
  given: Partial<TicketRow>,
  current: TicketRow | null,
): FieldError[] {
  const errors: FieldError[] = [];
  const requiredByTemplate = new Set(template?.fields.filter((f) => f.required).map((f) => f.key) ?? []);
  for (const def of ctx.fields) {
    if (!def.system) continue;
    const key = def.key as keyof TicketRow;
    const setsIt = key in given;
    const value = setsIt ? given[key] : current?.[key];
    if (
      setsIt &&
      current &&
      !same(value, current[key]) &&
      isReadOnlyFor(def.readOnly, ctx.writer) &&
      !ctx.writer.isAdmin
    )
      errors.push({ path: `body.${def.key}`, message: 'read_only' });
    const required = def.required || requiredByTemplate.has(def.key);
    if (required && (setsIt || !current) && blank(value))
      errors.push({ path: `body.${def.key}`, message: 'required' });
  }
  return errors;
}
