import { z } from 'zod';

/**
 * 外部目标 (manual 5.2.19) and the outbox: an HTTP endpoint that triggers and automations call with
 * a Liquid-rendered body, delivered through the transactional outbox with retries; and the log of
 * messages sent to customers (SMS, e-mail, WeChat) through provider adapters.
 */

export const TARGET_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type TargetMethodName = (typeof TARGET_METHODS)[number];

/** Body formats; the format also decides how placeholder values are escaped (JSON strings, URL encoding …). */
export const TARGET_CONTENT_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'application/xml',
  'text/plain',
] as const;
export type TargetContentType = (typeof TARGET_CONTENT_TYPES)[number];

/** Header names as HTTP defines them (RFC 9110 tokens). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export const targetHeaderSchema = z.object({
  name: z.string().trim().min(1).max(100).regex(HEADER_NAME, 'invalid_header_name'),
  value: z
    .string()
    .max(2000)
    .regex(/^[^\r\n\0]*$/, 'invalid_header_value'),
});
export type TargetHeader = z.infer<typeof targetHeaderSchema>;

/** Secrets are written, never read back: a PATCH without password/token keeps the stored one. */
export const targetAuthInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z
    .object({
      type: z.literal('basic'),
      username: z.string().trim().min(1).max(200),
      password: z.string().max(500).optional(),
    })
    .strict(),
  z.object({ type: z.literal('bearer'), token: z.string().min(1).max(2000).optional() }).strict(),
]);
export type TargetAuthInput = z.infer<typeof targetAuthInput>;

export const targetAuthView = z.object({
  type: z.enum(['none', 'basic', 'bearer']),
  username: z.string().optional(),
  hasPassword: z.boolean().optional(),
  hasToken: z.boolean().optional(),
});

export const targetSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  url: z.string(),
  method: z.enum(TARGET_METHODS),
  headers: z.array(targetHeaderSchema),
  auth: targetAuthView,
  contentType: z.string(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Target = z.infer<typeof targetSchema>;
export const targetList = z.object({ items: z.array(targetSchema) });

const targetFields = {
  title: z.string().trim().min(1).max(50),
  description: z.string().trim().max(500),
  enabled: z.boolean(),
  /** http(s) only; Liquid placeholders allowed (values URL-encoded), e.g. …/orders/{{ticket.custom.order_no}}. */
  url: z.string().trim().min(1).max(2000),
  method: z.enum(TARGET_METHODS),
  headers: z.array(targetHeaderSchema).max(20),
  auth: targetAuthInput,
  contentType: z.enum(TARGET_CONTENT_TYPES),
  /** Liquid template of the request body (ignored for GET and DELETE). */
  body: z.string().max(20_000),
};
/** "Sync to an external system": the dealer's ERP hears about every solved ticket (docs/rules.md). */
const targetExample = {
  title: '同步到经销商 ERP',
  url: 'https://erp.example.com/api/service-tickets/{{ticket.number}}',
  method: 'PUT',
  headers: [{ name: 'X-Erp-Source', value: 'yidan' }],
  auth: { type: 'basic', username: 'yidan', password: 'erp-password' },
  contentType: 'application/json',
  body: '{"number": {{ticket.number}}, "subject": "{{ticket.subject}}", "status": "{{ticket.status}}", "product": "{{ticket.custom.product}}"}',
};
export const targetCreateBody = z
  .object(targetFields)
  .partial()
  .required({ title: true, url: true })
  .strict()
  .meta({ example: targetExample });
export const targetUpdateBody = z
  .object(targetFields)
  .partial()
  .strict()
  .meta({ example: { enabled: false } });
export type TargetCreateInput = z.infer<typeof targetCreateBody>;
export type TargetUpdateInput = z.infer<typeof targetUpdateBody>;

/**
 * 测试: renders the body against a ticket (or a sample ticket) and sends it now. The other fields
 * override the saved target for this one call (the console sends what the form shows).
 */
export const targetTestBody = z
  .object({ ticketId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), ...targetFields })
  .partial()
  .strict()
  .meta({ example: { ticketId: 1024 } });
