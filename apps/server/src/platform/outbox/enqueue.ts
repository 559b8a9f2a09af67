import type { Db } from '../db/client.js';
import { type OutboxChannel, outbox } from './schema.js';

export interface OutboxInput {
  vendorId: number;
  channel: OutboxChannel;
  targetId?: number | null;
  ticketId?: number | null;
  /** Unique per vendor: the same key twice enqueues once (a re-run of the same change sends nothing more). */
  idempotencyKey: string;
  /** The rendered request or message, as it will be sent. */
  payload: Record<string, unknown>;
}

/**
 * Tickets whose change wrote outbox rows, until that change's `ticket.changed` (after commit) wakes
 * the worker: other changes do not cost it a look. A rolled-back change leaves its key behind; the
 * set is cleared when it grows large (the worker's poll picks up anything missed).
 */
const awaitingCommit = new Set<string>();
const ticketKey = (vendorId: number, ticketId: number) => `${vendorId}:${ticketId}`;

/** Whether this ticket's committed change enqueued something (and forgets it). */
export function takeEnqueuedFor(vendorId: number, ticketId: number): boolean {
  return awaitingCommit.delete(ticketKey(vendorId, ticketId));
}

/**
 * Writes an outbound effect into the outbox in the caller's transaction (DESIGN §3): it is
 * delivered after commit by the outbox worker, and a rolled-back change sends nothing. Returns the
 * row id, or null when a row with the same idempotency key exists already.
 */
export async function enqueueOutbox(tx: Db, input: OutboxInput): Promise<number | null> {
  const [row] = await tx
    .insert(outbox)
    .values({
      vendorId: input.vendorId,
      channel: input.channel,
      targetId: input.targetId ?? null,
      ticketId: input.ticketId ?? null,
      idempotencyKey: input.idempotencyKey,
      payload: input.payload,
    })
    .onConflictDoNothing({ target: [outbox.vendorId, outbox.idempotencyKey] })
    .returning({ id: outbox.id });
  if (row && input.ticketId) {
    if (awaitingCommit.size >= 10_000) awaitingCommit.clear();
    awaitingCommit.add(ticketKey(input.vendorId, input.ticketId));
  }
  return row?.id ?? null;
}
