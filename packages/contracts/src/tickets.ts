import { z } from 'zod';
import { conditionSetSchema, localizedLabelSchema } from './conditions.js';
import { SERVICE_STATUSES } from './customers.js';
import { attachmentValueSchema, fieldDefinitionSchema } from './fields.js';
import { ticketSlaSchema } from './ticketSla.js';

/**
 * Tickets (manual chapter 5): one customer problem from first contact to confirmed closure.
 * Every change is a ticket event written in the same transaction (the timeline).
 */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_TYPES = ['question', 'incident', 'problem', 'task'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
/** 来源: 电话, 在线聊天, 远程, 留言, 邮件, 微信, 工单模板发布, API, 系统创建, 其他服务商, 客服创建, 导入. */
export const TICKET_SOURCES = [
  'phone',
  'chat',
  'remote',
  'message',
  'email',
  'wechat',
  'form',
  'api',
  'system',
  'vendor',
  'agent',
  'import',
] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

/** 服务记录 channels: one contact with the customer. */
export const RECORD_CHANNELS = ['call', 'chat', 'remote', 'visit', 'email', 'manual'] as const;
export type RecordChannel = (typeof RECORD_CHANNELS)[number];

export const ACTOR_TYPES = ['agent', 'contact', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

const id = z.number().int().positive();
const ids = (max: number) => z.array(id).max(max);
const tag = z.string().trim().min(1).max(50);
const isoTime = z.string();

/** Who visible things belong to (模板 / 查询器 / 打印模板 可见范围). */
export const visibilitySchema = z.object({
  /** me: the owner only; all: every agent; groups / agents: the listed ones (and the owner). */
  scope: z.enum(['me', 'all', 'groups', 'agents']),
  groupIds: ids(200).default([]),
  agentIds: ids(1000).default([]),
});
export type Visibility = z.infer<typeof visibilitySchema>;

export const ticketPartySchema = z.object({ id: z.number().int(), name: z.string() });

export const ticketSchema = z.object({
  id: z.number().int(),
  /** Per-vendor ticket number shown to people (#1, #2, …). */
  number: z.number().int(),
  /** Bumped by every change; send it back with PATCH to detect concurrent edits. */
  version: z.number().int(),
  subject: z.string(),
  /** Sanitised HTML. */
  description: z.string(),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  type: z.enum(TICKET_TYPES),
  source: z.enum(TICKET_SOURCES),
  templateId: z.number().int().nullable(),
  contactId: z.number().int().nullable(),
  companyId: z.number().int().nullable(),
  assigneeId: z.number().int().nullable(),
  groupId: z.number().int().nullable(),
  ccAgentIds: z.array(z.number().int()),
  ccGroupIds: z.array(z.number().int()),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  parentId: z.number().int().nullable(),
  mergedIntoId: z.number().int().nullable(),
  creatorAgentId: z.number().int().nullable(),
  creatorContactId: z.number().int().nullable(),
  dueAt: isoTime.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  firstReplyAt: isoTime.nullable(),
  solvedAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  /** 满意度评价 slot, filled by the satisfaction issue. */
  satisfaction: z.object({ rating: z.string(), comment: z.string().nullable(), at: isoTime }).nullable(),
  /** Display names resolved for lists and the detail page. */
  contact: z.object({ id: z.number().int(), name: z.string(), mobile: z.string().nullable() }).nullable(),
  /** With its service status, so whoever works the ticket knows the entitlement (as identify does). */
  company: ticketPartySchema
    .extend({
      serviceStatus: z.enum(SERVICE_STATUSES),
      serviceEnd: z.string().nullable(),
      package: z.string().nullable(),
    })
    .nullable(),
  assignee: ticketPartySchema.nullable(),
  group: ticketPartySchema.nullable(),
  /** Ids of child tickets (拆单). */
  childIds: z.array(z.number().int()),
  /** The SLA policy in force with its deadlines (modules/sla); null when none applies. */
  sla: ticketSlaSchema.nullable(),
});
export type Ticket = z.infer<typeof ticketSchema>;

const ticketFields = {
  subject: z.string().trim().min(1).max(200),
  description: z.string().max(100_000),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  type: z.enum(TICKET_TYPES),
  templateId: id.nullable(),
  contactId: id.nullable(),
  companyId: id.nullable(),
  assigneeId: id.nullable(),
  groupId: id.nullable(),
  ccAgentIds: ids(50),
  ccGroupIds: ids(20),
  tags: z.array(tag).max(50),
  custom: z.record(z.string().max(40), z.unknown()),
  dueAt: z.iso.datetime({ offset: true }).nullable(),
};

export const ticketCreateBody = z
  .object(ticketFields)
  .partial()
  .required({ subject: true })
  .extend({
    source: z.enum(TICKET_SOURCES).optional(),
    /** Optional first internal note or public reply written with the ticket. */
    attachments: attachmentValueSchema.max(20).optional(),
  })
  .strict();
export type TicketCreateInput = z.infer<typeof ticketCreateBody>;

export const ticketUpdateBody = z
  .object(ticketFields)
  .partial()
  .extend({
    /** The version the client saw: a stale one is refused with 409 and the current version. */
    version: z.number().int().positive().optional(),
    /** Optional note explaining the change (e.g. a reassignment note, 流转说明), written as internal. */
    note: z.string().trim().min(1).max(10_000).optional(),
  })
  .strict();
export type TicketUpdateInput = z.infer<typeof ticketUpdateBody>;

export const ticketCommentBody = z
  .object({
    /** Sanitised HTML. */
    body: z.string().trim().min(1).max(100_000),
    /** true: 公开回复 the customer sees; false: 内部注释. */
    public: z.boolean(),
    attachments: attachmentValueSchema.max(20).optional(),
    /** Status to set with the reply (e.g. reply and mark 待回应). */
    status: z.enum(TICKET_STATUSES).optional(),
  })
  .strict();

export const TICKET_EVENT_KINDS = [
  'created',
  'updated',
  'comment',
  'record',
  'merged',
  'merged_from',
  'split',
  'split_from',
] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];

export const ticketChangeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type TicketChange = z.infer<typeof ticketChangeSchema>;

export const ticketEventSchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  kind: z.enum(TICKET_EVENT_KINDS),
  actorType: z.enum(ACTOR_TYPES),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  /** e.g. '触发器「VIP工单升级」' when a rule made the change (rules issue). */
  via: z.string().nullable(),
  public: z.boolean(),
  body: z.string().nullable(),
  changes: z.array(ticketChangeSchema),
  attachments: attachmentValueSchema,
  recordId: z.number().int().nullable(),
  /** Related ticket for merge/split events. */
  relatedTicketId: z.number().int().nullable(),
  createdAt: isoTime,
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;

export const timelineQuery = z.object({
  kind: z.enum(TICKET_EVENT_KINDS).optional(),
  /** public: only public replies and records; internal: only internal notes. */
  visibility: z.enum(['public', 'internal']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const timelinePage = z.object({
  items: z.array(ticketEventSchema),
  nextCursor: z.string().nullable(),
});

export const serviceRecordSchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int().nullable(),
  channel: z.enum(RECORD_CHANNELS),
  contactId: z.number().int().nullable(),
  companyId: z.number().int().nullable(),
  agentId: z.number().int().nullable(),
  startedAt: isoTime,
  endedAt: isoTime.nullable(),
  /** 服务总结. */
  summary: z.string(),
  /** Channel details: recording URL, conversation id, machine id, address … */
  details: z.record(z.string(), z.unknown()),
  createdAt: isoTime,
});
export type ServiceRecord = z.infer<typeof serviceRecordSchema>;

export const serviceRecordBody = z
  .object({
    channel: z.enum(RECORD_CHANNELS),
    contactId: id.optional(),
    startedAt: z.iso.datetime({ offset: true }).optional(),
    endedAt: z.iso.datetime({ offset: true }).optional(),
    summary: z.string().trim().max(10_000).default(''),
    details: z.record(z.string().max(40), z.unknown()).optional(),
  })
  .strict();

export const ticketListQuery = z.object({
  /** A saved or system view (查询器). */
  viewId: z.string().max(40).optional(),
  /** With viewId: one group of the view's grouping (a value from GET /ticket-views/:id/groups; '' = none). */
  viewGroup: z.string().max(100).optional(),
  q: z.string().trim().max(100).optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  contactId: z.coerce.number().int().positive().optional(),
  companyId: z.coerce.number().int().positive().optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  /** Only unresolved tickets (new/open/pending): 关联到原工单 offers. */
  unresolved: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.string().max(60).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const ticketPage = z.object({ items: z.array(ticketSchema), nextCursor: z.string().nullable() });

/** 工单合并: this ticket is merged into the target (same customer); the source is closed. */
export const ticketMergeBody = z
  .object({ targetId: id, note: z.string().trim().max(10_000).optional() })
  .strict();
/** 拆单: 1–15 children, each with its own subject and optional fields. */
export const ticketSplitBody = z
  .object({
    children: z
      .array(z.object(ticketFields).partial().required({ subject: true }).strict())
      .min(1)
      .max(15),
  })
  .strict();

/** 批量创建 (manual 5.2.2): one ticket per selected customer, distributed over agents. */
export const ticketBatchCreateBody = z
  .object({
    ticket: z.object(ticketFields).partial().required({ subject: true }).strict(),
    companyIds: ids(5000).optional(),
    contactIds: ids(5000).optional(),
    distribution: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('none') }),
      /** Every available agent, the available agents of a group, or one agent — evenly. */
      z.object({
        mode: z.literal('even'),
        target: z.enum(['all', 'group', 'agent']),
        groupId: id.optional(),
        agentId: id.optional(),
      }),
      /** Given counts per agent, in order. */
      z.object({
        mode: z.literal('counts'),
        counts: z
          .array(z.object({ agentId: id, count: z.number().int().min(0).max(5000) }))
          .min(1)
          .max(200),
      }),
    ]),
  })
  .strict();

