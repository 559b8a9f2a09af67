import { bigint, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, rowId, tenantKey } from '../db/columns.js';

/** Who did what irreversible or sensitive thing (merges, bulk deletes, settings). */
export const auditLog = pgTable(
  'audit_log',
  {
    vendorId: tenantKey(),
    id: rowId(),
    agentId: bigint('agent_id', { mode: 'number' }),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: bigint('entity_id', { mode: 'number' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    index('audit_log_entity').on(t.vendorId, t.entity, t.entityId),
  ],
);
