import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  CUSTOMER_EXPORT_ENTITIES,
  CUSTOMER_TRANSFER_ENTITIES,
  customerStatisticsExportBody,
  exportCreateBody,
  exportStatusSchema,
  idParam,
  importAccepted,
  importMappingSchema,
  importPreviewFields,
  importPreviewSchema,
  importStatusSchema,
  importUploadFields,
  TICKET_IMPORT_MAX_ROWS,
  ticketExportCreateBody,
  ticketImportPreviewFields,
  ticketImportUploadFields,
} from '@yidan/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../platform/http/errors.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { MAX_FILE_BYTES } from '../../platform/spreadsheets/read.js';
import { createExport, exportFile, getExport } from './exports.js';
import { createImport, failedRowsFile, getImport, previewImport, type Upload } from './imports.js';
import { dispatchExport, dispatchImport, waitForInProcessTransfers } from './jobs.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads a multipart upload: the `file` part to a temporary file, the other parts as text fields. */
async function receiveUpload(
  req: FastifyRequest,
): Promise<{ upload: Upload; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type');
  const fields: Record<string, string> = {};
  let upload: Upload | null = null;
  try {
    for await (const part of req.parts({
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 200_000 },
    })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || upload) {
          part.file.resume();
          continue;
        }
        const tmp = path.join(os.tmpdir(), `yidan-upload-${randomUUID()}`);
        upload = { path: tmp, fileName: path.basename(part.filename || 'upload') };
        await pipeline(part.file, fs.createWriteStream(tmp));
        if (part.file.truncated) throw new AppError('file_too_large', { mb: MAX_FILE_BYTES / 1024 / 1024 });
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    if (upload) fs.rmSync(upload.path, { force: true });
    if (err instanceof AppError) throw err;
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413) throw new AppError('file_too_large', { mb: MAX_FILE_BYTES / 1024 / 1024 });
    throw new AppError('validation_failed', {}, [{ path: 'body', message: 'malformed_upload' }]);
  }
  if (!upload) throw new AppError('file_missing', {}, [{ path: 'body.file', message: 'required' }]);
  return { upload, fields };
}

/**
 * Validates the text fields of an upload with a contract schema, as a route body would be.
 * Field errors carry FIELD_MESSAGES keys: the problem handler localises nothing else.
 */
function parseFields<T>(schema: z.ZodType<T>, fields: Record<string, string>, upload: Upload): T {
  const r = schema.safeParse(fields);
  if (r.success) return r.data;
  fs.rmSync(upload.path, { force: true });
  throw new AppError(
    'validation_failed',
    {},
    r.error.issues.map((i) => ({
      path: `body.${i.path.map(String).join('.')}`,
      message:
        i.code === 'invalid_value' ? 'not_an_option' : i.code === 'invalid_type' ? 'required' : i.message,
    })),
  );
}

