import { z } from 'zod';

/**
 * What an SLA measures (manual 5.3.3, Zendesk's metrics): 首次响应 (creation → the first public
 * agent reply), 二次响应 (a customer's public reply → the next public agent reply) and 解决
 * (creation → solved; optionally paused while 待回应, like Zendesk's requester wait time).
 */
export const SLA_METRICS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

const isoTime = z.string();

/** One metric of the SLA on a ticket, for the ticket page (target, deadline, state). */
export const ticketSlaMetricSchema = z.object({
  metric: z.enum(SLA_METRICS),
  /** The target in minutes (business or calendar minutes, as the policy says). */
  targetMinutes: z.number().int(),
  /** When the clock of this measurement started (creation, or the customer's reply). */
  startedAt: isoTime,
  /** The deadline; null while paused before it is reached. */
  dueAt: isoTime.nullable(),
  /** Met (replied / solved) at; a fulfilled metric stays fulfilled. */
  fulfilledAt: isoTime.nullable(),
  breached: z.boolean(),
  /** The clock is stopped (resolution while 待回应, when the policy pauses). */
  paused: z.boolean(),
  /** Minutes left of the target (negative when over), counted as the policy counts. */
  remainingMinutes: z.number().int(),
});
export type TicketSlaMetric = z.infer<typeof ticketSlaMetricSchema>;

/**
 * A ticket's SLA (null when no policy applies): the policy, the deadline of each metric now in
 * force (null when fulfilled, paused or not running), the metrics breached, and each metric's
 * detail.
 */
export const ticketSlaSchema = z.object({
  policyId: z.number().int(),
  policyTitle: z.string(),
  businessHours: z.boolean(),
  firstResponseDueAt: isoTime.nullable(),
  nextResponseDueAt: isoTime.nullable(),
  resolutionDueAt: isoTime.nullable(),
  breached: z.array(z.enum(SLA_METRICS)),
  paused: z.boolean(),
  metrics: z.array(ticketSlaMetricSchema),
});
export type TicketSla = z.infer<typeof ticketSlaSchema>;
