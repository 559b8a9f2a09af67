import { z } from 'zod';
import { conditionFieldSchema, conditionSetSchema, localizedLabelSchema } from './conditions.js';

/**
 * 触发器 (manual 5.1.6.1), with Zendesk's semantics: after every ticket change, the enabled
 * triggers run in order; each fires at most once per change; what one changes is seen by the
 * ones after it, and the cycle restarts until a pass fires nothing.
 */

/** What `event.type` can be: the kind of change the triggers run after. */
export const TRIGGER_EVENT_TYPES = [
  'created',
  'updated',
  'comment',
  'record',
  'split',
  'rated',
  'revoked',
  'returned',
] as const;
export type TriggerEventType = (typeof TRIGGER_EVENT_TYPES)[number];

/** Assignment strategies of `ticket.autoAssign` (负载 / 轮流). */
export const AUTO_ASSIGN_STRATEGIES = ['least_load', 'round_robin'] as const;
export type AutoAssignStrategy = (typeof AUTO_ASSIGN_STRATEGIES)[number];

/**
 * How an action's value is written, for the console's action builder and for validation:
 * select (one option value), agent / group / template (an id, or null to clear), tags (strings),
 * agents (ids), text (Liquid), notification ({to, title, body}), assignment ({groupId, strategy}),
 * custom (a custom field's value, typed by `customType`; null clears it), target ({targetId, body?}:
 * 通知：外部目标), message ({subject?, body}: an SMS, e-mail or WeChat message to the customer).
 */
export const TRIGGER_ACTION_VALUE_TYPES = [
  'select',
  'agent',
  'group',
  'template',
  'tags',
  'agents',
  'text',
  'notification',
  'assignment',
  'custom',
  'target',
  'message',
] as const;
export type TriggerActionValueType = (typeof TRIGGER_ACTION_VALUE_TYPES)[number];

export const triggerActionFieldSchema = z.object({
  /** e.g. 'ticket.priority', 'ticket.custom.product', 'ticket.tags.add', 'notify.agent'. */
  key: z.string(),
  label: localizedLabelSchema,
  valueType: z.enum(TRIGGER_ACTION_VALUE_TYPES),
  /** For custom fields: the field's own type (text, select, date …). */
  customType: z.string().optional(),
  options: z.array(z.object({ value: z.string(), label: localizedLabelSchema })).optional(),
  /** Whether null is allowed (clear the field). */
  nullable: z.boolean(),
});
export type TriggerActionField = z.infer<typeof triggerActionFieldSchema>;

export const triggerActionSchema = z.object({
  field: z.string().min(1).max(100),
  value: z.unknown(),
});
export type TriggerAction = { field: string; value?: unknown };

export const MAX_TRIGGER_ACTIONS = 30;

export const triggerSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  sortOrder: z.number().int(),
  conditions: conditionSetSchema,
  actions: z.array(triggerActionSchema),
  createdBy: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Trigger = z.infer<typeof triggerSchema>;

const triggerFields = {
  title: z.string().trim().min(1).max(50),
  description: z.string().trim().max(500),
  enabled: z.boolean(),
  conditions: conditionSetSchema,
  actions: z.array(triggerActionSchema).min(1).max(MAX_TRIGGER_ACTIONS),
};
export const triggerCreateBody = z
  .object(triggerFields)
  .partial()
  .required({ title: true, conditions: true, actions: true })
  .strict();
export const triggerUpdateBody = z.object(triggerFields).partial().strict();
export type TriggerCreateInput = z.infer<typeof triggerCreateBody>;
export type TriggerUpdateInput = z.infer<typeof triggerUpdateBody>;

/** 触发器排序: trigger ids in their new order (triggers not listed follow them, in their order). */
export const triggerOrderBody = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(500) })
  .strict();
export const triggerList = z.object({ items: z.array(triggerSchema) });

/** GET /api/v1/triggers/catalogue: what the console's trigger builder offers. */
export const triggerCatalogueSchema = z.object({
  conditions: z.array(conditionFieldSchema),
  actions: z.array(triggerActionFieldSchema),
});
