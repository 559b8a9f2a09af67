import { type ImportMapping, TICKET_IMPORT_MAX_ROWS } from '@yidan/contracts';
import { api, request } from '../../../api/client';
import type {
  ExportCreateInput,
  ExportStatus,
  ImportOptions,
  ImportPreview,
  ImportStatus,
  TransferEntity,
} from '../types/transferTypes';

/** The server refuses bigger files (MAX_FILE_BYTES) and longer ones (IMPORT_MAX_ROWS; tickets 5,000). */
export const IMPORT_MAX_MB = 20;
export const IMPORT_MAX_ROWS = 50_000;
export const IMPORT_EXTENSIONS = ['.xlsx', '.xls', '.csv'];
export const importMaxRows = (entity: TransferEntity) =>
  entity === 'tickets' ? TICKET_IMPORT_MAX_ROWS : IMPORT_MAX_ROWS;

/** Tickets have their own routes (and permissions) for the same jobs. */
const importBase = (entity?: TransferEntity) => (entity === 'tickets' ? '/ticket-imports' : '/imports');
const exportBase = (entity?: TransferEntity) => (entity === 'tickets' ? '/ticket-exports' : '/exports');
/** The customer statistics are asked for on their own route; their status and file are under /exports. */
const exportStart = (entity?: TransferEntity) =>
  entity === 'customer_statistics' ? '/customer-statistics/export' : exportBase(entity);

/**
 * POSTs multipart form data through the shared client (CSRF, language, problem+json, 401). The
 * client sends a Blob with an explicit content type, so the browser encodes the form first; the
 * boundary is taken from the encoding's header (a Blob's own type is lower-cased, the boundary not).
 */
async function postForm<T>(path: string, form: FormData): Promise<T> {
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return request<T>('POST', path, { raw: { data: await encoded.blob(), contentType } });
}

function importForm(options: Partial<ImportOptions> & Pick<ImportOptions, 'entity'>) {
  const form = new FormData();
  form.set('entity', options.entity);
  if (options.noHeader !== undefined) form.set('noHeader', String(options.noHeader));
  if (options.skipExisting !== undefined && options.entity !== 'tickets')
    form.set('skipExisting', String(options.skipExisting));
  return form;
}

/** Reads the file's header and first rows and proposes a mapping; nothing is imported. */
export function previewImport(file: File, options: ImportOptions): Promise<ImportPreview> {
  const form = importForm({ entity: options.entity, noHeader: options.noHeader });
  form.set('file', file);
  return postForm<ImportPreview>(`${importBase(options.entity)}/preview`, form);
}

/** Uploads the file and queues the import job; progress comes from getImport and the socket. */
export async function startImport(file: File, options: ImportOptions, mapping: ImportMapping) {
  const form = importForm(options);
  form.set('mapping', JSON.stringify(mapping));
  form.set('file', file);
  return (await postForm<{ id: number }>(importBase(options.entity), form)).id;
}

export function getImport(id: number, entity?: TransferEntity): Promise<ImportStatus> {
  return api.get<ImportStatus>(`${importBase(entity)}/${id}`);
}

export async function startExport(body: ExportCreateInput): Promise<number> {
  return (await api.post<{ id: number }>(exportStart(body.entity), body)).id;
}

export function getExport(id: number, entity?: TransferEntity): Promise<ExportStatus> {
  return api.get<ExportStatus>(`${exportBase(entity)}/${id}`);
}
