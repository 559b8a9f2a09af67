import type { FieldOption, ReadOnlyScope } from '@yidan/contracts';
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { rowId, tenantKey } from '../../platform/db/columns.js';

/** Field definitions per entity: system fields (renamable, reorderable) and custom ones. */
export const fieldDefinitions = pgTable(
  'field_definitions',
  {
    vendorId: tenantKey(),
    id: rowId(),
    entity: text('entity').notNull(),
    key: text('key').notNull(),
    keyLocked: boolean('key_locked').notNull().default(false),
    label: text('label').notNull(),
    type: text('type').notNull(),
    system: boolean('system').notNull().default(false),
    options: jsonb('options').$type<FieldOption[]>().notNull().default(sql`'[]'::jsonb`),
    required: boolean('required').notNull().default(false),
    readOnly: jsonb('read_only')
      .$type<ReadOnlyScope>()
      .notNull()
      .default(sql`'{"all":false,"groupIds":[],"agentIds":[]}'::jsonb`),
    regex: text('regex'),
    /** Type-specific settings: calculated expression, product-table columns, rating scale … */
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    sortOrder: integer('sort_order').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('field_definitions_key').on(t.vendorId, t.entity, t.key),
  ],
);