/** 批量编辑 up to 100 tickets: fields, reassign, reply; one transaction per ticket. */
export const ticketBatchUpdateBody = z
  .object({
    ids: ids(100).min(1),
    changes: z.object(ticketFields).partial().omit({ subject: true, description: true }).strict().default({}),
    comment: ticketCommentBody.omit({ status: true }).optional(),
  })
  .strict();
export const ticketBatchResult = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      ok: z.boolean(),
      /** Localised reason when not ok. */
      error: z.string().optional(),
      ticket: ticketSchema.optional(),
    }),
  ),
});

/** 工单模板 (manual 5.1.2). */
export const templateFieldSchema = z.object({
  key: z.string().max(40),
  /** Field group heading (分组); fields without one come first. */
  section: z.string().max(50).nullable().default(null),
  required: z.boolean().default(false),
});
export const templateSectionSchema = z.object({
  name: z.string().trim().min(1).max(50),
  collapsed: z.boolean().default(false),
});
export const ticketTemplateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  visibility: visibilitySchema,
  isDefault: z.boolean(),
  enabled: z.boolean(),
  fields: z.array(templateFieldSchema),
  sections: z.array(templateSectionSchema),
  sortOrder: z.number().int(),
  ownerAgentId: z.number().int().nullable(),
});
export type TicketTemplate = z.infer<typeof ticketTemplateSchema>;
const templateFields = {
  name: z.string().trim().min(1).max(50),
  description: z.string().trim().max(500),
  visibility: visibilitySchema,
  isDefault: z.boolean(),
  enabled: z.boolean(),
  fields: z.array(templateFieldSchema).max(200),
  sections: z.array(templateSectionSchema).max(30),
};
export const ticketTemplateCreateBody = z.object(templateFields).partial().required({ name: true }).strict();
export const ticketTemplateUpdateBody = z.object(templateFields).partial().strict();

