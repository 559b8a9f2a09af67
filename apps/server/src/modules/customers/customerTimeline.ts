import type { CustomerTimelineItem, TicketStatus } from '@yidan/contracts';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/schema.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { agents } from '../org/schema.js';
import { ticketScope } from '../tickets/context.js';
import { presentRecord } from '../tickets/records.js';
import { serviceRecords, tickets } from '../tickets/schema.js';
import { getCompany } from './companies.js';
import { getContact } from './contacts.js';
import type { CustomerContext } from './context.js';

/**
 * 客户时间线 (customer 360): a company's or contact's tickets (created, solved), service records
 * and audited changes (merges, edits), merged newest first. Tickets follow the caller's ticket
 * data scope and need ticket.view; service records need record.view.
 */

type Subject = { kind: 'company'; id: number } | { kind: 'contact'; id: number };
type Kind = CustomerTimelineItem['kind'];

const encodeCursor = (at: string, kind: string, id: number) =>
  Buffer.from(JSON.stringify([at, kind, id])).toString('base64url');
function decodeCursor(c: string): [string, string, number] {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 3 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      Number.isSafeInteger(v[2])
    )
      return [v[0], v[1], v[2] as number];
  } catch {}
  throw new AppError('validation_failed', {}, [{ path: 'querystring.cursor', message: 'invalid_cursor' }]);
}

/** The union of the subject's event sources: (kind, row id, time). */
function sources(ctx: CustomerContext, s: Subject): SQL[] {
  const vendorId = ctx.actor.vendorId;
  const parts: SQL[] = [];
  if (ctx.actor.permissions.has('ticket.view')) {
    const owner = s.kind === 'company' ? eq(tickets.companyId, s.id) : eq(tickets.contactId, s.id);
    const mine = and(eq(tickets.vendorId, vendorId), owner, ticketScope(ctx));
    parts.push(
      sql`select 'ticket_created' as kind, ${tickets.id} as id, ${tickets.createdAt} as at from ${tickets} where ${mine}`,
      sql`select 'ticket_solved' as kind, ${tickets.id} as id, ${tickets.solvedAt} as at from ${tickets} where ${mine} and ${tickets.solvedAt} is not null`,
    );
  }
  if (ctx.actor.permissions.has('record.view')) {
    const owner =
      s.kind === 'company' ? eq(serviceRecords.companyId, s.id) : eq(serviceRecords.contactId, s.id);
    parts.push(
      sql`select 'service' as kind, ${serviceRecords.id} as id, ${serviceRecords.startedAt} as at from ${serviceRecords} where ${and(eq(serviceRecords.vendorId, vendorId), owner)}`,
    );
  }
  parts.push(
    sql`select 'audit' as kind, ${auditLog.id} as id, ${auditLog.createdAt} as at from ${auditLog} where ${and(
      eq(auditLog.vendorId, vendorId),
      eq(auditLog.entity, s.kind),
      eq(auditLog.entityId, s.id),
    )}`,
  );
  return parts;
}

async function agentNames(db: Db, vendorId: number, ids: number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<number, string>();
  const rows = await db
    .select({ id: agents.id, name: agents.name })
    .from(agents)
    .where(and(eq(agents.vendorId, vendorId), inArray(agents.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function customerTimeline(
  db: Db,
  ctx: CustomerContext,
  subject: Subject,
  page: { cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: CustomerTimelineItem[]; nextCursor: string | null }> {
  // Outside the caller's data scope the customer does not exist for them.
  if (subject.kind === 'company') await getCompany(db, ctx, subject.id);
  else await getContact(db, ctx, subject.id);
  const vendorId = ctx.actor.vendorId;
  const limit = page.limit ?? 30;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const union = sql.join(sources(ctx, subject), sql` union all `);
  const result = await db.execute<{
    kind: Kind;
    id: number | string;
    at: string | Date;
    at_text: string;
  }>(sql`
    select e.kind, e.id, e.at, e.at::text as at_text from (${union}) e
    ${after ? sql`where (e.at, e.kind, e.id) < (${after[0]}::timestamptz, ${after[1]}, ${after[2]})` : sql``}
    order by e.at desc, e.kind desc, e.id desc
    limit ${limit + 1}`);
  type EventRow = { kind: Kind; id: number | string; at: string | Date; at_text: string };
  const rows = (result.rows as EventRow[]).slice(0, limit).map((r) => ({ ...r, id: Number(r.id) }));
  const idsOf = (kinds: Kind[]) => rows.filter((r) => kinds.includes(r.kind)).map((r) => r.id);

  const ticketIds = idsOf(['ticket_created', 'ticket_solved']);
  const recordIds = idsOf(['service']);
  const auditIds = idsOf(['audit']);
  const [ticketRows, recordRows, auditRows] = await Promise.all([
    ticketIds.length
      ? db
          .select({
            id: tickets.id,
            number: tickets.number,
            subject: tickets.subject,
            status: tickets.status,
            creatorAgentId: tickets.creatorAgentId,
            assigneeId: tickets.assigneeId,
          })
          .from(tickets)
          .where(and(eq(tickets.vendorId, vendorId), inArray(tickets.id, ticketIds)))
      : [],
    recordIds.length
      ? db
          .select()
          .from(serviceRecords)
          .where(and(eq(serviceRecords.vendorId, vendorId), inArray(serviceRecords.id, recordIds)))
      : [],
    auditIds.length
      ? db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.vendorId, vendorId), inArray(auditLog.id, auditIds)))
      : [],
  ]);
  const ticketById = new Map(ticketRows.map((t) => [t.id, t]));
  const recordById = new Map(recordRows.map((r) => [r.id, r]));
  const auditById = new Map(auditRows.map((a) => [a.id, a]));
  const agentOf = (r: (typeof rows)[number]): number | null => {
    if (r.kind === 'ticket_created') return ticketById.get(r.id)?.creatorAgentId ?? null;
    if (r.kind === 'ticket_solved') return ticketById.get(r.id)?.assigneeId ?? null;
    if (r.kind === 'service') return recordById.get(r.id)?.agentId ?? null;
    return auditById.get(r.id)?.agentId ?? null;
  };
  const names = await agentNames(
    db,
    vendorId,
    rows.map(agentOf).filter((x): x is number => x !== null),
  );

  const items = rows.map((r): CustomerTimelineItem => {
    const t = ticketById.get(r.id);
    const rec = recordById.get(r.id);
    const audit = auditById.get(r.id);
    const agentId = agentOf(r);
    return {
      id: `${r.kind}:${r.id}`,
      kind: r.kind,
      at: new Date(r.at).toISOString(),
      agentId,
      agentName: agentId === null ? null : (names.get(agentId) ?? null),
      ticket:
        (r.kind === 'ticket_created' || r.kind === 'ticket_solved') && t
          ? { id: t.id, number: t.number, subject: t.subject, status: t.status as TicketStatus }
          : null,
      record: r.kind === 'service' && rec ? presentRecord(rec) : null,
      audit: r.kind === 'audit' && audit ? { action: audit.action, data: audit.data } : null,
    };
  });
  const last = result.rows.length > limit ? rows.at(-1) : undefined;
  return { items, nextCursor: last ? encodeCursor(last.at_text, last.kind, last.id) : null };
}
