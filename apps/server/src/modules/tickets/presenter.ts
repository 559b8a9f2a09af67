import type { Ticket } from '@yidan/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { maskPhone } from '../../platform/fields/phone.js';
import { localTime } from '../calendar/clock.js';
import { companies, contacts } from '../customers/schema.js';
import { serviceStatus } from '../customers/serviceStatus.js';
import { getCustomerSettingsCached } from '../customers/settings.js';
import { agents, groups } from '../org/schema.js';
import { presentTicketSla } from '../sla/present.js';
import type { TicketContext } from './context.js';
import { type TicketRow, tickets } from './schema.js';

const idsOf = (values: (number | null)[]) => [...new Set(values.filter((x): x is number => x !== null))];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Tickets as the API returns them, with names of the people and companies they point at (one query per kind). */
export async function presentTickets(
  db: Db,
  ctx: Pick<TicketContext, 'actor' | 'masked'>,
  rows: TicketRow[],
  /** `created`: the rows were just created, so they have no child tickets to look up. */
  opts: { created?: boolean } = {},
): Promise<Ticket[]> {
  if (rows.length === 0) return [];
  const vendorId = ctx.actor.vendorId;
  const contactIds = idsOf(rows.map((r) => r.contactId));
  const companyIds = idsOf(rows.map((r) => r.companyId));
  const agentIds = idsOf(rows.map((r) => r.assigneeId));
  const groupIds = idsOf(rows.map((r) => r.groupId));
  const ticketIds = rows.map((r) => r.id);
  const [contactRows, companyRows, agentRows, groupRows, childRows, settings] = await Promise.all([
    contactIds.length
      ? db
          .select({ id: contacts.id, name: contacts.name, mobile: contacts.mobile })
          .from(contacts)
          .where(and(eq(contacts.vendorId, vendorId), inArray(contacts.id, contactIds)))
      : [],
    companyIds.length
      ? db
          .select({
            id: companies.id,
            name: companies.name,
            serviceEnd: companies.serviceEnd,
            package: companies.package,
          })
          .from(companies)
          .where(and(eq(companies.vendorId, vendorId), inArray(companies.id, companyIds)))
      : [],
    agentIds.length
      ? db
          .select({ id: agents.id, name: agents.name })
          .from(agents)
          .where(and(eq(agents.vendorId, vendorId), inArray(agents.id, agentIds)))
      : [],
    groupIds.length
      ? db
          .select({ id: groups.id, name: groups.name })
          .from(groups)
          .where(and(eq(groups.vendorId, vendorId), inArray(groups.id, groupIds)))
      : [],
    opts.created
      ? []
      : db
          .select({ id: tickets.id, parentId: tickets.parentId })
          .from(tickets)
          .where(and(eq(tickets.vendorId, vendorId), inArray(tickets.parentId, ticketIds))),
    companyIds.length ? getCustomerSettingsCached(db, vendorId) : null,
  ]);
  const today = localTime(new Date(), ctx.actor.vendor.timeZone).date;
  const companyView = (c: (typeof companyRows)[number]) => ({
    ...c,
    serviceStatus: serviceStatus(c.serviceEnd, today, settings?.expiryReminderDays ?? 30),
  });
  const contactById = new Map(
    contactRows.map((c) => [
      c.id,
      { id: c.id, name: c.name, mobile: ctx.masked ? maskPhone(c.mobile) : c.mobile },
    ]),
  );
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const companyById = byId(companyRows.map(companyView));
  const agentById = byId(agentRows);
  const groupById = byId(groupRows);
  const children = new Map<number, number[]>();
  for (const c of childRows) {
    if (c.parentId === null) continue;
    children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  }
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    version: r.version,
    subject: r.subject,
    description: r.description,
    status: r.status,
    priority: r.priority,
    type: r.type,
    source: r.source,
    templateId: r.templateId,
    contactId: r.contactId,
    companyId: r.companyId,
    assigneeId: r.assigneeId,
    groupId: r.groupId,
    ccAgentIds: r.ccAgentIds,
    ccGroupIds: r.ccGroupIds,
    tags: r.tags,
    custom: r.custom,
    parentId: r.parentId,
    mergedIntoId: r.mergedIntoId,
    creatorAgentId: r.creatorAgentId,
    creatorContactId: r.creatorContactId,
    dueAt: iso(r.dueAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    firstReplyAt: iso(r.firstReplyAt),
    solvedAt: iso(r.solvedAt),
    closedAt: iso(r.closedAt),
    satisfaction: r.satisfaction ?? null,
    contact: (r.contactId !== null && contactById.get(r.contactId)) || null,
    company: (r.companyId !== null && companyById.get(r.companyId)) || null,
    assignee: (r.assigneeId !== null && agentById.get(r.assigneeId)) || null,
    group: (r.groupId !== null && groupById.get(r.groupId)) || null,
    // In id order (creation order): the query has no order, and PostgreSQL may return any.
    childIds: (children.get(r.id) ?? []).sort((a, b) => a - b),
    sla: presentTicketSla(r.sla),
  }));
}
