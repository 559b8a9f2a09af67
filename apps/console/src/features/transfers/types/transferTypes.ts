import type { importPreviewSchema, TransferEntity } from '@yidan/contracts';

// Types inferred from the contract's zod schemas without importing zod into the console.
type Out<S extends { _output: unknown }> = S['_output'];

export type {
  ExportCreateInput,
  ExportStatus,
  ImportMapping,
  ImportStatus,
  TransferEntity,
  TransferStatus,
} from '@yidan/contracts';

/** POST /imports/preview: header, first rows, auto-matched mapping and the fields a column can take. */
export type ImportPreview = Out<typeof importPreviewSchema>;
export type ImportField = ImportPreview['fields'][number];

/** What the import wizard sends with the file. */
export interface ImportOptions {
  entity: TransferEntity;
  noHeader: boolean;
  skipExisting: boolean;
}

/** Which kind of background transfer a status belongs to. */
export type TransferKind = 'import' | 'export';
