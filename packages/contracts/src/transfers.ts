import { z } from 'zod';
import { customerStatisticsQuery } from './customerStatistics.js';
import { companyCreateBody, companySearchBody, contactCreateBody, contactListQuery } from './customers.js';
import { TICKET_STATUSES } from './tickets.js';

const id = z.number().int().positive();

/** What an import or export moves; 客户统计 (customer_statistics) is exported only. */
export const TRANSFER_ENTITIES = ['companies', 'contacts', 'tickets', 'customer_statistics'] as const;
export type TransferEntity = (typeof TRANSFER_ENTITIES)[number];
/** What an import creates or updates. */
export const IMPORT_ENTITIES = ['companies', 'contacts', 'tickets'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];
/** What the customer routes (/api/v1/imports, /api/v1/exports) move; tickets have their own routes. */
export const CUSTOMER_TRANSFER_ENTITIES = ['companies', 'contacts'] as const;
/** The exports /api/v1/exports/:id serves: companies, contacts and the customer statistics. */
export const CUSTOMER_EXPORT_ENTITIES = ['companies', 'contacts', 'customer_statistics'] as const;
/** Rows per ticket import (manual 5.2.5) and per ticket export. */
export const TICKET_IMPORT_MAX_ROWS = 5_000;
export const TICKET_EXPORT_MAX_ROWS = 50_000;
export const TRANSFER_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** File column header → field key ("公司名称" → "name", "手机" → "contacts.mobile", "行业" → "custom.industry"). */
export const importMappingSchema = z
  .record(z.string().max(200), z.string().max(100))
  .refine((m) => Object.keys(m).length <= 200, { message: 'too_long' });
export type ImportMapping = z.infer<typeof importMappingSchema>;

const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off'])
  .transform((v) => v === 'true' || v === '1' || v === 'on');

/** The text fields of the multipart upload (`file` is the file part). */
export const importUploadFields = z.object({
  entity: z.enum(CUSTOMER_TRANSFER_ENTITIES),
  /** JSON of an ImportMapping; without it the columns are matched by header. */
  mapping: z.string().max(100_000).optional(),
  /** 不更新重复信息: rows matching an existing record are skipped. */
  skipExisting: flag.optional(),
  /** 无表头: the first row is data; columns are named 列1, 列2 … */
  noHeader: flag.optional(),
});
export const importPreviewFields = importUploadFields.pick({ entity: true, noHeader: true });

/**
 * The text fields of a ticket import upload (POST /api/v1/ticket-imports). Tickets have no natural
 * key, so there is no "skipExisting": the same file (by content) is refused within 24 hours instead.
 */
export const ticketImportUploadFields = z.object({
  entity: z.literal('tickets').optional(),
  mapping: z.string().max(100_000).optional(),
  noHeader: flag.optional(),
});
export const ticketImportPreviewFields = ticketImportUploadFields.pick({ entity: true, noHeader: true });

