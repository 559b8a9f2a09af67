import type { Automation, Trigger } from '@yidan/contracts';
import type { AutomationRow, TriggerRow } from './schema.js';

/** A trigger or an automation as the API returns it: the two rule kinds share one shape. */
export function presentRule(r: TriggerRow | AutomationRow): Trigger & Automation {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    enabled: r.enabled,
    sortOrder: r.sortOrder,
    conditions: r.conditions,
    actions: r.actions.map((a) => ({ field: a.field, value: a.value ?? null })),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
