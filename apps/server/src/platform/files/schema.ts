import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, tenantKey } from '../db/columns.js';

/** Uploaded files (attachments, signatures): bytes on disk under DATA_DIR/files, metadata here. */
export const files = pgTable(
  'files',
  {
    vendorId: tenantKey(),
    /** Random, unguessable (UUID). */
    id: text('id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.vendorId, t.id] })],
);