export const importStatusSchema = z.object({
  id,
  entity: z.enum(IMPORT_ENTITIES),
  status: z.enum(TRANSFER_STATUSES),
  fileName: z.string(),
  total: z.number().int(),
  processed: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  /** Rows matching an existing record when "skipExisting" was asked for. */
  skipped: z.number().int(),
  failed: z.number().int(),
  /** The xlsx of failed rows with a 失败原因 column, once the import is done and some rows failed. */
  failedRowsUrl: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportStatus = z.infer<typeof importStatusSchema>;

export const importFieldSchema = z.object({ key: z.string(), label: z.string(), required: z.boolean() });
export const importPreviewSchema = z.object({
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** Header → field key, for the headers that matched a field's label, key or a known alias. */
  mapping: z.record(z.string(), z.string()),
  /** Every field a column can be mapped to. */
  fields: z.array(importFieldSchema),
});

export const importAccepted = z.object({ id });

const exportFilters = {
  /** The list's filters and the advanced query's condition set, as POST /api/v1/companies/search takes them. */
  companies: companySearchBody.omit({ cursor: true, limit: true }),
  contacts: contactListQuery.omit({ cursor: true, limit: true }),
};
export const exportCreateBody = z.discriminatedUnion('entity', [
  z.object({
    entity: z.literal('companies'),
    query: exportFilters.companies.optional(),
    ids: z.array(id).min(1).max(1000).optional(),
  }),
  z.object({
    entity: z.literal('contacts'),
    query: exportFilters.contacts.optional(),
    ids: z.array(id).min(1).max(1000).optional(),
  }),
]);
export type ExportCreateInput = z.infer<typeof exportCreateBody>;

/** A ticket export's scope: a view (查询器), the list's filters, or both (manual 5.2.5). */
export const ticketExportQuery = z.object({
  viewId: z.string().max(40).optional(),
  /** With viewId: one group of the view's grouping ('' = none), as GET /api/v1/tickets takes it. */
  viewGroup: z.string().max(100).optional(),
  q: z.string().trim().max(100).optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  contactId: id.optional(),
  companyId: id.optional(),
  assigneeId: id.optional(),
  unresolved: z.boolean().optional(),
  /** `-updatedAt`, `number` … as GET /api/v1/tickets takes it. */
  sort: z.string().max(60).optional(),
});
export const ticketExportCreateBody = z.object({
  entity: z.literal('tickets').optional(),
  query: ticketExportQuery.optional(),
  /** 导出部分工单: the selected tickets. */
  ids: z.array(id).min(1).max(1000).optional(),
});
export type TicketExportInput = z.infer<typeof ticketExportCreateBody>;

/**
 * 导出客户统计 (POST /api/v1/customer-statistics/export): the filters and sort of GET
 * /api/v1/customer-statistics; every matching company is written, page after page. Unknown keys
 * are refused (a misspelt filter would otherwise export everything).
 */
export const customerStatisticsExportBody = z
  .object({
    entity: z.literal('customer_statistics').optional(),
    query: customerStatisticsQuery.omit({ cursor: true, limit: true }).strict().optional(),
  })
  .strict();
export type CustomerStatisticsExportInput = z.infer<typeof customerStatisticsExportBody>;

export const exportStatusSchema = z.object({
  id,
  entity: z.enum(TRANSFER_ENTITIES),
  status: z.enum(TRANSFER_STATUSES),
  /** Known for an export of ids; for a query it is set when the export is done. */
  total: z.number().int().nullable(),
  processed: z.number().int(),
  fileUrl: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ExportStatus = z.infer<typeof exportStatusSchema>;

/** CRM sync (white paper 4.3.1): upsert by the CRM's own id. */
const externalId = z.string().trim().min(1).max(100);
export const companySyncItem = companyCreateBody
  .omit({ contacts: true, externalId: true })
  .partial()
  .extend({ externalId });
export const contactSyncItem = contactCreateBody.omit({ externalId: true }).partial().extend({
  externalId,
  /** Links the contact to the company synced with this external id (alternative to companyId). */
  companyExternalId: externalId.nullable().optional(),
});
export type CompanySyncItem = z.infer<typeof companySyncItem>;
export type ContactSyncItem = z.infer<typeof contactSyncItem>;

export const companySyncBody = z.object({ items: z.array(companySyncItem).min(1).max(1000) }).meta({
  example: {
    items: [
      {
        externalId: 'CRM-10086',
        name: '北京用友软件代理有限公司',
        package: 'VIP服务包',
        serviceStart: '2026-01-01',
        serviceEnd: '2026-12-31',
        serviceCode: '880012',
        tags: ['T+'],
        custom: {},
      },
    ],
  },
});
export const contactSyncBody = z.object({ items: z.array(contactSyncItem).min(1).max(1000) }).meta({
  example: {
    items: [
      {
        externalId: 'CRM-C-2001',
        companyExternalId: 'CRM-10086',
        name: '张会计',
        mobile: '13800138000',
        email: 'zhangkj@example.com',
      },
    ],
  },
});

export const SYNC_ACTIONS = ['created', 'updated', 'unchanged', 'failed'] as const;
export const syncResultSchema = z.object({
  items: z.array(
    z.object({
      externalId: z.string(),
      id: id.nullable(),
      action: z.enum(SYNC_ACTIONS),
      errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  ),
  counts: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
  }),
});
export type SyncResult = z.infer<typeof syncResultSchema>;
