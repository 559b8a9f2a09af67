import { z } from 'zod';
import { RECORD_CHANNELS, serviceRecordSchema, TICKET_STATUSES } from './tickets.js';

const id = z.number().int();
const positive = z.coerce.number().int().positive();

/** Services per channel (服务方式): call, chat, remote, visit, email, manual. */
export const channelCountsSchema = z.object(
  Object.fromEntries(RECORD_CHANNELS.map((c) => [c, z.number().int()])) as Record<
    (typeof RECORD_CHANNELS)[number],
    z.ZodNumber
  >,
);
export type ChannelCounts = z.infer<typeof channelCountsSchema>;

/** 客户统计 (manual 2.12): one company's services, tickets and last service. */
export const customerStatisticsRowSchema = z.object({
  companyId: id,
  companyName: z.string(),
  ownerAgentId: id.nullable(),
  ownerAgentName: z.string().nullable(),
  serviceEnd: z.string().nullable(),
  services: channelCountsSchema,
  totalServices: z.number().int(),
  tickets: z.number().int(),
  /** New, open or pending. */
  openTickets: z.number().int(),
  lastServiceAt: z.string().nullable(),
  /** Calendar days since the last service in the vendor's time zone; null when never served. */
  daysSinceService: z.number().int().nullable(),
});
export type CustomerStatisticsRow = z.infer<typeof customerStatisticsRowSchema>;

export const CUSTOMER_STATISTICS_SORTS = ['lastService', '-lastService', 'name', '-totalServices'] as const;

export const customerStatisticsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** One company (its detail page's statistics card). */
  companyId: positive.optional(),
  groupId: positive.optional(),
  ownerAgentId: positive.optional(),
  /** 长时间未服务: no service record in the last N days (never served included). */
  notServedDays: z.coerce.number().int().min(1).max(3650).optional(),
  /** lastService: longest unserved first (never served at the top); default. */
  sort: z.enum(CUSTOMER_STATISTICS_SORTS).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type CustomerStatisticsQuery = z.infer<typeof customerStatisticsQuery>;

export const customerStatisticsPage = z.object({
  items: z.array(customerStatisticsRowSchema),
  nextCursor: z.string().nullable(),
  /** Over every company the filters match (all pages). */
  summary: z.object({
    companies: z.number().int(),
    services: channelCountsSchema,
    totalServices: z.number().int(),
    neverServed: z.number().int(),
  }),
});
export type CustomerStatisticsPage = z.infer<typeof customerStatisticsPage>;

/** One entry of a company's or contact's timeline (客户时间线), newest first. */
export const CUSTOMER_TIMELINE_KINDS = ['ticket_created', 'ticket_solved', 'service', 'audit'] as const;
export const customerTimelineItemSchema = z.object({
  /** `<kind>:<row id>`, unique within a timeline. */
  id: z.string(),
  kind: z.enum(CUSTOMER_TIMELINE_KINDS),
  at: z.string(),
  agentId: id.nullable(),
  agentName: z.string().nullable(),
  ticket: z.object({ id, number: id, subject: z.string(), status: z.enum(TICKET_STATUSES) }).nullable(),
  record: serviceRecordSchema.nullable(),
  /** company.merged, company.updated, contact.updated …; data holds field names, never values. */
  audit: z.object({ action: z.string(), data: z.record(z.string(), z.unknown()) }).nullable(),
});
export type CustomerTimelineItem = z.infer<typeof customerTimelineItemSchema>;
export const customerTimelineQuery = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const customerTimelinePage = z.object({
  items: z.array(customerTimelineItemSchema),
  nextCursor: z.string().nullable(),
});
