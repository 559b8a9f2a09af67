import type {
  Company,
  ConditionSet,
  Contact,
  CustomerStatisticsExportInput,
  ExportCreateInput,
  ExportStatus,
  FieldDefinition,
  Permission,
  TicketExportInput,
  TransferEntity,
} from '@yidan/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, loadActor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/http/route.js';
import { type CellInput, type SheetColumn, writeXlsx } from '../../platform/spreadsheets/write.js';
import { type CompanyListQuery, listCompanies } from '../customers/companies.js';
import { getContact, listContacts } from '../customers/contacts.js';
import { type CustomerContext, customerContext } from '../customers/context.js';
import { companies } from '../customers/schema.js';
import { companyConditionSql } from '../customers/search.js';
import { agents } from '../org/schema.js';
import { exportTasks } from './schema.js';
import { assertCustomerStatsEnabled, statisticsCells, statisticsLayout } from './statisticsExports.js';
import { checkTicketExport, ticketCells, ticketExportScope } from './ticketExports.js';

const PAGE = 500;

/** Who may run an export of each entity (checked when it is asked for and when the job runs). */
export const EXPORT_PERMISSION: Record<TransferEntity, Permission> = {
  companies: 'customer.export',
  contacts: 'customer.export',
  tickets: 'ticket.export',
  customer_statistics: 'customer.export',
};
const FILE_NAMES: Record<TransferEntity, string> = {
  companies: '公司',
  contacts: '联系人',
  tickets: '工单',
  customer_statistics: '客户统计',
};
const basePath = (entity: TransferEntity) =>
  entity === 'tickets' ? '/api/v1/ticket-exports' : '/api/v1/exports';
export type ExportRequest =
  | ExportCreateInput
  | (TicketExportInput & { entity: 'tickets' })
  | (CustomerStatisticsExportInput & { entity: 'customer_statistics'; ids?: undefined });

export interface ExportRef {
  vendorId: number;
  exportId: number;
}
type ExportRow = typeof exportTasks.$inferSelect;

