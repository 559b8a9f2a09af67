import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { AppError, type FieldError } from '../http/errors.js';
import { detectFileType, SNIFF_BYTES } from './detect.js';
import { files } from './schema.js';

/** The largest upload accepted (attachments, signatures, photos). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type FileRow = typeof files.$inferSelect;

/** A file as other records point at it (ticket attachments, attachment fields). */
export interface FileRef {
  fileId: string;
  name: string;
  size: number;
}

const vendorDir = (filesDir: string, vendorId: number) => path.join(filesDir, String(vendorId));
const filePath = (filesDir: string, vendorId: number, id: string) =>
  path.join(vendorDir(filesDir, vendorId), id);

/** A display name safe to store and echo: no directories, no control characters, ≤ 255 characters. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...clean].slice(-255).join('') || 'file';
}

/**
 * Stores an upload for the caller's vendor: streamed to a temporary file (hashing and sniffing on
 * the way), flushed, checked, then renamed into place, so a crash never leaves half a file under
 * a real id. Refuses oversize (413), empty (422) and executable (415) files.
 */
export async function saveUpload(
  db: Db,
  filesDir: string,
  actor: Actor,
  upload: { fileName: string | undefined; stream: Readable & { truncated?: boolean } },
): Promise<FileRow> {
  const dir = vendorDir(filesDir, actor.vendorId);
  await fs.promises.mkdir(dir, { recursive: true });
  const id = randomUUID();
  const tmp = path.join(dir, `.tmp-${id}`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let stored = false;
  try {
    await pipeline(
      upload.stream,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          size += chunk.length;
          if (head.length < SNIFF_BYTES)
            head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          yield chunk;
        }
      },
      fs.createWriteStream(tmp, { flags: 'wx' }),
    );
    if (upload.stream.truncated) throw new AppError('file_too_large', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 });
    if (size === 0) throw new AppError('upload_empty');
    const name = cleanFileName(upload.fileName);
    const detected = detectFileType(head, name, size <= SNIFF_BYTES);
    if (detected.kind === 'executable') throw new AppError('file_executable');
    const handle = await fs.promises.open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, filePath(filesDir, actor.vendorId, id));
    stored = true;
    const [row] = await db
      .insert(files)
      .values({
        vendorId: actor.vendorId,
        id,
        name,
        mime: detected.mime,
        size,
        sha256: hash.digest('hex'),
        uploadedBy: actor.agentId,
      })
      .returning();
    if (!row) throw new Error('file insert returned nothing');
    return row;
  } catch (err) {
    await fs.promises.rm(stored ? filePath(filesDir, actor.vendorId, id) : tmp, { force: true });
    throw err;
  }
}

/** A file of the caller's vendor with its bytes' path; 404 for another vendor's or a missing one. */
export async function getFile(
  db: Db,
  filesDir: string,
  vendorId: number,
  id: string,
): Promise<{ row: FileRow; path: string }> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.vendorId, vendorId), eq(files.id, id)));
  if (!row) throw new AppError('not_found');
  const p = filePath(filesDir, vendorId, row.id);
  const exists = await fs.promises.stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!exists) throw new AppError('not_found');
  return { row, path: p };
}

/** The vendor's files among these ids, by id. */
export async function findFiles(db: Db, vendorId: number, ids: string[]): Promise<Map<string, FileRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select()
    .from(files)
    .where(and(eq(files.vendorId, vendorId), inArray(files.id, unique)));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Checks that every attachment names an uploaded file of the vendor (400 with a field error per
 * unknown one) and returns them with the stored name and size, so records never show made-up ones.
 */
export async function assertFilesExist(
  tx: Db,
  vendorId: number,
  attachments: readonly FileRef[],
  at = 'body.attachments',
): Promise<FileRef[]> {
  if (attachments.length === 0) return [];
  const found = await findFiles(
    tx,
    vendorId,
    attachments.map((a) => a.fileId),
  );
  const errors: FieldError[] = [];
  const out = attachments.map((a, i) => {
    const row = found.get(a.fileId);
    if (!row) errors.push({ path: `${at}.${i}.fileId`, message: 'unknown_file' });
    return row ? { fileId: row.id, name: row.name, size: row.size } : a;
  });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return out;
}
