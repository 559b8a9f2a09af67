import fs from 'node:fs';
import { fileIdParam, uploadedFileSchema } from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { pgErrorCode } from '../db/errors.js';
import { AppError } from '../http/errors.js';
import { type App, actorOf, type Deps } from '../http/route.js';
import { INLINE_TYPES } from './detect.js';
import { type FileRow, getFile, MAX_UPLOAD_BYTES, saveUpload } from './service.js';

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name (中文文件名 survive every browser). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const isDbError = (err: unknown) => pgErrorCode(err) !== null;

/** Reads the one `file` part of a multipart upload and stores it; other parts are skipped. */
async function receiveFile(req: FastifyRequest, deps: Deps): Promise<FileRow> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type');
  let saved: FileRow | null = null;
  try {
    for await (const part of req.files({
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
    })) {
      if (part.fieldname !== 'file' || saved) {
        part.file.resume();
        continue;
      }
      saved = await saveUpload(deps.db, deps.config.filesDir, actorOf(req), {
        fileName: part.filename,
        stream: part.file,
      });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Disk and database failures are ours (5xx); busboy's complaints (broken form data, too many
    // parts) are the client's.
    const status = (err as { statusCode?: number }).statusCode;
    if ((err as NodeJS.ErrnoException).syscall || (status !== undefined && status >= 500) || isDbError(err))
      throw err;
    throw new AppError('validation_failed', {}, [{ path: 'body', message: 'malformed_upload' }]);
  }
  if (!saved) throw new AppError('file_missing', {}, [{ path: 'body.file', message: 'required' }]);
  return saved;
}

/** 附件上传与下载: any agent of the vendor may upload and download its files. */
export function fileRoutes(app: App, deps: Deps) {
  const tags = ['files'];
  const anyAgent = { config: { auth: 'agent' as const } };

  app.post(
    '/api/v1/files',
    {
      ...anyAgent,
      schema: {
        tags,
        summary: '上传文件（附件、签名、图片）',
        description: `multipart/form-data with one part \`file\`, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Executables are refused. The type is detected from the content.`,
        consumes: ['multipart/form-data'],
        response: { 201: uploadedFileSchema },
      },
    },
    async (req, reply) => {
      const row = await receiveFile(req, deps);
      return reply.code(201).send({ fileId: row.id, name: row.name, size: row.size, mime: row.mime });
    },
  );

  app.get(
    '/api/v1/files/:id',
    {
      ...anyAgent,
      schema: { tags, summary: '下载文件（图片直接显示，其他为附件下载）', params: fileIdParam },
    },
    async (req, reply) => {
      const { row, path } = await getFile(
        deps.db,
        deps.config.filesDir,
        actorOf(req).vendorId,
        req.params.id,
      );
      const inline = INLINE_TYPES.has(row.mime);
      return reply
        .type(row.mime)
        .header('content-length', String(row.size))
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', row.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=86400')
        .header('etag', `"${row.sha256}"`)
        .send(fs.createReadStream(path));
    },
  );
}
