import { bigint, foreignKey, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { agents } from '../org/schema.js';
import { vendors } from '../vendors/schema.js';

/** In-app notifications (通知中心) for one agent. */
export const notifications = pgTable(
  'notifications',
  {
    vendorId: bigint('vendor_id', { mode: 'number' })
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    agentId: bigint('agent_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({ columns: [t.vendorId, t.agentId], foreignColumns: [agents.vendorId, agents.id] }).onDelete(
      'cascade',
    ),
    index('notifications_agent').on(t.vendorId, t.agentId, t.id),
  ],
);
