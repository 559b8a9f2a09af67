import type { Notification } from '@yidan/contracts';
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { DomainEvents } from '../../platform/events.js';
import { AppError } from '../../platform/http/errors.js';
import { existingAgentIds } from '../org/agents.js';
import { notifications } from './schema.js';

type Row = typeof notifications.$inferSelect;

export function presentNotification(n: Row): Notification {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

export async function unreadCount(db: Db, vendorId: number, agentId: number) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(
      and(
        eq(notifications.vendorId, vendorId),
        eq(notifications.agentId, agentId),
        isNull(notifications.readAt),
      ),
    );
  return row?.n ?? 0;
}

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string | null | undefined;
  link?: string | null | undefined;
}

/** Stores one notification per agent inside the caller's transaction; publish after commit. */
export async function insertNotifications(
  tx: Db,
  vendorId: number,
  agentIds: number[],
  input: NotificationInput,
) {
  const ids = await existingAgentIds(tx, vendorId, [...new Set(agentIds)]);
  if (ids.length !== new Set(agentIds).size) {
    throw new AppError('reference_not_found', { entity: '客服' }, [
      { path: 'body.agentIds', message: 'not_found' },
    ]);
  }
  return tx
    .insert(notifications)
    .values(
      ids.map((agentId) => ({
        vendorId,
        agentId,
        kind: input.kind,
        title: input.title,
        body: input.body ?? null,
        link: input.link ?? null,
      })),
    )
    .returning();
}

/** Pushes stored notifications live with each agent's new unread count. */
export async function publishNotifications(db: Db, events: DomainEvents, rows: Row[]) {
  for (const row of rows) {
    events.emit('notification.created', {
      vendorId: row.vendorId,
      agentId: row.agentId,
      notification: presentNotification(row),
      unread: await unreadCount(db, row.vendorId, row.agentId),
    });
  }
}

export async function notifyAgents(
  db: Db,
  events: DomainEvents,
  vendorId: number,
  agentIds: number[],
  input: NotificationInput,
) {
  const rows = await insertNotifications(db, vendorId, agentIds, input);
  await publishNotifications(db, events, rows);
  return rows;
}

export async function listNotifications(
  db: Db,
  vendorId: number,
  agentId: number,
  q: { unread?: boolean | undefined; cursor?: number | undefined; limit: number },
) {
  const conditions = [eq(notifications.vendorId, vendorId), eq(notifications.agentId, agentId)];
  if (q.unread) conditions.push(isNull(notifications.readAt));
  if (q.cursor) conditions.push(lt(notifications.id, q.cursor));
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(presentNotification),
    nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null,
    unread: await unreadCount(db, vendorId, agentId),
  };
}

export async function markRead(
  db: Db,
  events: DomainEvents,
  vendorId: number,
  agentId: number,
  q: { ids?: number[] | undefined; all?: boolean | undefined },
) {
  const mine = and(
    eq(notifications.vendorId, vendorId),
    eq(notifications.agentId, agentId),
    isNull(notifications.readAt),
  );
  if (q.all) await db.update(notifications).set({ readAt: sql`now()` }).where(mine);
  else if (q.ids?.length)
    await db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(mine, inArray(notifications.id, q.ids)));
  const unread = await unreadCount(db, vendorId, agentId);
  events.emit('notification.read', { vendorId, agentId, unread });
  return { unread };
}