/** 查询器 / 工单视图 (manual 5.1.5). System views have string ids like 'sys:mine'. */
export const VIEW_GROUP_BY = ['status', 'priority', 'assignee', 'group', 'template'] as const;
export const viewVisibilitySchema = z.object({
  scope: z.enum(['me', 'all', 'groups', 'agents', 'contacts', 'contact_tag']),
  groupIds: ids(200).default([]),
  agentIds: ids(1000).default([]),
  /** For scope contact_tag (customer portal). */
  contactTag: z.string().max(50).nullable().default(null),
});
export const ticketViewSchema = z.object({
  id: z.string(),
  system: z.boolean(),
  name: z.string(),
  description: z.string(),
  conditions: conditionSetSchema,
  templateId: z.number().int().nullable(),
  columns: z.array(z.string()),
  /** A VIEW_GROUP_BY value or 'custom.<key>' of a select field. */
  groupBy: z.string().nullable(),
  sort: z.object({ field: z.string(), direction: z.enum(['asc', 'desc']) }),
  visibility: viewVisibilitySchema,
  /** 查询器展示分组. */
  category: z.string().nullable(),
  enabled: z.boolean(),
  sortOrder: z.number().int(),
  ownerAgentId: z.number().int().nullable(),
});
export type TicketView = z.infer<typeof ticketViewSchema>;
const viewFields = {
  name: z.string().trim().min(1).max(50),
  description: z.string().trim().max(500),
  conditions: conditionSetSchema,
  templateId: id.nullable(),
  columns: z.array(z.string().max(60)).max(40),
  groupBy: z.string().max(60).nullable(),
  sort: z.object({ field: z.string().max(60), direction: z.enum(['asc', 'desc']) }),
  visibility: viewVisibilitySchema,
  category: z.string().trim().max(50).nullable(),
  enabled: z.boolean(),
};
export const ticketViewCreateBody = z
  .object(viewFields)
  .partial()
  .required({ name: true, conditions: true })
  .strict();
