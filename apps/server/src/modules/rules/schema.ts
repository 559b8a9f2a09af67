import type { ConditionSet, TriggerAction, Visibility } from '@yidan/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { agents, groups } from '../org/schema.js';
import { tickets } from '../tickets/schema.js';

/** 触发器 (manual 5.1.6.1): conditions over a ticket change and the actions to take, run in sort order. */
export const triggers = pgTable(
  'triggers',
  {
    vendorId: tenantKey(),
    id: rowId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    enabled: boolean('enabled').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    conditions: jsonb('conditions').$type<ConditionSet>().notNull(),
    actions: jsonb('actions').$type<TriggerAction[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    // 标题不能重复 (manual 5.1.6.1).
    uniqueIndex('triggers_title').on(t.vendorId, t.title),
    index('triggers_order').on(t.vendorId, t.sortOrder, t.id),
    foreignKey({ columns: [t.vendorId, t.createdBy], foreignColumns: [agents.vendorId, agents.id] }).onDelete(
      'set null',
    ),
  ],
);

/**
 * Where round-robin assignment (轮流) stands in a group: the agent picked last. The row is locked
 * while the next agent is picked, so concurrent assignments in one group take turns.
 */
export const assignmentCursors = pgTable(
  'assignment_cursors',
  {
    vendorId: tenantKey(),
    groupId: bigint('group_id', { mode: 'number' }).notNull(),
    lastAgentId: bigint('last_agent_id', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.groupId] }),
    foreignKey({ columns: [t.vendorId, t.groupId], foreignColumns: [groups.vendorId, groups.id] }).onDelete(
      'cascade',
    ),
  ],
);

/**
 * 自动化任务 (manual 5.1.6.2): time-based rules run by a scheduled job over the vendor's tickets
 * (Zendesk automations). Same shape as triggers; conditions include time conditions.
 */
export const automations = pgTable(
  'automations',
  {
    vendorId: tenantKey(),
    id: rowId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    enabled: boolean('enabled').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    conditions: jsonb('conditions').$type<ConditionSet>().notNull(),
    actions: jsonb('actions').$type<TriggerAction[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('automations_title').on(t.vendorId, t.title),
    index('automations_order').on(t.vendorId, t.sortOrder, t.id),
    foreignKey({ columns: [t.vendorId, t.createdBy], foreignColumns: [agents.vendorId, agents.id] }).onDelete(
      'set null',
    ),
  ],
);

/**
 * Which automation acted on which ticket in which state: `state_key` is the ticket's updated_at
 * (ISO, ms) right after the automation's change (and the triggers it ran). An automation does not
 * fire again on a ticket whose updated_at is still a state it left; any later change is a new state.
 */
export const automationFirings = pgTable(
  'automation_firings',
  {
    vendorId: tenantKey(),
    automationId: bigint('automation_id', { mode: 'number' }).notNull(),
    ticketId: bigint('ticket_id', { mode: 'number' }).notNull(),
    stateKey: text('state_key').notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.automationId, t.ticketId, t.stateKey] }),
    index('automation_firings_ticket').on(t.vendorId, t.ticketId),
    foreignKey({
      columns: [t.vendorId, t.automationId],
      foreignColumns: [automations.vendorId, automations.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.vendorId, t.ticketId],
      foreignColumns: [tickets.vendorId, tickets.id],
    }).onDelete('cascade'),
  ],
);

export type TriggerRow = typeof triggers.$inferSelect;
export type AutomationRow = typeof automations.$inferSelect;

/** When a macro runs (manual 5.1.6.3): by a click, on page load, on submit (工单控制), on a field change. */
export type MacroMode = 'manual' | 'load' | 'submit' | 'change';

/**
 * 宏 (manual 5.1.6.3): conditions and actions applied in the ticket form, by hand or on an event;
 * `else_actions` run when the conditions do not hold. Visible per `visibility`, to the templates in
 * `template_ids` (empty: every template).
 */
export const macros = pgTable(
  'macros',
  {
    vendorId: tenantKey(),
    id: rowId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    enabled: boolean('enabled').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    mode: text('mode').$type<MacroMode>().notNull().default('manual'),
    /** For mode 'change': the fields whose change runs the macro (ticket.priority, ticket.custom.x …). */
    watchFields: text('watch_fields').array().notNull().default(sql`'{}'`),
    conditions: jsonb('conditions')
      .$type<ConditionSet>()
      .notNull()
      .default(sql`'{"all":[],"any":[]}'::jsonb`),
    actions: jsonb('actions').$type<TriggerAction[]>().notNull().default(sql`'[]'::jsonb`),
    elseActions: jsonb('else_actions').$type<TriggerAction[]>().notNull().default(sql`'[]'::jsonb`),
    visibility: jsonb('visibility').$type<Visibility>().notNull(),
    templateIds: bigint('template_ids', { mode: 'number' }).array().notNull().default(sql`'{}'`),
    ownerAgentId: bigint('owner_agent_id', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('macros_title').on(t.vendorId, t.title),
    index('macros_order').on(t.vendorId, t.sortOrder, t.id),
    foreignKey({
      columns: [t.vendorId, t.ownerAgentId],
      foreignColumns: [agents.vendorId, agents.id],
    }).onDelete('set null'),
  ],
);
export type MacroRow = typeof macros.$inferSelect;
