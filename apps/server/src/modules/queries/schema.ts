import type { ConditionSet } from '@yidan/contracts';
import { bigint, foreignKey, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, rowId, tenantKey } from '../../platform/db/columns.js';
import { agents } from '../org/schema.js';

export interface QueryVisibility {
  /** me: only the owner; all: every agent; groups / agents: the listed ones (and the owner). */
  scope: 'me' | 'all' | 'groups' | 'agents';
  groupIds: number[];
  agentIds: number[];
}

/** 查询器: a named, saved condition set over a list (companies, contacts; ticket views later). */
export const savedQueries = pgTable(
  'saved_queries',
  {
    vendorId: tenantKey(),
    id: rowId(),
    entity: text('entity', { enum: ['companies', 'contacts'] }).notNull(),
    name: text('name').notNull(),
    conditions: jsonb('conditions').$type<ConditionSet>().notNull(),
    visibility: jsonb('visibility').$type<QueryVisibility>().notNull(),
    sort: text('sort'),
    ownerAgentId: bigint('owner_agent_id', { mode: 'number' }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({
      columns: [t.vendorId, t.ownerAgentId],
      foreignColumns: [agents.vendorId, agents.id],
    }).onDelete('cascade'),
    index('saved_queries_entity').on(t.vendorId, t.entity),
  ],
);
