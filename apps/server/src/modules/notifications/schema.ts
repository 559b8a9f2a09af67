import { bigint, foreignKey, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, rowId, tenantKey } from '../../platform/db/columns.js';
import { agents } from '../org/schema.js';

/** In-app notifications (通知中心) for one agent. */
export const notifications = pgTable(
  'notifications',
  {
    vendorId: tenantKey(),
    id: rowId(),
    agentId: bigint('agent_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({ columns: [t.vendorId, t.agentId], foreignColumns: [agents.vendorId, agents.id] }).onDelete(
      'cascade',
    ),
    index('notifications_agent').on(t.vendorId, t.agentId, t.id),
  ],
);
