import type { ActorType, TicketChange, TicketEvent, TicketEventKind } from '@yidan/contracts';
import { and, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { contacts } from '../customers/schema.js';
import { agents } from '../org/schema.js';
import { type Attachment, type TicketEventRow, ticketEvents } from './schema.js';

/** Who made a change: an agent, a customer (contact) or the system (with the rule that did it). */
export interface ChangeAuthor {
  type: ActorType;
  agentId?: number | null;
  contactId?: number | null;
  /** e.g. '触发器「VIP工单升级」'. */
  via?: string | null;
}

export interface NewTicketEvent {
  ticketId: number;
  kind: TicketEventKind;
  public?: boolean;
  body?: string | null;
  changes?: TicketChange[];
  attachments?: Attachment[];
  recordId?: number | null;
  relatedTicketId?: number | null;
}

/** Appends a timeline row; callers pass the transaction of the change it records. */
export async function appendTicketEvent(tx: Db, vendorId: number, author: ChangeAuthor, e: NewTicketEvent) {
  const [row] = await tx
    .insert(ticketEvents)
    .values({
      vendorId,
      ticketId: e.ticketId,
      kind: e.kind,
      actorType: author.type,
      actorAgentId: author.agentId ?? null,
      actorContactId: author.contactId ?? null,
      via: author.via ?? null,
      public: e.public ?? false,
      body: e.body ?? null,
      changes: e.changes ?? [],
      attachments: e.attachments ?? [],
      recordId: e.recordId ?? null,
      relatedTicketId: e.relatedTicketId ?? null,
    })
    .returning();
  if (!row) throw new Error('ticket event insert returned nothing');
  return row;
}

/**
 * Appends timeline rows of several tickets (of any vendors) in one statement: system notes written
 * in bulk, such as SLA breaches fired by the scheduler. The rows travel as one JSON parameter (a
 * few thousand rows would otherwise be tens of thousands of bind parameters). Callers pass the
 * transaction of the change.
 */
export async function appendTicketEventsBulk(
  tx: Db,
  items: { vendorId: number; author: ChangeAuthor; event: NewTicketEvent }[],
) {
  if (items.length === 0) return;
  const rows = items.map(({ vendorId, author, event: e }) => ({
    vendor_id: vendorId,
    ticket_id: e.ticketId,
    kind: e.kind,
    actor_type: author.type,
    actor_agent_id: author.agentId ?? null,
    actor_contact_id: author.contactId ?? null,
    via: author.via ?? null,
    public: e.public ?? false,
    body: e.body ?? null,
    changes: e.changes ?? [],
    attachments: e.attachments ?? [],
    record_id: e.recordId ?? null,
    related_ticket_id: e.relatedTicketId ?? null,
  }));
  await tx.execute(sql`
    insert into ${ticketEvents} (vendor_id, ticket_id, kind, actor_type, actor_agent_id, actor_contact_id,
      via, public, body, changes, attachments, record_id, related_ticket_id)
    select vendor_id, ticket_id, kind, actor_type, actor_agent_id, actor_contact_id, via, public, body,
      changes, attachments, record_id, related_ticket_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(vendor_id bigint, ticket_id bigint,
      kind text, actor_type text, actor_agent_id bigint, actor_contact_id bigint, via text, public boolean,
      body text, changes jsonb, attachments jsonb, record_id bigint, related_ticket_id bigint)`);
}

export async function presentTicketEvents(
  db: Db,
  vendorId: number,
  rows: TicketEventRow[],
): Promise<TicketEvent[]> {
  const agentIds = [...new Set(rows.map((r) => r.actorAgentId).filter((x): x is number => x !== null))];
  const contactIds = [...new Set(rows.map((r) => r.actorContactId).filter((x): x is number => x !== null))];
  const [agentRows, contactRows] = await Promise.all([
    agentIds.length
      ? db
          .select({ id: agents.id, name: agents.name })
          .from(agents)
          .where(and(eq(agents.vendorId, vendorId), inArray(agents.id, agentIds)))
      : [],
    contactIds.length
      ? db
          .select({ id: contacts.id, name: contacts.name })
          .from(contacts)
          .where(and(eq(contacts.vendorId, vendorId), inArray(contacts.id, contactIds)))
      : [],
  ]);
  const agentName = new Map(agentRows.map((a) => [a.id, a.name]));
  const contactName = new Map(contactRows.map((c) => [c.id, c.name]));
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticketId,
    kind: r.kind,
    actorType: r.actorType,
    actorId: r.actorAgentId ?? r.actorContactId,
    actorName:
      r.actorAgentId !== null
        ? (agentName.get(r.actorAgentId) ?? null)
        : r.actorContactId !== null
          ? (contactName.get(r.actorContactId) ?? null)
          : null,
    via: r.via,
    public: r.public,
    body: r.body,
    changes: r.changes,
    attachments: r.attachments,
    recordId: r.recordId,
    relatedTicketId: r.relatedTicketId,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** A ticket's timeline, newest first, with filters; the caller has checked the ticket is visible. */
export async function listTicketTimeline(
  db: Db,
  vendorId: number,
  ticketId: number,
  q: { kind?: TicketEventKind; visibility?: 'public' | 'internal'; cursor?: string; limit?: number },
) {
  const limit = q.limit ?? 50;
  const where: SQL[] = [eq(ticketEvents.vendorId, vendorId), eq(ticketEvents.ticketId, ticketId)];
  if (q.kind) where.push(eq(ticketEvents.kind, q.kind));
  if (q.visibility === 'public') where.push(eq(ticketEvents.public, true));
  if (q.visibility === 'internal')
    where.push(and(eq(ticketEvents.public, false), eq(ticketEvents.kind, 'comment')) as SQL);
  const after = q.cursor ? Number(q.cursor) : null;
  if (after !== null && Number.isSafeInteger(after)) where.push(lt(ticketEvents.id, after));
  const rows = await db
    .select()
    .from(ticketEvents)
    .where(and(...where))
    .orderBy(desc(ticketEvents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: await presentTicketEvents(db, vendorId, page),
    nextCursor: rows.length > limit ? String(page.at(-1)?.id) : null,
  };
}
