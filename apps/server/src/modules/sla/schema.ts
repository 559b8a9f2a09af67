import type { ConditionSet, TicketPriority, TriggerAction } from '@yidan/contracts';
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
import { tickets } from '../tickets/schema.js';

/** What an SLA measures: 首次响应, 下次响应 (each later reply), 解决. */
export type SlaMetric = 'firstResponse' | 'nextResponse' | 'resolution';
/** Minutes per metric for one priority; a missing metric has no target. */
export type SlaTargets = Partial<Record<TicketPriority, Partial<Record<SlaMetric, number>>>>;
/** Actions at an offset from a metric's deadline: negative before (提醒), 0 at, positive after. */
export type SlaAction = { metric: SlaMetric; offsetMinutes: number; actions: TriggerAction[] };

/** SLA 策略 (manual 5.3.3): the first enabled policy (in order) whose conditions hold applies. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    vendorId: tenantKey(),
    id: rowId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    enabled: boolean('enabled').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    conditions: jsonb('conditions')
      .$type<ConditionSet>()
      .notNull()
      .default(sql`'{"all":[],"any":[]}'::jsonb`),
    targets: jsonb('targets').$type<SlaTargets>().notNull().default({}),
    /** Targets count business hours of the vendor calendar (holidays, 调休) instead of calendar time. */
    businessHours: boolean('business_hours').notNull().default(false),
    /** The clock stops while the ticket is 待回应 (pending). */
    pauseOnPending: boolean('pause_on_pending').notNull().default(true),
    actions: jsonb('actions').$type<SlaAction[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('sla_policies_title').on(t.vendorId, t.title),
    index('sla_policies_order').on(t.vendorId, t.sortOrder, t.id),
  ],
);

/**
 * One pending moment of a ticket's SLA: a metric's breach, or an action before/after it. The
 * scheduler fires rows whose due_at has passed (fired_at stamps them once, in the same transaction
 * as their effects) and sleeps until the next due_at; recomputing a ticket's SLA replaces its
 * unfired rows.
 */
export const slaDeadlines = pgTable(
  'sla_deadlines',
  {
    vendorId: tenantKey(),
    id: rowId(),
    ticketId: bigint('ticket_id', { mode: 'number' }).notNull(),
    policyId: bigint('policy_id', { mode: 'number' }).notNull(),
    metric: text('metric').$type<SlaMetric>().notNull(),
    /** Index into the policy's actions, or null for the breach itself (flag + timeline). */
    actionIndex: integer('action_index'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({
      columns: [t.vendorId, t.ticketId],
      foreignColumns: [tickets.vendorId, tickets.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.vendorId, t.policyId],
      foreignColumns: [slaPolicies.vendorId, slaPolicies.id],
    }).onDelete('cascade'),
    index('sla_deadlines_due').on(t.dueAt).where(sql`${t.firedAt} is null`),
    index('sla_deadlines_ticket').on(t.vendorId, t.ticketId),
  ],
);

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
export type SlaDeadlineRow = typeof slaDeadlines.$inferSelect;