export type TargetTestInput = z.infer<typeof targetTestBody>;

export const targetTestResult = z.object({
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  /** The start of the response body. */
  response: z.string().nullable(),
  error: z.string().nullable(),
  /** What was sent (headers without credentials). */
  request: z.object({ method: z.string(), url: z.string(), body: z.string() }),
  /** The delivery log entry of this call. */
  outboxId: z.number().int(),
});
export type TargetTestResult = z.infer<typeof targetTestResult>;

export const OUTBOX_CHANNELS = ['webhook', 'sms', 'email', 'wechat'] as const;
export const OUTBOX_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const outboxAttemptSchema = z.object({
  attempt: z.number().int(),
  statusCode: z.number().int().nullable(),
  response: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  at: z.string(),
});

/** One outbox row as the delivery log shows it: the request (credentials hidden) and its attempts. */
export const outboxEntrySchema = z.object({
  id: z.number().int(),
  channel: z.enum(OUTBOX_CHANNELS),
  targetId: z.number().int().nullable(),
  ticketId: z.number().int().nullable(),
  idempotencyKey: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  /** A 测试 call from the console rather than a rule. */
  test: z.boolean(),
  payload: z.record(z.string(), z.unknown()),
  attemptLog: z.array(outboxAttemptSchema),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

const outboxPageQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'invalid_cursor')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const deliveryListQuery = outboxPageQuery.extend({ status: z.enum(OUTBOX_STATUSES).optional() });
export const outboxEntryList = z.object({
  items: z.array(outboxEntrySchema),
  nextCursor: z.string().nullable(),
});

export const sentMessageSchema = z.object({
  id: z.number().int(),
  channel: z.enum(['sms', 'email', 'wechat']),
  provider: z.string(),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  ticketId: z.number().int().nullable(),
  contactId: z.number().int().nullable(),
  outboxId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type SentMessage = z.infer<typeof sentMessageSchema>;
export const sentMessageListQuery = outboxPageQuery.extend({
  channel: z.enum(['sms', 'email', 'wechat']).optional(),
  ticketId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export const sentMessageList = z.object({
  items: z.array(sentMessageSchema),
  nextCursor: z.string().nullable(),
});

/** The value of a `target` action (通知：外部目标): which target, and optionally a body of its own. */
export const targetActionValue = z
  .object({
    targetId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    body: z.string().max(20_000).optional(),
  })
  .strict();
export type TargetActionValue = z.infer<typeof targetActionValue>;

/** The value of `notify.customer.sms|email|wechat`: Liquid text to the ticket's contact. */
export const customerMessageValue = z
  .object({
    subject: z.string().trim().max(200).optional(),
    body: z.string().trim().min(1).max(2000),
  })
  .strict();
export type CustomerMessageValue = z.infer<typeof customerMessageValue>;

/**
 * The placeholder names of the manual's table (帮我吧's names), kept working in target bodies
 * next to Yidan's own (`{{ticket.number}}` …); `{{ticket.<key>}}` also reads a custom field.
 */
export const LEGACY_TARGET_PLACEHOLDERS = [
  { key: 'ticket.ticketId', same: 'ticket.number', label: '工单编号' },
  { key: 'ticket.descript', same: 'ticket.description', label: '工单描述' },
  { key: 'ticket.createDT', same: 'ticket.createdAt', label: '创建时间' },
  { key: 'ticket.updateDT', same: 'ticket.updatedAt', label: '更新时间' },
  { key: 'ticket.ticketSource', same: 'ticket.source', label: '工单来源' },
  { key: 'ticket.ticketType', same: 'ticket.type', label: '工单类型' },
  { key: 'ticket.ticketStatus', same: 'ticket.status', label: '工单状态' },
  { key: 'ticket.priorityLevel', same: 'ticket.priority', label: '工单优先级' },
  { key: 'ticket.servicerUserId', same: 'ticket.assignee', label: '工单所属客服姓名' },
  { key: 'ticket.servicer_Mobile', same: 'ticket.assigneeMobile', label: '工单所属客服电话' },
] as const;
