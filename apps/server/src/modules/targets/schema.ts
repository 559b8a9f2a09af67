import { sql } from 'drizzle-orm';
import { boolean, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, rowId, tenantKey, updatedAt } from '../../platform/db/columns.js';

export type TargetMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type TargetAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string };

/**
 * 外部目标 (manual 5.2.19): an HTTP endpoint that triggers and automations call with a Liquid-rendered
 * body (`{{ticket.number}}` …); calls go through the outbox.
 */
export const targets = pgTable(
  'targets',
  {
    vendorId: tenantKey(),
    id: rowId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    enabled: boolean('enabled').notNull().default(true),
    url: text('url').notNull(),
    method: text('method').$type<TargetMethod>().notNull().default('POST'),
    headers: jsonb('headers').$type<{ name: string; value: string }[]>().notNull().default(sql`'[]'::jsonb`),
    /** Secrets stay server-side: the API shows whether a password/token is set, never its value. */
    auth: jsonb('auth').$type<TargetAuth>().notNull().default({ type: 'none' }),
    contentType: text('content_type').notNull().default('application/json'),
    /** The request body, a Liquid template. */
    body: text('body').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.vendorId, t.id] }), uniqueIndex('targets_title').on(t.vendorId, t.title)],
);

export type TargetRow = typeof targets.$inferSelect;
