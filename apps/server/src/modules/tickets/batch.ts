import type {
  TicketChange,
  TicketCreateInput,
  ticketBatchCreateBody,
  ticketBatchUpdateBody,
} from '@yidan/contracts';
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { companyScope, customerContext } from '../customers/context.js';
import { companies, contacts } from '../customers/schema.js';
import { agents, groupMembers, groups } from '../org/schema.js';
import type { TicketContext } from './context.js';
import type { TicketRow } from './schema.js';
import {
  authorOf,
  changeTicket,
  insertTicket,
  lockTicket,
  type TicketDeps,
  writeComment,
} from './service.js';

export type BatchCreateInput = z.infer<typeof ticketBatchCreateBody>;
export type BatchUpdateInput = z.infer<typeof ticketBatchUpdateBody>;
type Distribution = BatchCreateInput['distribution'];

/** 批量创建 takes at most this many customers (manual 5.2.5's import limit). */
export const MAX_BATCH_CUSTOMERS = 5000;
/** Tickets per transaction: a failure loses at most one chunk, and other requests get the database between chunks. */
const CHUNK = 200;

const invalid = (path: string, message: string): never => {
  throw new AppError('validation_failed', {}, [{ path, message }]);
};

interface Customer {
  contactId: number | null;
  companyId: number | null;
}

/**
 * The selected customers in order (companies with their default contact, then contacts), all
 * within the caller's customer data scope; any outside it (or unknown) refuses the whole batch.
 */
async function resolveCustomers(db: Db, ctx: TicketContext, companyIds: number[], contactIds: number[]) {
  const vendorId = ctx.actor.vendorId;
  const scope = companyScope(await customerContext(db, ctx.actor));
  const errors: FieldError[] = [];
  const customers: Customer[] = [];
  if (companyIds.length) {
    const visible = await db
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.vendorId, vendorId), inArray(companies.id, companyIds), scope));
    const known = new Set(visible.map((c) => c.id));
    const primary = known.size
      ? await db
          .selectDistinctOn([contacts.companyId], { companyId: contacts.companyId, id: contacts.id })
          .from(contacts)
          .where(and(eq(contacts.vendorId, vendorId), inArray(contacts.companyId, [...known])))
          .orderBy(contacts.companyId, desc(contacts.isPrimary), asc(contacts.id))
      : [];
    const contactOf = new Map(primary.map((p) => [p.companyId, p.id]));
    companyIds.forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `body.companyIds.${i}`, message: 'not_in_scope' });
      else customers.push({ companyId: id, contactId: contactOf.get(id) ?? null });
    });
  }
  if (contactIds.length) {
    const inScope: SQL | undefined = scope
      ? or(
          isNull(contacts.companyId),
          sql`${contacts.companyId} in (select ${companies.id} from ${companies} where ${companies.vendorId} = ${vendorId} and ${scope})`,
        )
      : undefined;
    const visible = await db
      .select({ id: contacts.id, companyId: contacts.companyId })
      .from(contacts)
      .where(and(eq(contacts.vendorId, vendorId), inArray(contacts.id, contactIds), inScope));
    const byId = new Map(visible.map((c) => [c.id, c]));
    contactIds.forEach((id, i) => {
      const c = byId.get(id);
      if (!c) errors.push({ path: `body.contactIds.${i}`, message: 'not_in_scope' });
      else customers.push({ contactId: c.id, companyId: c.companyId });
    });
  }
  if (errors.length) throw new AppError('validation_failed', {}, errors.slice(0, 50));
  return customers;
}

/** Agents who may take tickets now: enabled, 可接单 and holding the ticket grant (manual 5.2.4). */
const takesTickets = (vendorId: number) =>
  and(
    eq(agents.vendorId, vendorId),
    eq(agents.enabled, true),
    eq(agents.available, true),
    sql`'ticket' = any(${agents.grants})`,
  );

