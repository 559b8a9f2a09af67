import type {
  ActorType,
  ConditionSet,
  RecordChannel,
  TicketChange,
  TicketEventKind,
  TicketPriority,
  TicketSource,
  TicketStatus,
  TicketType,
  Visibility,
} from '@yidan/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, rowId, tenantKey, updatedAt } from '../../platform/db/columns.js';
import { companies, contacts } from '../customers/schema.js';
import { agents, groups } from '../org/schema.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const at = (name: string) => timestamp(name, { withTimezone: true });

export interface Attachment {
  fileId: string;
  name: string;
  size: number;
}

/** 工单模板: a named set of fields (manual 5.1.2). */
export const ticketTemplates = pgTable(
  'ticket_templates',
  {
    vendorId: tenantKey(),
    id: rowId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    visibility: jsonb('visibility').$type<Visibility>().notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    enabled: boolean('enabled').notNull().default(true),
    fields: jsonb('fields')
      .$type<{ key: string; section: string | null; required: boolean }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    sections: jsonb('sections')
      .$type<{ name: string; collapsed: boolean }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    sortOrder: integer('sort_order').notNull().default(0),
    ownerAgentId: bigint('owner_agent_id', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('ticket_templates_name').on(t.vendorId, t.name),
    foreignKey({
      columns: [t.vendorId, t.ownerAgentId],
      foreignColumns: [agents.vendorId, agents.id],
    }).onDelete('set null'),
  ],
);

/** The last ticket number handed out per vendor (#1, #2, …); the row lock serialises creation. */
export const ticketCounters = pgTable('ticket_counters', {
  vendorId: tenantKey().primaryKey(),
  last: bigint('last', { mode: 'number' }).notNull().default(0),
});

export const tickets = pgTable(
  'tickets',
  {
    vendorId: tenantKey(),
    id: rowId(),
    number: bigint('number', { mode: 'number' }).notNull(),
    /** Bumped by every change: clients send the version they saw, a stale one gets 409 (optimistic locking). */
    version: integer('version').notNull().default(1),
    subject: text('subject').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').$type<TicketStatus>().notNull().default('new'),
    priority: text('priority').$type<TicketPriority>().notNull().default('normal'),
    type: text('type').$type<TicketType>().notNull().default('question'),
    source: text('source').$type<TicketSource>().notNull().default('agent'),
    templateId: bigint('template_id', { mode: 'number' }),
    contactId: bigint('contact_id', { mode: 'number' }),
    companyId: bigint('company_id', { mode: 'number' }),
    assigneeId: bigint('assignee_id', { mode: 'number' }),
    groupId: bigint('group_id', { mode: 'number' }),
    ccAgentIds: bigint('cc_agent_ids', { mode: 'number' }).array().notNull().default(sql`'{}'`),
    ccGroupIds: bigint('cc_group_ids', { mode: 'number' }).array().notNull().default(sql`'{}'`),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    parentId: bigint('parent_id', { mode: 'number' }),
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }),
    creatorAgentId: bigint('creator_agent_id', { mode: 'number' }),
    creatorContactId: bigint('creator_contact_id', { mode: 'number' }),
    dueAt: at('due_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    firstReplyAt: at('first_reply_at'),
    solvedAt: at('solved_at'),
    closedAt: at('closed_at'),
    /** When status / assignee last changed: the automations' time conditions read these. */
    statusChangedAt: at('status_changed_at').notNull().defaultNow(),
    assignedAt: at('assigned_at'),
    satisfaction: jsonb('satisfaction').$type<{ rating: string; comment: string | null; at: string }>(),
    /** jieba-segmented subject + description text (simple config). */
    search: tsvector('search'),
    /**
     * The SLA in force (modules/sla): policy, per-metric targets and deadlines, breaches. No foreign
     * key to the policy: the ticket keeps what applied when the policy is deleted.
     */
    slaPolicyId: bigint('sla_policy_id', { mode: 'number' }),
    sla: jsonb('sla').$type<Record<string, unknown>>(),
    /** The nearest unmet SLA deadline, for sorting and views (null: none). */
    slaDueAt: at('sla_due_at'),
    /** 工单流 (modules/workflow): the version the ticket runs on and the node it is in. */
    workflowVersionId: bigint('workflow_version_id', { mode: 'number' }),
    workflowNodeId: text('workflow_node_id'),
    workflowNodeEnteredAt: at('workflow_node_entered_at'),
    workflowNodeDueAt: at('workflow_node_due_at'),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('tickets_number').on(t.vendorId, t.number),
    foreignKey({
      columns: [t.vendorId, t.templateId],
      foreignColumns: [ticketTemplates.vendorId, ticketTemplates.id],
    }).onDelete('set null'),
    foreignKey({
      columns: [t.vendorId, t.contactId],
      foreignColumns: [contacts.vendorId, contacts.id],
    }).onDelete('set null'),
    foreignKey({
      columns: [t.vendorId, t.companyId],
      foreignColumns: [companies.vendorId, companies.id],
    }).onDelete('set null'),
    foreignKey({ columns: [t.vendorId, t.assigneeId], foreignColumns: [agents.vendorId, agents.id] }),
    foreignKey({ columns: [t.vendorId, t.groupId], foreignColumns: [groups.vendorId, groups.id] }).onDelete(
      'set null',
    ),
    foreignKey({ columns: [t.vendorId, t.parentId], foreignColumns: [t.vendorId, t.id] }),
    foreignKey({ columns: [t.vendorId, t.mergedIntoId], foreignColumns: [t.vendorId, t.id] }),
    foreignKey({ columns: [t.vendorId, t.creatorAgentId], foreignColumns: [agents.vendorId, agents.id] }),
    foreignKey({
      columns: [t.vendorId, t.creatorContactId],
      foreignColumns: [contacts.vendorId, contacts.id],
    }).onDelete('set null'),
    index('tickets_status').on(t.vendorId, t.status, t.updatedAt),
    index('tickets_assignee').on(t.vendorId, t.assigneeId, t.status),
    index('tickets_group').on(t.vendorId, t.groupId, t.status),
    index('tickets_contact').on(t.vendorId, t.contactId),
    index('tickets_company').on(t.vendorId, t.companyId),
    index('tickets_parent').on(t.vendorId, t.parentId),
    index('tickets_created').on(t.vendorId, t.createdAt),
    index('tickets_updated').on(t.vendorId, t.updatedAt, t.id),
    index('tickets_search').using('gin', t.search),
    index('tickets_cc_agents').using('gin', t.ccAgentIds),
    index('tickets_sla_due').on(t.vendorId, t.slaDueAt).where(sql`${t.slaDueAt} is not null`),
  ],
);

