import { AppError, type FieldError } from '../../platform/http/errors.js';

/**
 * 排序 of rules (triggers, automations): the listed ids first in the given order, the others after
 * them in their current order. Unknown or repeated ids are field errors; only moved rows are saved.
 */
export async function applyRuleOrder<T extends { id: number; sortOrder: number }>(
  all: T[],
  ids: number[],
  save: (id: number, sortOrder: number) => Promise<unknown>,
): Promise<void> {
  const byId = new Map(all.map((t) => [t.id, t]));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    if (!byId.has(id)) errors.push({ path: `body.ids.${i}`, message: 'not_found' });
  });
  if (new Set(ids).size !== ids.length) errors.push({ path: 'body.ids', message: 'duplicate_id' });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const listed = ids.map((id) => byId.get(id)).filter((t): t is T => t !== undefined);
  const ordered = [...listed, ...all.filter((t) => !ids.includes(t.id))];
  for (const [i, t] of ordered.entries()) if (t.sortOrder !== i) await save(t.id, i);
}