/** Who gets each of `n` tickets (null: nobody), by the distribution chosen (manual 5.2.2 分配规则). */
async function assigneesFor(
  db: Db,
  vendorId: number,
  d: Distribution,
  n: number,
): Promise<(number | null)[] | null> {
  if (d.mode === 'none') return null;
  if (d.mode === 'counts') {
    const sum = d.counts.reduce((s, c) => s + c.count, 0);
    if (sum !== n) invalid('body.distribution.counts', 'batch_counts_mismatch');
    const ids = [...new Set(d.counts.map((c) => c.agentId))];
    const ok = new Set(
      (
        await db
          .select({ id: agents.id })
          .from(agents)
          .where(and(takesTickets(vendorId), inArray(agents.id, ids)))
      ).map((a) => a.id),
    );
    const bad = d.counts.findIndex((c) => c.count > 0 && !ok.has(c.agentId));
    if (bad >= 0) invalid(`body.distribution.counts.${bad}.agentId`, 'agent_unavailable');
    return d.counts.flatMap((c) => Array<number>(c.count).fill(c.agentId));
  }
  let candidates: number[];
  if (d.target === 'agent') {
    if (d.agentId === undefined) return invalid('body.distribution.agentId', 'required');
    const [a] = await db
      .select({ id: agents.id })
      .from(agents)
      .where(and(takesTickets(vendorId), eq(agents.id, d.agentId)));
    if (!a) invalid('body.distribution.agentId', 'agent_unavailable');
    candidates = [d.agentId];
  } else if (d.target === 'group') {
    if (d.groupId === undefined) return invalid('body.distribution.groupId', 'required');
    const [g] = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.vendorId, vendorId), eq(groups.id, d.groupId)));
    if (!g) invalid('body.distribution.groupId', 'unknown_group');
    const rows = await db
      .select({ id: agents.id })
      .from(agents)
      .innerJoin(
        groupMembers,
        and(
          eq(groupMembers.vendorId, agents.vendorId),
          eq(groupMembers.agentId, agents.id),
          eq(groupMembers.groupId, d.groupId),
        ),
      )
      .where(takesTickets(vendorId))
      .orderBy(asc(agents.id));
    candidates = rows.map((r) => r.id);
  } else {
    const rows = await db
      .select({ id: agents.id })
      .from(agents)
      .where(takesTickets(vendorId))
      .orderBy(asc(agents.id));
    candidates = rows.map((r) => r.id);
  }
  if (candidates.length === 0) invalid('body.distribution', 'no_available_agents');
  return Array.from({ length: n }, (_, i) => candidates[i % candidates.length]!);
}

/**
 * 批量创建 (manual 5.2.2): one ticket per selected customer with the same fields, left unassigned
 * or distributed evenly / by counts. Everything that can be checked up front is, so a bad request
 * creates nothing; the tickets are then written 200 per transaction.
 */
export async function batchCreateTickets(
  deps: TicketDeps,
  ctx: TicketContext,
  input: BatchCreateInput,
): Promise<{ created: number; ticketIds: number[] }> {
  const companyIds = [...new Set(input.companyIds ?? [])];
  const contactIds = [...new Set(input.contactIds ?? [])];
  const total = companyIds.length + contactIds.length;
  if (total === 0) invalid('body.companyIds', 'batch_no_customers');
  if (total > MAX_BATCH_CUSTOMERS) invalid('body.contactIds', 'too_many_customers');
  const customers = await resolveCustomers(deps.db, ctx, companyIds, contactIds);
  const assignees = await assigneesFor(deps.db, ctx.actor.vendorId, input.distribution, customers.length);
  const { contactId: _c, companyId: _co, ...base } = input.ticket;
  const author = authorOf(ctx);
  const ticketIds: number[] = [];
  for (let start = 0; start < customers.length; start += CHUNK) {
    const chunk = customers.slice(start, start + CHUNK);
    const made = await deps.db.transaction(async (tx) => {
      const out: { row: TicketRow; changes: TicketChange[] }[] = [];
      for (const [k, customer] of chunk.entries()) {
        const one: TicketCreateInput = { ...base, ...customer };
        if (assignees) one.assigneeId = assignees[start + k] ?? null;
        out.push(await insertTicket(tx, ctx, one));
      }
      return out;
    });
    for (const { row, changes } of made) {
      ticketIds.push(row.id);
      deps.events.emit('ticket.changed', {
        vendorId: ctx.actor.vendorId,
        ticketId: row.id,
        kind: 'created',
        changes,
        author,
      });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { created: ticketIds.length, ticketIds };
}

export interface BatchUpdateItem {
  id: number;
  ok: boolean;
  row?: TicketRow;
  error?: { code: string; errors?: FieldError[] };
}

/**
 * 批量编辑 (manual 5.2.3): the same changes and reply on up to 100 tickets, each ticket in its own
 * transaction through the one write path, so one refusal (closed, not visible, invalid for its
 * template) never undoes the others.
 */
export async function batchUpdateTickets(
  deps: TicketDeps,
  ctx: TicketContext,
  input: BatchUpdateInput,
): Promise<BatchUpdateItem[]> {
  const author = authorOf(ctx);
  const items: BatchUpdateItem[] = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      const { row, changes } = await deps.db.transaction(async (tx) => {
        let current = await lockTicket(tx, ctx, id);
        const all: TicketChange[] = [];
        // The reply first: an explicit status among the changes then wins over the reply's own.
        if (input.comment) {
          const commented = await writeComment(tx, ctx, current, input.comment);
          current = commented.row;
          all.push(...commented.changes);
        }
        if (Object.keys(input.changes).length) {
          const changed = await changeTicket(tx, ctx, current, input.changes);
          current = changed.row;
          all.push(...changed.changes);
        }
        return { row: current, changes: all };
      });
      items.push({ id, ok: true, row });
      if (changes.length || input.comment)
        deps.events.emit('ticket.changed', {
          vendorId: ctx.actor.vendorId,
          ticketId: id,
          kind: input.comment ? 'comment' : 'updated',
          changes,
          author,
          ...(input.comment ? { public: input.comment.public } : {}),
        });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      items.push({
        id,
        ok: false,
        error: { code: err.code, ...(err.fieldErrors.length ? { errors: err.fieldErrors } : {}) },
      });
    }
  }
  return items;
}
