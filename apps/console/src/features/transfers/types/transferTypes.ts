import type { importPreviewSchema, TransferEntity } from '@yidan/contracts';

// Types inferred from the contract's zod schemas without importing zod into the console.
type Out<S extends { _output: unknown }> = S['_output'];

export type {
  ExportStatus,
  ImportMapping,
  ImportStatus,
  TransferEntity,
  TransferStatus,
} from '@yidan/contracts';

/** POST /imports/preview: header, first rows, auto-matched mapping and the fields a column can take. */
export type ImportPreview = Out<typeof importPreviewSchema>;
export type ImportField = ImportPreview['fields'][number];

/**
 * What 导出 asks for: customers (/exports), tickets (/ticket-exports, a view, filters or ids) or
 * the customer statistics (/customer-statistics/export, its filters; progress through /exports).
 */
export type ExportCreateInput =
  | import('@yidan/contracts').ExportCreateInput
  | (import('@yidan/contracts').TicketExportInput & { entity: 'tickets' })
  | (import('@yidan/contracts').CustomerStatisticsExportInput & { entity: 'customer_statistics' });

/** What the import wizard sends with the file. */
export interface ImportOptions {
  entity: TransferEntity;
  noHeader: boolean;
  skipExisting: boolean;
}

/** Which kind of background transfer a status belongs to. */
export type TransferKind = 'import' | 'export';
