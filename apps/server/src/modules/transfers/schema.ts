import {
  bigint,
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt, rowId, tenantKey } from '../../platform/db/columns.js';
import { agents } from '../org/schema.js';

/** Files live in the database: the job and the download may run on other nodes than the upload. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});
// A plain text column: adding an entity (tickets) needs no migration. Mirrors TRANSFER_ENTITIES.
const TRANSFER_ENTITY_VALUES = ['companies', 'contacts', 'tickets', 'customer_statistics'] as const;
// What an import may hold (IMPORT_ENTITIES): customer statistics are exported only.
const IMPORT_ENTITY_VALUES = ['companies', 'contacts', 'tickets'] as const;
const statusColumn = () =>
  text('status', { enum: ['queued', 'running', 'done', 'failed'] })
    .notNull()
    .default('queued');

export interface ImportOptions {
  /** File column header → field key. */
  mapping: Record<string, string>;
  skipExisting: boolean;
  noHeader: boolean;
  /** sha256 of the uploaded file (ticket imports: the same file is refused again within a day). */
  fileHash?: string;
}

/**
 * One import of a spreadsheet. `processed` is advanced in the same transaction as each chunk's
 * writes, so a retried job resumes exactly after the last committed chunk (import_rows.seq).
 */
export const importTasks = pgTable(
  'imports',
  {
    vendorId: tenantKey(),
    id: rowId(),
    entity: text('entity', { enum: IMPORT_ENTITY_VALUES }).notNull(),
    status: statusColumn(),
    fileName: text('file_name').notNull(),
    /** The .xlsx of failed rows with their reasons, written when the import is done. */
    failedRowsFile: bytea('failed_rows_file'),
    header: jsonb('header').$type<string[]>().notNull(),
    options: jsonb('options').$type<ImportOptions>().notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    error: text('error'),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({ columns: [t.vendorId, t.createdBy], foreignColumns: [agents.vendorId, agents.id] }).onDelete(
      'cascade',
    ),
    index('imports_created_by').on(t.vendorId, t.createdBy),
  ],
);

/** The uploaded file's data rows, read once at upload; removed when the import is done. */
export const importRows = pgTable(
  'import_rows',
  {
    vendorId: tenantKey(),
    importId: bigint('import_id', { mode: 'number' }).notNull(),
    /** 1, 2, 3 … in file order: a job resumes after `imports.processed`. */
    seq: integer('seq').notNull(),
    /** The row's number in the file, for the failed-rows report. */
    rowNumber: integer('row_number').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    /** Columns whose cell held a formula. */
    formulas: jsonb('formulas').$type<number[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.importId, t.seq] }),
    foreignKey({
      columns: [t.vendorId, t.importId],
      foreignColumns: [importTasks.vendorId, importTasks.id],
    }).onDelete('cascade'),
  ],
);

/** Rows that were not imported, with the reason, written in the chunk's transaction. */
export const importFailures = pgTable(
  'import_failures',
  {
    vendorId: tenantKey(),
    importId: bigint('import_id', { mode: 'number' }).notNull(),
    rowNumber: integer('row_number').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.importId, t.rowNumber] }),
    foreignKey({
      columns: [t.vendorId, t.importId],
      foreignColumns: [importTasks.vendorId, importTasks.id],
    }).onDelete('cascade'),
  ],
);

export interface ExportOptions {
  query: Record<string, unknown>;
  ids: number[] | null;
}

export const exportTasks = pgTable(
  'exports',
  {
    vendorId: tenantKey(),
    id: rowId(),
    entity: text('entity', { enum: TRANSFER_ENTITY_VALUES }).notNull(),
    status: statusColumn(),
    options: jsonb('options').$type<ExportOptions>().notNull(),
    total: integer('total'),
    processed: integer('processed').notNull().default(0),
    /** The .xlsx, set when the export is done. */
    file: bytea('file'),
    masked: boolean('masked').notNull().default(false),
    error: text('error'),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({ columns: [t.vendorId, t.createdBy], foreignColumns: [agents.vendorId, agents.id] }).onDelete(
      'cascade',
    ),
    index('exports_created_by').on(t.vendorId, t.createdBy),
  ],
);
