import type { TicketStatus } from '@yidan/contracts';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { type TicketContext, ticketScope } from './context.js';
import { type TicketRow, tickets } from './schema.js';
import { searchQuery } from './text.js';

/** Sortable columns; priority sorts by urgency, not alphabetically. */
const SORTS: Record<string, SQL> = {
  updatedAt: sql`${tickets.updatedAt}`,
  createdAt: sql`${tickets.createdAt}`,
  solvedAt: sql`coalesce(${tickets.solvedAt}, '-infinity'::timestamptz)`,
  number: sql`${tickets.number}`,
  dueAt: sql`coalesce(${tickets.dueAt}, 'infinity'::timestamptz)`,
  /** The nearest SLA deadline not yet met (modules/sla); tickets without one last. */
  slaDueAt: sql`coalesce(${tickets.slaDueAt}, 'infinity'::timestamptz)`,
  priority: sql`(case ${tickets.priority} when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end)`,
  status: sql`(case ${tickets.status} when 'new' then 1 when 'open' then 2 when 'pending' then 3 when 'solved' then 4 else 5 end)`,
};
export const TICKET_SORT_FIELDS = Object.keys(SORTS);

export interface TicketSort {
  field: string;
  direction: 'asc' | 'desc';
}

/** `-updatedAt` / `number` style sort strings. */
export function parseSort(s: string | undefined, fallback: TicketSort): TicketSort {
  if (!s) return fallback;
  const direction = s.startsWith('-') ? 'desc' : 'asc';
  const field = s.replace(/^[-+]/, '');
  if (!SORTS[field])
    throw new AppError('validation_failed', {}, [{ path: 'querystring.sort', message: 'unknown_field' }]);
  return { field, direction };
}

const encodeCursor = (v: unknown, id: number) => Buffer.from(JSON.stringify([v, id])).toString('base64url');
function decodeCursor(c: string): [unknown, number] {
  try {
    const parsed = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && Number.isSafeInteger(parsed[1]))
      return [parsed[0], parsed[1]];
  } catch {}
  throw new AppError('validation_failed', {}, [{ path: 'querystring.cursor', message: 'invalid_cursor' }]);
}

export interface TicketFilter {
  q?: string;
  status?: TicketStatus;
  contactId?: number;
  companyId?: number;
  assigneeId?: number;
  unresolved?: boolean;
  /** Extra conditions (a view's compiled condition set). */
  where?: SQL;
}

/** The WHERE of a ticket list: vendor, data scope, filters; merged-away tickets are hidden. */
export function ticketListWhere(ctx: TicketContext, f: TicketFilter): SQL {
  const where: (SQL | undefined)[] = [eq(tickets.vendorId, ctx.actor.vendorId), ticketScope(ctx), f.where];
  if (f.status) where.push(eq(tickets.status, f.status));
  if (f.contactId) where.push(eq(tickets.contactId, f.contactId));
  if (f.companyId) where.push(eq(tickets.companyId, f.companyId));
  if (f.assigneeId) where.push(eq(tickets.assigneeId, f.assigneeId));
  if (f.unresolved) where.push(inArray(tickets.status, ['new', 'open', 'pending']));
  const q = f.q?.replace(/^#/, '').trim();
  if (q) {
    const matches: SQL[] = [];
    if (/^\d{1,15}$/.test(q)) matches.push(eq(tickets.number, Number(q)));
    const tsq = searchQuery(q);
    if (tsq) matches.push(sql`${tickets.search} @@ ${tsq}`);
    where.push(matches.length ? or(...matches) : sql`false`);
  }
  return and(...where) as SQL;
}

/** One page of tickets, keyset-paginated on (sort value, id). */
export async function listTicketRows(
  db: Db,
  ctx: TicketContext,
  f: TicketFilter & { sort: TicketSort; cursor?: string; limit?: number },
): Promise<{ rows: TicketRow[]; nextCursor: string | null }> {
  const limit = f.limit ?? 50;
  const key = SORTS[f.sort.field] ?? SORTS.updatedAt;
  const desc = f.sort.direction === 'desc';
  const where: SQL[] = [ticketListWhere(ctx, f)];
  if (f.cursor) {
    const [v, id] = decodeCursor(f.cursor);
    where.push(
      desc ? sql`(${key}, ${tickets.id}) < (${v}, ${id})` : sql`(${key}, ${tickets.id}) > (${v}, ${id})`,
    );
  }
  const dir = desc ? sql`desc` : sql`asc`;
  const rows = await db
    .select({ t: tickets, k: sql<unknown>`${key}`.as('sort_key') })
    .from(tickets)
    .where(and(...where))
    .orderBy(sql`${key} ${dir}`, sql`${tickets.id} ${dir}`)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const keyValue = (k: unknown) => (k instanceof Date ? k.toISOString() : k);
  return {
    rows: page.map((r) => r.t),
    nextCursor: rows.length > limit && last ? encodeCursor(keyValue(last.k), last.t.id) : null,
  };
}