/** 服务记录: one contact with the customer (call, chat, remote, visit, e-mail, manual). */
export const serviceRecords = pgTable(
  'service_records',
  {
    vendorId: tenantKey(),
    id: rowId(),
    ticketId: bigint('ticket_id', { mode: 'number' }),
    channel: text('channel').$type<RecordChannel>().notNull(),
    contactId: bigint('contact_id', { mode: 'number' }),
    companyId: bigint('company_id', { mode: 'number' }),
    agentId: bigint('agent_id', { mode: 'number' }),
    startedAt: at('started_at').notNull().defaultNow(),
    endedAt: at('ended_at'),
    summary: text('summary').notNull().default(''),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({
      columns: [t.vendorId, t.ticketId],
      foreignColumns: [tickets.vendorId, tickets.id],
    }).onDelete('set null'),
    foreignKey({
      columns: [t.vendorId, t.contactId],
      foreignColumns: [contacts.vendorId, contacts.id],
    }).onDelete('set null'),
    foreignKey({
      columns: [t.vendorId, t.companyId],
      foreignColumns: [companies.vendorId, companies.id],
    }).onDelete('set null'),
    foreignKey({ columns: [t.vendorId, t.agentId], foreignColumns: [agents.vendorId, agents.id] }),
    index('service_records_ticket').on(t.vendorId, t.ticketId),
    index('service_records_company').on(t.vendorId, t.companyId, t.startedAt),
    index('service_records_contact').on(t.vendorId, t.contactId, t.startedAt),
  ],
);

