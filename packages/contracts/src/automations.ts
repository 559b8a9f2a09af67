import { z } from 'zod';
import { conditionFieldSchema, conditionSetSchema } from './conditions.js';
import { ticketSchema } from './tickets.js';
import { MAX_TRIGGER_ACTIONS, triggerActionFieldSchema, triggerActionSchema } from './triggers.js';

/**
 * 自动化任务 (manual 5.1.6.2), with Zendesk's semantics: time-based rules run by a scheduled job
 * (at least every 10 minutes) over the vendor's tickets that are not closed. Conditions are the
 * ticket conditions plus time conditions (`time.hoursSinceUpdated gt 48`, business-hour variants
 * `time.businessHoursSince…`); actions are the trigger actions (and may close a ticket). Every
 * automation needs a time condition, a ticket condition, and a condition its own actions nullify;
 * each fires at most once per ticket per state.
 */
export const automationSchema = z.object({
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
export type Automation = z.infer<typeof automationSchema>;

const automationFields = {
  title: z.string().trim().min(1).max(50),
  description: z.string().trim().max(500),
  enabled: z.boolean(),
  conditions: conditionSetSchema,
  actions: z.array(triggerActionSchema).min(1).max(MAX_TRIGGER_ACTIONS),
};
export const automationCreateBody = z
  .object(automationFields)
  .partial()
  .required({ title: true, conditions: true, actions: true })
  .strict();
export const automationUpdateBody = z.object(automationFields).partial().strict();
export type AutomationCreateInput = z.infer<typeof automationCreateBody>;
export type AutomationUpdateInput = z.infer<typeof automationUpdateBody>;

export const automationOrderBody = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(500) })
  .strict();
export const automationList = z.object({ items: z.array(automationSchema) });

/** GET /api/v1/automations/catalogue: what the console's automation builder offers. */
export const automationCatalogueSchema = z.object({
  conditions: z.array(conditionFieldSchema),
  actions: z.array(triggerActionFieldSchema),
});

/** POST /api/v1/automations/preview: which open tickets the conditions match right now. */
export const automationPreviewBody = z.object({ conditions: conditionSetSchema }).strict();
export const automationPreviewSchema = z.object({
  /** Tickets that match among those examined (all, unless `truncated`). */
  count: z.number().int(),
  /** Candidates read: the SQL prefilter is wider than business-hour conditions, checked one by one. */
  examined: z.number().int(),
  truncated: z.boolean(),
  items: z.array(ticketSchema),
});
