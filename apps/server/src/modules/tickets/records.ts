import type { RecordChannel, ServiceRecord } from '@yidan/contracts';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { contacts } from '../customers/schema.js';
import type { TicketContext } from './context.js';
import { serviceRecords } from './schema.js';
import { authorOf, lockTicket, outermostChange, type TicketDeps } from './service.js';
import { appendTicketEvent } from './timeline.js';

type RecordRow = typeof serviceRecords.$inferSelect;

export const presentRecord = (r: RecordRow): ServiceRecord => ({
  id: r.id,
  ticketId: r.ticketId,
  channel: r.channel,
  contactId: r.contactId,
  companyId: r.companyId,
  agentId: r.agentId,
  startedAt: r.startedAt.toISOString(),
  endedAt: r.endedAt?.toISOString() ?? null,
  summary: r.summary,
  details: r.details,
  createdAt: r.createdAt.toISOString(),
});

export interface RecordInput {
  channel: RecordChannel;
  contactId?: number;
  startedAt?: string;
  endedAt?: string;
  summary: string;
  details?: Record<string, unknown>;
}

/**
 * Attaches a service record (call, chat, remote session, visit, e-mail, manual) to a ticket: the
 * record takes the ticket's customer unless it names its own contact, and appears in the timeline.
 */
export async function attachRecord(
  deps: TicketDeps,
  ctx: TicketContext,
  ticketId: number,
  input: RecordInput,
) {
  const vendorId = ctx.actor.vendorId;
  if (input.startedAt && input.endedAt && input.endedAt < input.startedAt)
    throw new AppError('validation_failed', {}, [{ path: 'body.endedAt', message: 'end_before_start' }]);
  const row = await deps.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ctx, ticketId);
    let contactId = ticket.contactId;
    let companyId = ticket.companyId;
    if (input.contactId !== undefined) {
      const [c] = await tx
        .select({ id: contacts.id, companyId: contacts.companyId })
        .from(contacts)
        .where(and(eq(contacts.vendorId, vendorId), eq(contacts.id, input.contactId)));
      if (!c)
        throw new AppError('validation_failed', {}, [{ path: 'body.contactId', message: 'unknown_contact' }]);
      contactId = c.id;
      companyId = c.companyId ?? companyId;
    }
    const [record] = await tx
      .insert(serviceRecords)
      .values({
        vendorId,
        ticketId,
        channel: input.channel,
        contactId,
        companyId,
        agentId: ctx.actor.agentId,
        ...(input.startedAt ? { startedAt: new Date(input.startedAt) } : {}),
        endedAt: input.endedAt ? new Date(input.endedAt) : null,
        summary: input.summary,
        details: input.details ?? {},
      })
      .returning();
    if (!record) throw new Error('record insert returned nothing');
    // A record is a change of the ticket: triggers see it (event.type 关联服务记录时).
    await outermostChange(
      tx,
      ctx,
      () => ({ author: authorOf(ctx), kind: 'record' }),
      async () => {
        await appendTicketEvent(tx, vendorId, authorOf(ctx), {
          ticketId,
          kind: 'record',
          recordId: record.id,
          body: input.summary || null,
          public: false,
        });
        return { row: ticket, changes: [] };
      },
    );
    return record;
  });
  deps.events.emit('ticket.changed', {
    vendorId,
    ticketId,
    kind: 'record',
    changes: [],
    author: authorOf(ctx),
  });
  return row;
}

/** Service records of a ticket or a customer, newest first. */
export async function listRecords(
  db: Db,
  vendorId: number,
  f: { ticketId?: number; companyId?: number; contactId?: number; cursor?: string; limit?: number },
) {
  const limit = f.limit ?? 50;
  const where: SQL[] = [eq(serviceRecords.vendorId, vendorId)];
  if (f.ticketId) where.push(eq(serviceRecords.ticketId, f.ticketId));
  if (f.companyId) where.push(eq(serviceRecords.companyId, f.companyId));
  if (f.contactId) where.push(eq(serviceRecords.contactId, f.contactId));
  const after = f.cursor ? Number(f.cursor) : null;
  if (after !== null && Number.isSafeInteger(after)) where.push(lt(serviceRecords.id, after));
  const rows = await db
    .select()
    .from(serviceRecords)
    .where(and(...where))
    .orderBy(desc(serviceRecords.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(presentRecord), nextCursor: rows.length > limit ? String(page.at(-1)?.id) : null };
}