export function presentExport(row: ExportRow): ExportStatus {
  return {
    id: row.id,
    entity: row.entity,
    status: row.status,
    total: row.total,
    processed: row.processed,
    fileUrl: row.status === 'done' && row.file ? `${basePath(row.entity)}/${row.id}/file` : null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function createExport(db: Db, actor: Actor, input: ExportRequest): Promise<number> {
  // Ticket exports are counted now: over the limit is refused at once, not after a long job.
  const ticketTotal = input.entity === 'tickets' ? await checkTicketExport(db, actor, input) : null;
  if (input.entity === 'customer_statistics') assertCustomerStatsEnabled(actor);
  // A bad condition set is refused now, with its paths, rather than failing the job later.
  if (input.entity === 'companies' && input.query?.conditions)
    await companyConditionSql(
      db,
      await customerContext(db, actor),
      input.query.conditions,
      'body.query.conditions',
    );
  const [row] = await db
    .insert(exportTasks)
    .values({
      vendorId: actor.vendorId,
      entity: input.entity,
      options: { query: input.query ?? {}, ids: input.ids ?? null },
      total: ticketTotal ?? (input.ids ? new Set(input.ids).size : null),
      createdBy: actor.agentId,
    })
    .returning({ id: exportTasks.id });
  return row!.id;
}

async function loadExport(db: Db, ref: ExportRef) {
  const [row] = await db
    .select()
    .from(exportTasks)
    .where(and(eq(exportTasks.vendorId, ref.vendorId), eq(exportTasks.id, ref.exportId)));
  return row ?? null;
}

/**
 * Only the agent who asked sees an export (the file is masked, or not, for them alone), through
 * the routes of its entity (`entities`).
 */
async function ownExport(db: Db, actor: Actor, id: number, entities: readonly TransferEntity[]) {
  const row = await loadExport(db, { vendorId: actor.vendorId, exportId: id });
  if (!row || row.createdBy !== actor.agentId || !entities.includes(row.entity))
    throw new AppError('not_found');
  return row;
}

export async function getExport(
  db: Db,
  actor: Actor,
  id: number,
  entities: readonly TransferEntity[],
): Promise<ExportStatus> {
  return presentExport(await ownExport(db, actor, id, entities));
}

export async function exportFile(db: Db, actor: Actor, id: number, entities: readonly TransferEntity[]) {
  const row = await ownExport(db, actor, id, entities);
  if (row.status !== 'done' || !row.file) throw new AppError('transfer_not_ready');
  const stamp = row.createdAt.toISOString().slice(0, 10).replaceAll('-', '');
  return { data: row.file, name: `${FILE_NAMES[row.entity]}_${stamp}.xlsx` };
}

/** A custom value as cell text: options by label, lists joined, yes/no. */
export function customCell(def: FieldDefinition, v: unknown): CellInput {
  if (v === undefined || v === null) return null;
  const label = (x: unknown) => def.options.find((o) => o.value === x)?.label ?? String(x);
  if (Array.isArray(v))
    return v.map(def.type === 'multiselect' ? label : String).join(def.type === 'cascade' ? '/' : '、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (def.type === 'select') return label(v);
  if (typeof v === 'object') return 'name' in v ? String((v as { name: unknown }).name) : JSON.stringify(v);
  return v as CellInput;
}

const STATUS_TEXT = { active: '服务中', expiring: '即将到期', expired: '已过期', none: '无服务期' } as const;
const GENDER_TEXT = { male: '男', female: '女' } as const;

type Layout<T> = { columns: SheetColumn[]; cells: (item: T, extra: Map<number, string>) => CellInput[] };

/** Company columns: the vendor's labels for system fields, custom fields, then the default contact. */
function companyLayout(ctx: CustomerContext): Layout<Company> {
  const label = (key: string, fallback: string) =>
    ctx.companyFields.find((f) => f.system && f.key === key)?.label ?? fallback;
  const custom = ctx.companyFields.filter((f) => !f.system && f.enabled);
  const columns: [string, (c: Company, agentNames: Map<number, string>) => CellInput][] = [
    [label('name', '公司名称'), (c) => c.name],
    [label('phone', '电话'), (c) => c.phone],
    [label('address', '地址'), (c) => c.address],
    ['省', (c) => c.province],
    ['市', (c) => c.city],
    [label('website', '网址'), (c) => c.website],
    [label('package', '服务包'), (c) => c.package],
    [label('serviceStart', '服务开始日期'), (c) => c.serviceStart],
    [label('serviceEnd', '服务到期日期'), (c) => c.serviceEnd],
    ['服务状态', (c) => STATUS_TEXT[c.serviceStatus]],
    [label('serviceCode', '服务验证码'), (c) => c.serviceCode],
    [label('serviceAccount', '服务账号'), (c) => c.serviceAccount],
    [
      label('ownerAgentId', '受理客服'),
      (c, names) => (c.ownerAgentId ? (names.get(c.ownerAgentId) ?? null) : null),
    ],
    [label('tags', '标签'), (c) => c.tags.join('、')],
    [label('source', '来源'), (c) => c.source],
    [label('notes', '备注'), (c) => c.notes],
    ['外部编号', (c) => c.externalId],
    ...custom.map((d): [string, (c: Company) => CellInput] => [
      d.label,
      (c) => customCell(d, c.custom[d.key]),
    ]),
    ['默认联系人', (c) => c.primaryContact?.name ?? null],
    ['联系人手机', (c) => c.primaryContact?.mobile ?? null],
  ];
  return {
    columns: columns.map(([header]) => ({ header })),
    cells: (c, names) => columns.map(([, cell]) => cell(c, names)),
  };
}

function contactLayout(ctx: CustomerContext): Layout<Contact> {
  const label = (key: string, fallback: string) =>
    ctx.contactFields.find((f) => f.system && f.key === key)?.label ?? fallback;
  const custom = ctx.contactFields.filter((f) => !f.system && f.enabled);
  const columns: [string, (c: Contact, companyNames: Map<number, string>) => CellInput][] = [
    ['公司名称', (c, names) => (c.companyId ? (names.get(c.companyId) ?? null) : null)],
    [label('name', '姓名'), (c) => c.name],
    [label('mobile', '手机号'), (c) => c.mobile],
    [label('landline', '座机'), (c) => c.landline],
    [label('email', '邮箱'), (c) => c.email],
    [label('qq', 'QQ'), (c) => c.qq],
    [label('position', '职位'), (c) => c.position],
    [label('gender', '性别'), (c) => (c.gender ? GENDER_TEXT[c.gender] : null)],
    [label('birthday', '出生日期'), (c) => c.birthday],
    [label('idNumber', '身份证号'), (c) => c.idNumber],
    [label('tags', '标签'), (c) => c.tags.join('、')],
    [label('notes', '备注'), (c) => c.notes],
    ['外部编号', (c) => c.externalId],
    ...custom.map((d): [string, (c: Contact) => CellInput] => [
      d.label,
      (c) => customCell(d, c.custom[d.key]),
    ]),
  ];
  return {
    columns: columns.map(([header]) => ({ header })),
    cells: (c, names) => columns.map(([, cell]) => cell(c, names)),
  };
}

/** Pages of presented (privacy-masked) companies, exactly as GET /api/v1/companies returns them. */
async function* companyPages(db: Db, ctx: CustomerContext, options: ExportRow['options']) {
  const { conditions, ...query } = options.query as CompanyListQuery & { conditions?: ConditionSet };
  const where = and(
    options.ids ? inArray(companies.id, options.ids) : undefined,
    conditions ? await companyConditionSql(db, ctx, conditions, 'query.conditions') : undefined,
  );
  let cursor: string | undefined;
  do {
    const page = await listCompanies(db, ctx, { ...query, where, cursor, limit: PAGE });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function* contactPages(db: Db, ctx: CustomerContext, options: ExportRow['options']) {
  if (options.ids) {
    for (let i = 0; i < options.ids.length; i += PAGE) {
      const items: Contact[] = [];
      for (const id of options.ids.slice(i, i + PAGE)) {
        const c = await getContact(db, ctx, id).catch((err) => {
          if (err instanceof AppError && err.code === 'not_found') return null;
          throw err;
        });
        if (c) items.push(c);
      }
      yield items;
    }
    return;
  }
  let cursor: string | undefined;
  do {
    const page = await listContacts(db, ctx, { ...(options.query as object), cursor, limit: PAGE });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function namesOf(db: Db, vendorId: number, table: 'agents' | 'companies', ids: number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<number, string>();
  const t = table === 'agents' ? agents : companies;
  const rows = await db
    .select({ id: t.id, name: t.name })
    .from(t)
    .where(and(eq(t.vendorId, vendorId), inArray(t.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function setStatus(db: Db, ref: ExportRef, patch: Partial<typeof exportTasks.$inferInsert>) {
  const [row] = await db
    .update(exportTasks)
    .set(patch)
    .where(and(eq(exportTasks.vendorId, ref.vendorId), eq(exportTasks.id, ref.exportId)))
    .returning();
  return row ?? null;
}

export async function failExport(db: Db, ref: ExportRef, error: string) {
  return setStatus(db, ref, { status: 'failed', error, finishedAt: new Date() });
}

/**
 * The export job: runs as the agent who asked (their data scope and privacy masking, through
 * the same presenters as the API) and stores the finished xlsx with the export, so any node
 * can serve it. A retry starts over; exports only read.
 */
export async function runExport(deps: Deps, ref: ExportRef, onProgress?: (s: ExportStatus) => void) {
  const { db } = deps;
  const found = await loadExport(db, ref);
  if (!found || found.status === 'done' || found.status === 'failed') return;
  const row = await setStatus(db, ref, { status: 'running', processed: 0 });
  if (!row) return;
  onProgress?.(presentExport(row));
  const actor = await loadActor(db, ref.vendorId, row.createdBy);
  if (
    !actor?.agentEnabled ||
    actor.vendorStatus !== 'active' ||
    !actor.permissions.has(EXPORT_PERMISSION[row.entity])
  ) {
    const failed = await failExport(db, ref, '发起导出的客服已停用或不再有导出权限');
    if (failed) onProgress?.(presentExport(failed));
    return;
  }
  let processed = 0;
  const progress = async (n: number) => {
    processed += n;
    const r = await setStatus(db, ref, { processed });
    if (r) onProgress?.(presentExport(r));
  };
  const { file, masked } = await writeExportFile(db, actor, row, progress);
  const done = await setStatus(db, ref, {
    status: 'done',
    total: file.rows,
    processed: file.rows,
    file: file.data,
    masked,
    finishedAt: new Date(),
  });
  if (done) onProgress?.(presentExport(done));
}

export type Progress = (n: number) => Promise<void>;

async function writeExportFile(db: Db, actor: Actor, row: ExportRow, progress: Progress) {
  if (row.entity === 'tickets') {
    const scope = await ticketExportScope(db, actor, row.options);
    const file = await writeXlsx('工单', scope.columns, ticketCells(db, scope, progress));
    return { file, masked: scope.ctx.masked };
  }
  if (row.entity === 'customer_statistics') {
    assertCustomerStatsEnabled(actor);
    const ctx = await customerContext(db, actor);
    const layout = statisticsLayout(ctx);
    const cells = statisticsCells(db, ctx, row.options, layout, progress);
    return { file: await writeXlsx('客户统计', layout.columns, cells), masked: ctx.masked };
  }
  const ctx = await customerContext(db, actor);
  const file =
    row.entity === 'companies'
      ? await writeXlsx('公司', companyLayout(ctx).columns, companyCells(db, ctx, row.options, progress))
      : await writeXlsx('联系人', contactLayout(ctx).columns, contactCells(db, ctx, row.options, progress));
  return { file, masked: ctx.masked };
}

async function* companyCells(
  db: Db,
  ctx: CustomerContext,
  options: ExportRow['options'],
  progress: Progress,
) {
  const layout = companyLayout(ctx);
  for await (const page of companyPages(db, ctx, options)) {
    const owners = page.flatMap((c) => (c.ownerAgentId ? [c.ownerAgentId] : []));
    const names = await namesOf(db, ctx.actor.vendorId, 'agents', owners);
    for (const c of page) yield layout.cells(c, names);
    await progress(page.length);
    // Let other requests and progress pushes through between pages (PGlite answers via microtasks).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function* contactCells(
  db: Db,
  ctx: CustomerContext,
  options: ExportRow['options'],
  progress: Progress,
) {
  const layout = contactLayout(ctx);
  for await (const page of contactPages(db, ctx, options)) {
    const companyIds = page.flatMap((c) => (c.companyId ? [c.companyId] : []));
    const names = await namesOf(db, ctx.actor.vendorId, 'companies', companyIds);
    for (const c of page) yield layout.cells(c, names);
    await progress(page.length);
    // Let other requests and progress pushes through between pages (PGlite answers via microtasks).
    await new Promise((resolve) => setImmediate(resolve));
  }
}
