import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { DomainEvents } from '../../platform/events.js';
import { notifications } from '../notifications/schema.js';
import { insertNotifications, publishNotifications } from '../notifications/service.js';
import { existingAgentIds } from '../org/agents.js';
import { groupMembers } from '../org/schema.js';
import type { TicketContext } from '../tickets/context.js';
import type { TicketRow } from '../tickets/schema.js';
import type { NotificationValue } from './actions.js';
import { placeholderData, renderPlaceholders } from './placeholders.js';

/**
 * Notifications stored by triggers, waiting for their transaction to commit: the 'ticket.changed'
 * event the ticket service emits after commit pushes them live (services never push before commit).
 * A rolled-back transaction leaves ids that no longer exist; they are dropped when read.
 */
const pending = new Map<string, number[]>();
const MAX_PENDING = 10_000;
const keyOf = (vendorId: number, ticketId: number) => `${vendorId}:${ticketId}`;

/**
 * 通知：向客服发送系统消息. Sent once per change cycle with the ticket as the triggers left it, so
 * 'assignee' is the final assignee ('supervisors': its group's supervisors); title and body are
 * Liquid over the same data as notes.
 * Recipients deleted since the trigger was saved are skipped.
 */
export async function sendTriggerNotifications(
  tx: Db,
  ctx: TicketContext,
  row: TicketRow,
  items: NotificationValue[],
): Promise<void> {
  if (items.length === 0) return;
  const data = await placeholderData(tx, ctx, row);
  const ids: number[] = [];
  for (const n of items) {
    const wanted = (
      await Promise.all(
        n.to.map(async (to) =>
          to === 'assignee'
            ? row.assigneeId === null
              ? []
              : [row.assigneeId]
            : to === 'supervisors'
              ? groupSupervisorIds(tx, row)
              : [to],
        ),
      )
    ).flat();
    const agentIds = await existingAgentIds(tx, row.vendorId, [...new Set(wanted)]);
    if (agentIds.length === 0) continue;
    const title = (await renderPlaceholders(n.title, data, 'text')).slice(0, 200);
    const body = n.body ? (await renderPlaceholders(n.body, data, 'text')).slice(0, 2000) : null;
    const rows = await insertNotifications(tx, row.vendorId, agentIds, {
      kind: 'trigger',
      title,
      body,
      link: `/tickets/${row.id}`,
    });
    ids.push(...rows.map((r) => r.id));
  }
  if (ids.length === 0) return;
  if (pending.size >= MAX_PENDING) pending.clear();
  const key = keyOf(row.vendorId, row.id);
  pending.set(key, [...(pending.get(key) ?? []), ...ids]);
}

/** 客服组主管: the supervisors of the ticket's group (none without a group). */
async function groupSupervisorIds(tx: Db, row: TicketRow): Promise<number[]> {
  if (row.groupId === null) return [];
  const rows = await tx
    .select({ agentId: groupMembers.agentId })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.vendorId, row.vendorId),
        eq(groupMembers.groupId, row.groupId),
        eq(groupMembers.supervisor, true),
      ),
    );
  return rows.map((r) => r.agentId);
}

/** Pushes a ticket's trigger notifications once its change has committed. */
export function triggerListeners(db: Db, events: DomainEvents) {
  events.on('ticket.changed', (e) => {
    const key = keyOf(e.vendorId, e.ticketId);
    const ids = pending.get(key);
    if (!ids) return;
    pending.delete(key);
    void (async () => {
      const rows = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.vendorId, e.vendorId), inArray(notifications.id, ids)));
      await publishNotifications(db, events, rows);
    })().catch((err) => console.error('trigger notifications push failed', err));
  });
}