function parseMapping(text: string | undefined, upload: Upload) {
  if (text === undefined || text === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const r = importMappingSchema.safeParse(json);
  if (r.success) return r.data;
  fs.rmSync(upload.path, { force: true });
  throw new AppError('validation_failed', {}, [{ path: 'body.mapping', message: 'malformed_mapping' }]);
}

function sendXlsx(reply: FastifyReply, file: { data: Buffer; name: string }) {
  return reply
    .type(XLSX_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

export function transferRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.addHook('onClose', async () => {
    await waitForInProcessTransfers(deps);
  });
  const importing = { config: { permission: 'customer.import' as const } };
  const exporting = { config: { permission: 'customer.export' as const } };
  const it = { tags: ['imports'] };
  const et = { tags: ['exports'] };
  const multipartDoc = (what: string) =>
    `multipart/form-data: \`file\` (.xlsx, .xls or .csv in UTF-8 or GBK, at most 20 MB and 50,000 rows), ${what}`;

  app.post(
    '/api/v1/imports/preview',
    {
      ...importing,
      schema: {
        ...it,
        summary: '导入预览：表头、前 5 行和自动匹配的字段',
        description: multipartDoc('`entity` (companies | contacts), optional `noHeader`.'),
        consumes: ['multipart/form-data'],
        response: { 200: importPreviewSchema },
      },
    },
    async (req) => {
      const { upload, fields } = await receiveUpload(req);
      const input = parseFields(importPreviewFields, fields, upload);
      return previewImport(db, actorOf(req), input.entity, upload, input.noHeader ?? false);
    },
  );

  app.post(
    '/api/v1/imports',
    {
      ...importing,
      schema: {
        ...it,
        summary: '批量导入公司或联系人（后台任务，返回任务编号）',
        description: multipartDoc(
          '`entity` (companies | contacts), optional `mapping` (JSON: column header → field key, e.g. {"公司名称":"name","手机":"contacts.mobile"}), `skipExisting` (不更新重复信息), `noHeader` (无表头; columns are 列1, 列2 …).',
        ),
        consumes: ['multipart/form-data'],
        response: { 202: importAccepted },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { upload, fields } = await receiveUpload(req);
      const input = parseFields(importUploadFields, fields, upload);
      const mapping = parseMapping(input.mapping, upload);
      const id = await createImport(deps, actor, upload, {
        entity: input.entity,
        ...(mapping ? { mapping } : {}),
        skipExisting: input.skipExisting ?? false,
        noHeader: input.noHeader ?? false,
      });
      await dispatchImport(deps, { vendorId: actor.vendorId, importId: id, agentId: actor.agentId });
      return reply.code(202).send({ id });
    },
  );

  app.get(
    '/api/v1/imports/:id',
    {
      ...importing,
      schema: { ...it, summary: '导入进度与结果', params: idParam, response: { 200: importStatusSchema } },
    },
    async (req) => getImport(db, actorOf(req), req.params.id, CUSTOMER_TRANSFER_ENTITIES),
  );

  app.get(
    '/api/v1/imports/:id/failed-rows',
    { ...importing, schema: { ...it, summary: '下载未导入的行（含失败原因）', params: idParam } },
    async (req, reply) =>
      sendXlsx(reply, await failedRowsFile(db, actorOf(req), req.params.id, CUSTOMER_TRANSFER_ENTITIES)),
  );

  app.post(
    '/api/v1/exports',
    {
      ...exporting,
      schema: {
        ...et,
        summary: '导出公司或联系人到 Excel（后台任务）',
        description:
          '`query` takes the filters of GET /api/v1/companies or /api/v1/contacts; `ids` exports a selection.',
        body: exportCreateBody,
        response: { 202: importAccepted },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createExport(db, actor, req.body);
      await dispatchExport(deps, { vendorId: actor.vendorId, exportId: id, agentId: actor.agentId });
      return reply.code(202).send({ id });
    },
  );

  app.get(
    '/api/v1/exports/:id',
    {
      ...exporting,
      schema: {
        ...et,
        summary: '导出进度（公司、联系人、客户统计）',
        params: idParam,
        response: { 200: exportStatusSchema },
      },
    },
    async (req) => getExport(db, actorOf(req), req.params.id, CUSTOMER_EXPORT_ENTITIES),
  );

  app.get(
    '/api/v1/exports/:id/file',
    { ...exporting, schema: { ...et, summary: '下载导出的文件', params: idParam } },
    async (req, reply) =>
      sendXlsx(reply, await exportFile(db, actorOf(req), req.params.id, CUSTOMER_EXPORT_ENTITIES)),
  );

  app.post(
    '/api/v1/customer-statistics/export',
    {
      ...exporting,
      schema: {
        tags: ['customer-statistics'],
        summary: '导出客户统计到 Excel（后台任务）',
        description:
          '`query` takes the filters and sort of GET /api/v1/customer-statistics. Progress and the file: GET /api/v1/exports/{id} and /api/v1/exports/{id}/file.',
        body: customerStatisticsExportBody,
        response: { 202: importAccepted },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createExport(db, actor, { query: req.body.query, entity: 'customer_statistics' });
      await dispatchExport(deps, { vendorId: actor.vendorId, exportId: id, agentId: actor.agentId });
      return reply.code(202).send({ id });
    },
  );

  ticketTransferRoutes(app, deps);
}

const TICKETS = ['tickets'] as const;

/**
 * 工单导入、导出 (manual 5.2.5): the same jobs, files and progress as customers, behind their own
 * permissions (ticket.import / ticket.export), checked before an upload is read.
 */
function ticketTransferRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const importing = { config: { permission: 'ticket.import' as const } };
  const exporting = { config: { permission: 'ticket.export' as const } };
  const it = { tags: ['ticket-imports'] };
  const et = { tags: ['ticket-exports'] };
  const multipartDoc = (what: string) =>
    `multipart/form-data: \`file\` (.xlsx, .xls or .csv in UTF-8 or GBK, at most 20 MB and ${TICKET_IMPORT_MAX_ROWS.toLocaleString('en-US')} rows), ${what}`;

  app.post(
    '/api/v1/ticket-imports/preview',
    {
      ...importing,
      schema: {
        ...it,
        summary: '工单导入预览：表头、前 5 行和自动匹配的字段',
        description: multipartDoc('optional `noHeader`.'),
        consumes: ['multipart/form-data'],
        response: { 200: importPreviewSchema },
      },
    },
    async (req) => {
      const { upload, fields } = await receiveUpload(req);
      const input = parseFields(ticketImportPreviewFields, fields, upload);
      return previewImport(db, actorOf(req), 'tickets', upload, input.noHeader ?? false);
    },
  );

  app.post(
    '/api/v1/ticket-imports',
    {
      ...importing,
      schema: {
        ...it,
        summary: '批量导入工单（后台任务，返回任务编号）',
        description: multipartDoc(
          'optional `mapping` (JSON: column header → field key, e.g. {"标题":"subject","手机":"contactMobile","客服":"assigneeId"}), `noHeader`. Each row creates one ticket (source import). The same file is refused again within 24 hours.',
        ),
        consumes: ['multipart/form-data'],
        response: { 202: importAccepted },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { upload, fields } = await receiveUpload(req);
      const input = parseFields(ticketImportUploadFields, fields, upload);
      const mapping = parseMapping(input.mapping, upload);
      const id = await createImport(deps, actor, upload, {
        entity: 'tickets',
        ...(mapping ? { mapping } : {}),
        skipExisting: false,
        noHeader: input.noHeader ?? false,
      });
      await dispatchImport(deps, { vendorId: actor.vendorId, importId: id, agentId: actor.agentId });
      return reply.code(202).send({ id });
    },
  );

  app.get(
    '/api/v1/ticket-imports/:id',
    {
      ...importing,
      schema: {
        ...it,
        summary: '工单导入进度与结果',
        params: idParam,
        response: { 200: importStatusSchema },
      },
    },
    async (req) => getImport(db, actorOf(req), req.params.id, TICKETS),
  );

  app.get(
    '/api/v1/ticket-imports/:id/failed-rows',
    { ...importing, schema: { ...it, summary: '下载未导入的工单行（含失败原因）', params: idParam } },
    async (req, reply) => sendXlsx(reply, await failedRowsFile(db, actorOf(req), req.params.id, TICKETS)),
  );

  app.post(
    '/api/v1/ticket-exports',
    {
      ...exporting,
      schema: {
        ...et,
        summary: '导出工单到 Excel（后台任务，最多 50,000 条）',
        description:
          '`query` takes a view (`viewId`) and the filters of GET /api/v1/tickets; `ids` exports the selected tickets.',
        body: ticketExportCreateBody,
        response: { 202: importAccepted },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createExport(db, actor, { ...req.body, entity: 'tickets' });
      await dispatchExport(deps, { vendorId: actor.vendorId, exportId: id, agentId: actor.agentId });
      return reply.code(202).send({ id });
    },
  );

  app.get(
    '/api/v1/ticket-exports/:id',
    {
      ...exporting,
      schema: { ...et, summary: '工单导出进度', params: idParam, response: { 200: exportStatusSchema } },
    },
    async (req) => getExport(db, actorOf(req), req.params.id, TICKETS),
  );

  app.get(
    '/api/v1/ticket-exports/:id/file',
    { ...exporting, schema: { ...et, summary: '下载导出的工单文件', params: idParam } },
    async (req, reply) => sendXlsx(reply, await exportFile(db, actorOf(req), req.params.id, TICKETS)),
  );
}
