import type { TicketChange, TicketCreateInput } from '@yidan/contracts';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/http/errors.js';
import { canSeeTicket, type TicketContext } from './context.js';
import { type TicketRow, tickets } from './schema.js';
import { authorOf, insertTicket, type TicketDeps } from './service.js';
import { appendTicketEvent } from './timeline.js';

export type SplitChild = Omit<TicketCreateInput, 'source' | 'attachments'>;

/** A child takes the parent's customer (unless it names its own), template and priority. */
function childInput(parent: TicketRow, child: SplitChild): TicketCreateInput {
  const ownCustomer = child.contactId !== undefined || child.companyId !== undefined;
  return {
    ...(ownCustomer ? {} : { contactId: parent.contactId, companyId: parent.companyId }),
    templateId: parent.templateId,
    priority: parent.priority,
    ...child,
  };
}

/**
 * 工单拆单 (manual 5.2.21): creates 1–15 child tickets of a visible ticket in one transaction. The
 * parent's timeline lists the children, each child's timeline names the parent, and children can
 * be split again. A child's invalid field is reported at its path in the request.
 */
export async function splitTicket(
  deps: TicketDeps,
  ctx: TicketContext,
  parentId: number,
  children: SplitChild[],
): Promise<TicketRow[]> {
  const vendorId = ctx.actor.vendorId;
  const author = authorOf(ctx);
  const created = await deps.db.transaction(async (tx) => {
    const [parent] = await tx
      .select()
      .from(tickets)
      .where(and(eq(tickets.vendorId, vendorId), eq(tickets.id, parentId)))
      .for('update');
    if (!parent || !(await canSeeTicket(tx, ctx, parent))) throw new AppError('not_found');
    if (parent.mergedIntoId !== null) throw new AppError('ticket_merged');
    const rows: TicketRow[] = [];
    const childChanges = new Map<number, TicketChange[]>();
    for (const [i, child] of children.entries()) {
      try {
        const { row, changes } = await insertTicket(tx, ctx, childInput(parent, child), { parentId });
        rows.push(row);
        childChanges.set(row.id, changes);
      } catch (err) {
        throw err instanceof AppError ? atChild(err, i) : err;
      }
    }
    await appendTicketEvent(tx, vendorId, author, {
      ticketId: parentId,
      kind: 'split',
      body: `<p>拆单生成子单 ${rows.map((r) => `#${r.number}`).join('、')}</p>`,
      changes: [{ field: 'childIds', from: null, to: rows.map((r) => r.id) }],
      relatedTicketId: rows.length === 1 ? rows[0]!.id : null,
    });
    for (const row of rows) {
      await appendTicketEvent(tx, vendorId, author, {
        ticketId: row.id,
        kind: 'split_from',
        body: `<p>此单是由原单(#${parent.number})拆单后生成的新单</p>`,
        relatedTicketId: parentId,
      });
    }
    return { rows, childChanges };
  });
  deps.events.emit('ticket.changed', {
    vendorId,
    ticketId: parentId,
    kind: 'split',
    changes: [{ field: 'childIds', from: null, to: created.rows.map((r) => r.id) }],
    author,
  });
  for (const row of created.rows)
    deps.events.emit('ticket.changed', {
      vendorId,
      ticketId: row.id,
      kind: 'created',
      changes: created.childChanges.get(row.id) ?? [],
      author,
    });
  return created.rows;
}

/** Re-points a child's field errors from `body.x` to `body.children.<i>.x`. */
function atChild(err: AppError, i: number): AppError {
  if (err.fieldErrors.length === 0) return err;
  return new AppError(
    err.code,
    err.params,
    err.fieldErrors.map((f) => ({ ...f, path: f.path.replace(/^body\./, `body.children.${i}.`) })),
    err.headers,
  );
}