/** The timeline: every change of a ticket, written in the same transaction as the change. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    vendorId: tenantKey(),
    id: rowId(),
    ticketId: bigint('ticket_id', { mode: 'number' }).notNull(),
    kind: text('kind').$type<TicketEventKind>().notNull(),
    actorType: text('actor_type').$type<ActorType>().notNull(),
    actorAgentId: bigint('actor_agent_id', { mode: 'number' }),
    actorContactId: bigint('actor_contact_id', { mode: 'number' }),
    via: text('via'),
    public: boolean('public').notNull().default(false),
    body: text('body'),
    changes: jsonb('changes').$type<TicketChange[]>().notNull().default(sql`'[]'::jsonb`),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull().default(sql`'[]'::jsonb`),
    recordId: bigint('record_id', { mode: 'number' }),
    relatedTicketId: bigint('related_ticket_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({
      columns: [t.vendorId, t.ticketId],
      foreignColumns: [tickets.vendorId, tickets.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.vendorId, t.actorAgentId], foreignColumns: [agents.vendorId, agents.id] }),
    foreignKey({
      columns: [t.vendorId, t.actorContactId],
      foreignColumns: [contacts.vendorId, contacts.id],
    }).onDelete('set null'),
    foreignKey({
      columns: [t.vendorId, t.recordId],
      foreignColumns: [serviceRecords.vendorId, serviceRecords.id],
    }).onDelete('set null'),
    index('ticket_events_ticket').on(t.vendorId, t.ticketId, t.id),
  ],
);

export interface ViewVisibility extends Visibility {
  contactTag?: string | null;
}

/** 查询器 / 工单视图 (manual 5.1.5). System views are built in code and stored only when edited. */
export const ticketViews = pgTable(
  'ticket_views',
  {
    vendorId: tenantKey(),
    id: rowId(),
    /** For an edited or switched-off system view: its code key ('mine', 'unassigned' …). */
    systemKey: text('system_key'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    conditions: jsonb('conditions').$type<ConditionSet>().notNull(),
    templateId: bigint('template_id', { mode: 'number' }),
    columns: text('columns').array().notNull().default(sql`'{}'`),
    groupBy: text('group_by'),
    sortField: text('sort_field').notNull().default('updatedAt'),
    sortDirection: text('sort_direction').$type<'asc' | 'desc'>().notNull().default('desc'),
    visibility: jsonb('visibility').$type<ViewVisibility>().notNull(),
    category: text('category'),
    enabled: boolean('enabled').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    ownerAgentId: bigint('owner_agent_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('ticket_views_system_key').on(t.vendorId, t.systemKey),
    foreignKey({
      columns: [t.vendorId, t.templateId],
      foreignColumns: [ticketTemplates.vendorId, ticketTemplates.id],
    }).onDelete('set null'),
    foreignKey({
      columns: [t.vendorId, t.ownerAgentId],
      foreignColumns: [agents.vendorId, agents.id],
    }).onDelete('cascade'),
  ],
);

/** 打印模板 (manual 5.2.20): Liquid HTML rendered with the ticket, company and contact. */
export const printTemplates = pgTable(
  'print_templates',
  {
    vendorId: tenantKey(),
    id: rowId(),
    name: text('name').notNull(),
    body: text('body').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('print_templates_name').on(t.vendorId, t.name),
  ],
);

export type TicketRow = typeof tickets.$inferSelect;
export type TicketEventRow = typeof ticketEvents.$inferSelect;