export const ticketViewUpdateBody = z.object(viewFields).partial().strict();
export const viewCountsSchema = z.object({ counts: z.record(z.string(), z.number().int()) });

/** 打印模板 (manual 5.2.20): Liquid HTML. */
export const printTemplateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  body: z.string(),
  isDefault: z.boolean(),
  createdAt: isoTime,
});
export const printTemplateBody = z
  .object({
    name: z.string().trim().min(1).max(50),
    body: z.string().max(200_000),
    isDefault: z.boolean().optional(),
  })
  .strict();
export const printTemplateUpdateBody = printTemplateBody.partial().strict();
export const printRenderResult = z.object({ html: z.string() });

/** GET /tickets/:id/print: a chosen print template, else the default one, else the built-in layout. */
export const printQuery = z.object({ templateId: z.coerce.number().int().positive().optional() });
/** The placeholders a print template may use, for the template editor. */
export const printPlaceholderList = z.object({
  items: z.array(z.object({ key: z.string(), label: z.string(), group: z.string() })),
  /** The built-in layout's Liquid source (查看并下载默认打印模板), a starting point for own templates. */
  defaultBody: z.string(),
});
export const printTemplateList = z.object({ items: z.array(printTemplateSchema) });

/** 工单生成 FAQ (manual 5.2.11): a draft the knowledge base completes. */
export const ticketFaqDraft = z.object({
  ticketId: z.number().int(),
  question: z.string(),
  answer: z.string(),
});
/** 批量创建 result. */
export const ticketBatchCreateResult = z.object({
  created: z.number().int(),
  ticketIds: z.array(z.number().int()),
});

/** GET /api/v1/ticket-views: the sidebar's views, or with manage=true every view the caller may see or manage. */
export const ticketViewListQuery = z.object({
  manage: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const ticketViewList = z.object({ items: z.array(ticketViewSchema) });
/** A view id: 'sys:<key>' for system views, the numeric id of a stored one. */
export const ticketViewIdParam = z.object({
  id: z.string().regex(/^(sys:[a-z_]{1,30}|[1-9]\d{0,14})$/, { error: 'invalid_view_id' }),
});
/** 查询器排序: view ids in their new order (views not listed follow them). */
export const ticketViewOrderBody = z.object({ ids: z.array(z.string().max(40)).min(1).max(500) }).strict();
/** Counts per value of a view's grouping; `value` '' is the group without a value. */
export const ticketViewGroupsSchema = z.object({
  groupBy: z.string().nullable(),
  items: z.array(
    z.object({ value: z.string(), label: localizedLabelSchema.nullable(), count: z.number().int() }),
  ),
});
const labelledKey = z.object({ key: z.string(), label: localizedLabelSchema });
/** What the view editor offers: display columns, groupings and sort fields. */
export const ticketViewOptionsSchema = z.object({
  columns: z.array(labelledKey),
  groupBy: z.array(labelledKey),
  sortFields: z.array(labelledKey),
});

/** GET /api/v1/ticket-templates: the enabled templates visible to the caller; all=true (工单设置) every one. */
export const ticketTemplateListQuery = z.object({
  all: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const ticketTemplateList = z.object({ items: z.array(ticketTemplateSchema) });
/** What a ticket form of this template renders: its fields in order, with section, required and editable. */
export const ticketTemplateFormSchema = z.object({
  template: ticketTemplateSchema,
  sections: z.array(templateSectionSchema),
  fields: z.array(
    fieldDefinitionSchema.extend({
      section: z.string().nullable(),
      /** The field's own required flag or the template's. */
      required: z.boolean(),
      /** false for calculated fields and fields read-only for the caller. */
      editable: z.boolean(),
    }),
  ),
});
export type TicketTemplateForm = z.infer<typeof ticketTemplateFormSchema>;
