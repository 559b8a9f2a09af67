import { z } from 'zod';
import { conditionFieldSchema, conditionSetSchema } from './conditions.js';
import { SLA_METRICS } from './ticketSla.js';
import { ticketSchema } from './tickets.js';
import { MAX_TRIGGER_ACTIONS, triggerActionFieldSchema, triggerActionSchema } from './triggers.js';

/**
 * SLA 策略 (manual 5.3.3) with Zendesk's semantics: after every ticket change (and after the
 * triggers) the first enabled policy, in order, whose conditions hold applies; per priority it
 * sets targets for 首次响应 / 二次响应 / 解决 in calendar or business minutes (the vendor's 工作时间
 * with holidays and make-up workdays), optionally pausing resolution while 待回应; actions run
 * at an offset before or after a metric's deadline, and the breach itself is flagged and noted.
 */

/** Longest target: a year of minutes. */
export const MAX_SLA_TARGET_MINUTES = 527_040;
/** Actions may run up to 30 days before or after a deadline. */
export const MAX_SLA_OFFSET_MINUTES = 43_200;
export const MAX_SLA_ACTIONS = 20;

const minutes = z.number().int().min(1).max(MAX_SLA_TARGET_MINUTES);
const metricTargets = z
  .object({ firstResponse: minutes, nextResponse: minutes, resolution: minutes })
  .partial()
  .strict();
/** {priority: {metric: minutes}}: a priority or metric left out has no target. */
export const slaTargetsSchema = z
  .object({ low: metricTargets, normal: metricTargets, high: metricTargets, urgent: metricTargets })
  .partial()
  .strict();
export type SlaTargetsInput = z.infer<typeof slaTargetsSchema>;

/** 执行动作的时机: the trigger actions, at offsetMinutes from a metric's deadline (negative: before). */
export const slaActionSchema = z
  .object({
    metric: z.enum(SLA_METRICS),
    offsetMinutes: z.number().int().min(-MAX_SLA_OFFSET_MINUTES).max(MAX_SLA_OFFSET_MINUTES),
    actions: z.array(triggerActionSchema).min(1).max(MAX_TRIGGER_ACTIONS),
  })
  .strict();
export type SlaActionInput = z.infer<typeof slaActionSchema>;

export const slaPolicySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  sortOrder: z.number().int(),
  conditions: conditionSetSchema,
  targets: slaTargetsSchema,
  businessHours: z.boolean(),
  pauseOnPending: z.boolean(),
  actions: z.array(slaActionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

const slaPolicyFields = {
  title: z.string().trim().min(1).max(50),
  description: z.string().trim().max(500),
  enabled: z.boolean(),
  conditions: conditionSetSchema,
  targets: slaTargetsSchema,
  businessHours: z.boolean(),
  pauseOnPending: z.boolean(),
  actions: z.array(slaActionSchema).max(MAX_SLA_ACTIONS),
};

const example = {
  title: 'VIP 客户 SLA',
  description: '大型企业客户：紧急 15 分钟响应、2 小时解决',
  conditions: { all: [{ field: 'company.package', op: 'is', value: 'VIP服务包' }], any: [] },
  targets: {
    urgent: { firstResponse: 15, nextResponse: 30, resolution: 120 },
    normal: { firstResponse: 30, nextResponse: 60, resolution: 240 },
  },
  businessHours: true,
  pauseOnPending: true,
  actions: [
    {
      metric: 'firstResponse',
      offsetMinutes: -5,
      actions: [
        { field: 'notify.agent', value: { to: ['assignee'], title: '工单 #{{ticket.number}} 即将超时' } },
      ],
    },
  ],
};

export const slaPolicyCreateBody = z
  .object(slaPolicyFields)
  .partial()
  .required({ title: true, conditions: true, targets: true })
  .strict()
  .meta({ example });
export const slaPolicyUpdateBody = z
  .object(slaPolicyFields)
  .partial()
  .strict()
  .meta({ example: { enabled: false } });
export type SlaPolicyCreateInput = z.infer<typeof slaPolicyCreateBody>;
export type SlaPolicyUpdateInput = z.infer<typeof slaPolicyUpdateBody>;

/** SLA 策略排序: ids in their new order (policies not listed follow them, in their order). */
export const slaPolicyOrderBody = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(500) })
  .strict()
  .meta({ example: { ids: [3, 1, 2] } });
export const slaPolicyList = z.object({ items: z.array(slaPolicySchema) });

/** GET /api/v1/sla-policies/catalogue: the condition fields (ticket catalogue) and the actions. */
export const slaCatalogueSchema = z.object({
  conditions: z.array(conditionFieldSchema),
  actions: z.array(triggerActionFieldSchema),
});

/** 预览: which open tickets (new, open, pending) the conditions match now. */
export const slaPreviewBody = z
  .object({ conditions: conditionSetSchema })
  .strict()
  .meta({ example: { conditions: example.conditions } });
export const slaPreviewResult = z.object({
  /** How many open tickets the caller may see match. */
  count: z.number().int(),
  /** The first 50, most recently updated first. */
  items: z.array(ticketSchema),
});
