import { bigint, timestamp } from 'drizzle-orm/pg-core';
import { vendors } from '../../modules/vendors/schema.js';

/** The tenant key every tenant table starts its primary key with (DESIGN §3). */
export const tenantKey = () =>
  bigint('vendor_id', { mode: 'number' })
    .notNull()
    .references(() => vendors.id, { onDelete: 'cascade' });

/** A row id; unique with vendor_id as the composite primary key. */
export const rowId = () => bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity();

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
