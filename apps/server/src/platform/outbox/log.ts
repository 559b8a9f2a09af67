import type { OutboxEntry, SentMessage } from '@yidan/contracts';
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { AppError } from '../http/errors.js';
import {
  type OutboxChannel,
  type OutboxRow,
  type OutboxStatus,
  outbox,
  outboxAttempts,
  sentMessages,
} from './schema.js';

export interface OutboxFilter {
  targetId?: number;
  ticketId?: number;
  channels?: OutboxChannel[];
  status?: OutboxStatus;
  cursor?: string;
  limit?: number;
}

const page = (cursor: string | undefined, limit: number | undefined) => ({
  before: cursor ? Number(cursor) : null,
  limit: limit ?? 20,
});

/** The delivery log (发送记录): newest first, each row with its attempts, `nextCursor` for the page after. */
export async function listOutboxEntries(
  db: Db,
  vendorId: number,
  f: OutboxFilter,
): Promise<{ items: OutboxEntry[]; nextCursor: string | null }> {
  const { before, limit } = page(f.cursor, f.limit);
  const where: SQL[] = [eq(outbox.vendorId, vendorId)];
  if (f.targetId !== undefined) where.push(eq(outbox.targetId, f.targetId));
  if (f.ticketId !== undefined) where.push(eq(outbox.ticketId, f.ticketId));
  if (f.channels) where.push(inArray(outbox.channel, f.channels));
  if (f.status) where.push(eq(outbox.status, f.status));
  if (before !== null) where.push(lt(outbox.id, before));
  const rows = await db
    .select()
    .from(outbox)
    .where(and(...where))
    .orderBy(desc(outbox.id))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  return {
    items: await withAttempts(db, vendorId, shown),
    nextCursor: rows.length > limit ? String(shown.at(-1)!.id) : null,
  };
}

async function withAttempts(db: Db, vendorId: number, rows: OutboxRow[]): Promise<OutboxEntry[]> {
  const attempts = rows.length
    ? await db
        .select()
        .from(outboxAttempts)
        .where(
          and(
            eq(outboxAttempts.vendorId, vendorId),
            inArray(
              outboxAttempts.outboxId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(outboxAttempts.attempt)
    : [];
  return rows.map((r) => presentOutboxEntry(r, attempts));
}

function presentOutboxEntry(r: OutboxRow, attempts: (typeof outboxAttempts.$inferSelect)[]): OutboxEntry {
  return {
    id: r.id,
    channel: r.channel,
    targetId: r.targetId,
    ticketId: r.ticketId,
    idempotencyKey: r.idempotencyKey,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    test: r.payload.test === true,
    payload: r.payload,
    attemptLog: attempts
      .filter((a) => a.outboxId === r.id)
      .map((a) => ({
        attempt: a.attempt,
        statusCode: a.statusCode,
        response: a.response,
        error: a.error,
        durationMs: a.durationMs,
        at: a.at.toISOString(),
      })),
  };
}

export async function getOutboxRow(db: Db, vendorId: number, id: number): Promise<OutboxRow> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.vendorId, vendorId), eq(outbox.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * 重试: a failed row is due again at once with a fresh series of attempts, under the same key (a
 * receiver that did process an earlier attempt drops it). The caller wakes the worker after commit.
 */
export async function retryOutboxEntry(db: Db, vendorId: number, id: number): Promise<OutboxEntry> {
  const [row] = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null })
    .where(and(eq(outbox.vendorId, vendorId), eq(outbox.id, id), eq(outbox.status, 'failed')))
    .returning();
  if (!row) {
    await getOutboxRow(db, vendorId, id);
    throw new AppError('outbox_not_failed');
  }
  const [entry] = await withAttempts(db, vendorId, [row]);
  return entry!;
}

/** 客户通知记录: the messages providers accepted, newest first. */
export async function listSentMessages(
  db: Db,
  vendorId: number,
  f: { channel?: 'sms' | 'email' | 'wechat'; ticketId?: number; cursor?: string; limit?: number },
): Promise<{ items: SentMessage[]; nextCursor: string | null }> {
  const { before, limit } = page(f.cursor, f.limit);
  const where: SQL[] = [eq(sentMessages.vendorId, vendorId)];
  if (f.channel) where.push(eq(sentMessages.channel, f.channel));
  if (f.ticketId !== undefined) where.push(eq(sentMessages.ticketId, f.ticketId));
  if (before !== null) where.push(lt(sentMessages.id, before));
  const rows = await db
    .select()
    .from(sentMessages)
    .where(and(...where))
    .orderBy(desc(sentMessages.id))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  return {
    items: shown.map((m) => ({
      id: m.id,
      channel: m.channel,
      provider: m.provider,
      recipient: m.recipient,
      subject: m.subject,
      body: m.body,
      ticketId: m.ticketId,
      contactId: m.contactId,
      outboxId: m.outboxId,
      createdAt: m.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit ? String(shown.at(-1)!.id) : null,
  };
}
