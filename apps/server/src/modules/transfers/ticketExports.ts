import {
  TICKET_EXPORT_MAX_ROWS,
  type Ticket,
  type TicketExportInput,
  type ticketExportQuery,
} from '@yidan/contracts';
import { and, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import type { CellInput, SheetColumn } from '../../platform/spreadsheets/write.js';
import { localTime } from '../calendar/clock.js';
import { type TicketContext, ticketContext } from '../tickets/context.js';
import {
  listTicketRows,
  parseSort,
  type TicketFilter,
  type TicketSort,
  ticketListWhere,
} from '../tickets/list.js';
import { presentTickets } from '../tickets/presenter.js';
import { tickets } from '../tickets/schema.js';
import { ticketViewFilter } from '../tickets/viewQueries.js';
import { customCell, type Progress } from './exports.js';
import type { ExportOptions } from './schema.js';
import { PRIORITY_WORDS, SOURCE_WORDS, STATUS_WORDS, TYPE_WORDS, wordOf } from './ticketLabels.js';

type TicketExportQuery = z.infer<typeof ticketExportQuery>;
const PAGE = 500;
const MAX_TEXT = TICKET_EXPORT_MAX_ROWS.toLocaleString('en-US');

/** What a ticket export reads: the caller's data scope, the list filters, a view, the selected ids. */
export interface TicketExportScope {
  ctx: TicketContext;
  filter: TicketFilter;
  sort: TicketSort;
  columns: SheetColumn[];
  cells: (t: Ticket) => CellInput[];
}

/** A view's conditions and sort (查询器); an unknown or invisible view is a field error of the request. */
async function viewFilterOf(
  db: Db,
  ctx: TicketContext,
  viewId: string | undefined,
  group: string | undefined,
) {
  if (viewId === undefined) return null;
  try {
    return await ticketViewFilter(db, ctx, viewId, { group });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found')
      throw new AppError('validation_failed', {}, [{ path: 'body.query.viewId', message: 'unknown_view' }]);
    throw err;
  }
}

async function filterOf(db: Db, ctx: TicketContext, options: ExportOptions) {
  const { viewId, viewGroup, sort, ...query } = options.query as TicketExportQuery;
  const byView = await viewFilterOf(db, ctx, viewId, viewGroup);
  let parsed: TicketSort;
  try {
    parsed = parseSort(sort, byView?.sort ?? { field: 'createdAt', direction: 'desc' });
  } catch {
    throw new AppError('validation_failed', {}, [{ path: 'body.query.sort', message: 'unknown_field' }]);
  }
  const where = and(options.ids ? inArray(tickets.id, options.ids) : undefined, byView?.where);
  return { filter: { ...query, where } as TicketFilter, sort: parsed };
}

/** Refuses an export over 50,000 tickets before it starts; returns how many it will write. */
export async function checkTicketExport(db: Db, actor: Actor, input: TicketExportInput): Promise<number> {
  const ctx = await ticketContext(db, actor);
  const { filter } = await filterOf(db, ctx, { query: input.query ?? {}, ids: input.ids ?? null });
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(ticketListWhere(ctx, filter));
  const total = row?.n ?? 0;
  if (total > TICKET_EXPORT_MAX_ROWS) throw new AppError('export_too_many_rows', { max: MAX_TEXT });
  return total;
}

/** The columns: the vendor's labels for system fields, times in the vendor's zone, then custom fields. */
function ticketLayout(ctx: TicketContext): Pick<TicketExportScope, 'columns' | 'cells'> {
  const label = (key: string, fallback: string) =>
    ctx.fields.find((f) => f.system && f.key === key)?.label ?? fallback;
  const zone = ctx.actor.vendor.timeZone;
  const time = (iso: string | null) => {
    if (!iso) return null;
    const t = localTime(new Date(iso), zone);
    return `${t.date} ${t.time}`;
  };
  const custom = ctx.fields.filter((f) => !f.system && f.enabled);
  const columns: [string, (t: Ticket) => CellInput][] = [
    ['编号', (t) => t.number],
    [label('subject', '标题'), (t) => t.subject],
    [label('status', '状态'), (t) => wordOf(STATUS_WORDS, t.status)],
    [label('priority', '优先级'), (t) => wordOf(PRIORITY_WORDS, t.priority)],
    [label('type', '类型'), (t) => wordOf(TYPE_WORDS, t.type)],
    ['来源', (t) => SOURCE_WORDS[t.source]],
    [label('contactId', '联系人'), (t) => t.contact?.name ?? null],
    ['联系人手机', (t) => t.contact?.mobile ?? null],
    [label('companyId', '公司'), (t) => t.company?.name ?? null],
    [label('assigneeId', '客服'), (t) => t.assignee?.name ?? null],
    [label('groupId', '客服组'), (t) => t.group?.name ?? null],
    [label('tags', '标签'), (t) => t.tags.join('、')],
    ['创建时间', (t) => time(t.createdAt)],
    ['更新时间', (t) => time(t.updatedAt)],
    ['解决时间', (t) => time(t.solvedAt)],
    ...custom.map((d): [string, (t: Ticket) => CellInput] => [
      d.label,
      (t) => customCell(d, t.custom[d.key]),
    ]),
  ];
  return {
    columns: columns.map(([header]) => ({ header, ...(header === '创建时间' ? { width: 18 } : {}) })),
    cells: (t) => columns.map(([, cell]) => cell(t)),
  };
}

export async function ticketExportScope(
  db: Db,
  actor: Actor,
  options: ExportOptions,
): Promise<TicketExportScope> {
  const ctx = await ticketContext(db, actor);
  const { filter, sort } = await filterOf(db, ctx, options);
  return { ctx, filter, sort, ...ticketLayout(ctx) };
}

/** Rows of presented (privacy-masked) tickets, exactly as GET /api/v1/tickets returns them; at most 50,000. */
export async function* ticketCells(db: Db, scope: TicketExportScope, progress: Progress) {
  let cursor: string | undefined;
  let written = 0;
  do {
    const limit = Math.min(PAGE, TICKET_EXPORT_MAX_ROWS - written);
    const page = await listTicketRows(db, scope.ctx, { ...scope.filter, sort: scope.sort, cursor, limit });
    for (const t of await presentTickets(db, scope.ctx, page.rows)) yield scope.cells(t);
    written += page.rows.length;
    await progress(page.rows.length);
    cursor = page.nextCursor ?? undefined;
    // Let other requests and progress pushes through between pages (PGlite answers via microtasks).
    await new Promise((resolve) => setImmediate(resolve));
  } while (cursor && written < TICKET_EXPORT_MAX_ROWS);
}
