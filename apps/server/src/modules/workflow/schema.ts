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
import { agents } from '../org/schema.js';
import { tickets, ticketTemplates } from '../tickets/schema.js';

/** A workflow graph as the editor saves it (nodes/edges in React Flow's shape plus our settings). */
export type WorkflowGraph = { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

/** 工单流 (manual 5.1.3–5.1.4): the process of one ticket template; edits publish new versions. */
export const workflows = pgTable(
  'workflows',
  {
    vendorId: tenantKey(),
    id: rowId(),
    templateId: bigint('template_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** The draft being edited (validated on publish). */
    draft: jsonb('draft').$type<WorkflowGraph>().notNull().default(sql`'{"nodes":[],"edges":[]}'::jsonb`),
    /** The version new tickets start on; null until first published. */
    currentVersionId: bigint('current_version_id', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('workflows_template').on(t.vendorId, t.templateId),
    foreignKey({
      columns: [t.vendorId, t.templateId],
      foreignColumns: [ticketTemplates.vendorId, ticketTemplates.id],
    }).onDelete('cascade'),
  ],
);

/** A published, immutable version of a workflow; tickets keep the version they started on. */
export const workflowVersions = pgTable(
  'workflow_versions',
  {
    vendorId: tenantKey(),
    id: rowId(),
    workflowId: bigint('workflow_id', { mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    graph: jsonb('graph').$type<WorkflowGraph>().notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('workflow_versions_number').on(t.vendorId, t.workflowId, t.version),
    foreignKey({
      columns: [t.vendorId, t.workflowId],
      foreignColumns: [workflows.vendorId, workflows.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.vendorId, t.createdBy], foreignColumns: [agents.vendorId, agents.id] }).onDelete(
      'set null',
    ),
  ],
);

/** A ticket's stay in one workflow node: entered, left (how), by whom — time spent and history. */
export const workflowPassages = pgTable(
  'workflow_passages',
  {
    vendorId: tenantKey(),
    id: rowId(),
    ticketId: bigint('ticket_id', { mode: 'number' }).notNull(),
    versionId: bigint('version_id', { mode: 'number' }).notNull(),
    nodeId: text('node_id').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    leftAt: timestamp('left_at', { withTimezone: true }),
    /** 'advanced' along a connector, 'returned' (退回) to an earlier node, 'ended'. */
    outcome: text('outcome').$type<'advanced' | 'returned' | 'ended'>(),
    agentId: bigint('agent_id', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({
      columns: [t.vendorId, t.ticketId],
      foreignColumns: [tickets.vendorId, tickets.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.vendorId, t.versionId],
      foreignColumns: [workflowVersions.vendorId, workflowVersions.id],
    }).onDelete('cascade'),
    index('workflow_passages_ticket').on(t.vendorId, t.ticketId, t.enteredAt),
  ],
);

export type WorkflowRow = typeof workflows.$inferSelect;
export type WorkflowVersionRow = typeof workflowVersions.$inferSelect;
export type WorkflowPassageRow = typeof workflowPassages.$inferSelect;
