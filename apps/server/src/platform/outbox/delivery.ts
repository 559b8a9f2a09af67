import { type AnyColumn, and, asc, eq, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { OutboxInput } from './enqueue.js';
import { type OutboxChannel, type OutboxRow, outbox, outboxAttempts } from './schema.js';

/** Attempts before a delivery is given up (`failed`); about two hours of retries with the delays below. */
export const MAX_ATTEMPTS = 10;
const RETRY_BASE_MS = 15_000;
const RETRY_CAP_MS = 60 * 60_000;
/**
 * How long a claimed row is left to its node: other nodes take it over after this (the node died
 * mid-delivery). Longer than any one attempt may take (webhooks time out after 15 s).
 */
export const LEASE_MS = 60_000;
/** Text kept of a response or an error. */
const EXCERPT = 1000;

/**
 * The delay before attempt `attempt + 1`, after `attempt` failed: 15 s doubling up to an hour,
 * ±20 % jitter so a receiver that was down is not hit by every retry at the same moment.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * What one attempt came to. `retry`: try again later (5xx, timeouts, refused connections);
 * `failed`: give up now (4xx, a disabled target, a provider's permanent refusal); `interrupted`:
 * the server stopped mid-attempt — the row is due again at once and the attempt does not count.
 */
export interface AttemptOutcome {
  result: 'delivered' | 'retry' | 'failed' | 'interrupted';
  statusCode?: number | null;
  response?: string | null;
  error?: string | null;
  /** A receiver's Retry-After: the next attempt waits at least this long. */
  retryAfterMs?: number;
  /** Run in the transaction that marks the row delivered (the customer message log). */
  onDelivered?: (tx: Db) => Promise<void>;
}

/** Delivers one claimed row on its channel (a webhook, an SMS …); `signal` aborts it at shutdown. */
export type ChannelDelivery = (
  row: OutboxRow,
  ctx: { attempt: number; signal: AbortSignal },
) => Promise<AttemptOutcome>;
export type ChannelDeliveries = Record<OutboxChannel, ChannelDelivery>;

/** A row this node holds for one attempt: the row as claimed and its attempt log entry. */
export interface Claim {
  row: OutboxRow;
  attemptId: number;
  attempt: number;
}

const excerpt = (s: string | null | undefined) => (s ? s.slice(0, EXCERPT) : null);
type Key = { vendorId: number; id: number };
const pairIn = (vendorColumn: SQL | AnyColumn, idColumn: SQL | AnyColumn, keys: Key[]): SQL =>
  sql`(${vendorColumn}, ${idColumn}) in (${sql.join(
    keys.map((k) => sql`(${k.vendorId}::bigint, ${k.id}::bigint)`),
    sql`, `,
  )})`;
const keyIn = (keys: Key[]) => pairIn(outbox.vendorId, outbox.id, keys);
/** An attempt entry is open (the attempt still running, or its node died) while it has no outcome. */
const openAttemptOf = (keys: Key[]) =>
  and(
    pairIn(outboxAttempts.vendorId, outboxAttempts.outboxId, keys),
    isNull(outboxAttempts.statusCode),
    isNull(outboxAttempts.error),
    isNull(outboxAttempts.response),
  );

/**
 * Claims up to `limit` due rows (pending, next attempt at or before `now`) for this node:
 * `FOR UPDATE SKIP LOCKED` so nodes sharing a PostgreSQL take different rows; the lease (the next
 * attempt moved LEASE_MS ahead) keeps them from others while the HTTP call runs outside any
 * transaction. Each claim opens its attempt log entry; an entry a dead node left open is closed as
 * interrupted.
 */
export async function claimDue(db: Db, now: Date, limit: number): Promise<Claim[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ vendorId: outbox.vendorId, id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return openAttempts(tx, due, now);
  });
}

async function openAttempts(tx: Db, keys: Key[], now: Date): Promise<Claim[]> {
  const rows = await tx
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .where(keyIn(keys))
    .returning();
  await tx
    .update(outboxAttempts)
    .set({ error: 'interrupted: the node delivering it stopped' })
    .where(openAttemptOf(keys));
  const claims: Claim[] = [];
  for (const row of rows) {
    // Numbered over the row's whole life, so a console retry continues the log instead of restarting it.
    const [opened] = await tx
      .insert(outboxAttempts)
      .values({
        vendorId: row.vendorId,
        outboxId: row.id,
        attempt: sql`(select coalesce(max(${outboxAttempts.attempt}), 0) + 1 from ${outboxAttempts}
          where ${outboxAttempts.vendorId} = ${row.vendorId} and ${outboxAttempts.outboxId} = ${row.id})`,
      })
      .returning({ id: outboxAttempts.id, attempt: outboxAttempts.attempt });
    claims.push({ row, attemptId: opened!.id, attempt: opened!.attempt });
  }
  return claims;
}

/**
 * Records an attempt's outcome: the log entry, and the row delivered, failed, or due again after
 * the back-off (failed after MAX_ATTEMPTS, or at once when `retry` is off — a console test). The
 * row is only updated while this claim still holds it (another node may have taken it over).
 */
export async function recordOutcome(
  db: Db,
  claim: Claim,
  outcome: AttemptOutcome,
  durationMs: number,
  opts: { now?: Date; retry?: boolean } = {},
): Promise<void> {
  const now = opts.now ?? new Date();
  const { row } = claim;
  const error = excerpt(outcome.error);
  const statusCode = outcome.statusCode ?? null;
  await db.transaction(async (tx) => {
    await tx
      .update(outboxAttempts)
      .set({
        statusCode,
        // An outcome with no code, error or response still closes the entry (see openAttemptOf).
        response:
          excerpt(outcome.response) ?? (statusCode === null && error === null ? outcome.result : null),
        error,
        durationMs: Math.max(0, Math.round(durationMs)),
      })
      .where(and(eq(outboxAttempts.vendorId, row.vendorId), eq(outboxAttempts.id, claim.attemptId)));
    const next = nextState(row, outcome, error, now, opts.retry ?? true);
    const [updated] = await tx
      .update(outbox)
      .set(next)
      .where(
        and(
          eq(outbox.vendorId, row.vendorId),
          eq(outbox.id, row.id),
          eq(outbox.status, 'pending'),
          eq(outbox.attempts, row.attempts),
        ),
      )
      .returning({ id: outbox.id });
    if (updated && outcome.result === 'delivered') await outcome.onDelivered?.(tx);
  });
}

function nextState(
  row: OutboxRow,
  outcome: AttemptOutcome,
  error: string | null,
  now: Date,
  retry: boolean,
): Partial<typeof outbox.$inferInsert> {
  const lastError = error ?? (outcome.statusCode ? `HTTP ${outcome.statusCode}` : null);
  switch (outcome.result) {
    case 'delivered':
      return { status: 'delivered', deliveredAt: now, lastError: null };
    case 'interrupted':
      return { attempts: row.attempts - 1, nextAttemptAt: now, lastError };
    case 'failed':
      return { status: 'failed', lastError };
    case 'retry': {
      if (!retry || row.attempts >= MAX_ATTEMPTS) return { status: 'failed', lastError };
      const delay = Math.max(retryDelayMs(row.attempts), Math.min(outcome.retryAfterMs ?? 0, RETRY_CAP_MS));
      return { nextAttemptAt: new Date(now.getTime() + delay), lastError };
    }
  }
}

/**
 * Runs one claimed attempt on its channel and records it. An unexpected exception is a failed
 * attempt to retry; an abort (shutdown) is an interruption.
 */
export async function deliverClaim(
  db: Db,
  deliveries: ChannelDeliveries,
  claim: Claim,
  signal: AbortSignal,
  opts: { now?: Date; retry?: boolean } = {},
): Promise<AttemptOutcome> {
  const started = performance.now();
  let outcome: AttemptOutcome;
  try {
    outcome = await deliveries[claim.row.channel](claim.row, { attempt: claim.attempt, signal });
  } catch (err) {
    outcome = { result: 'retry', error: (err as Error).message || String(err) };
  }
  if (signal.aborted && outcome.result !== 'delivered') outcome = { ...outcome, result: 'interrupted' };
  await recordOutcome(db, claim, outcome, performance.now() - started, opts);
  return outcome;
}

/**
 * Delivers every due row now, one batch after another (tests and the CLI; the worker does the same
 * continuously). `now` may be in the future to make scheduled retries due. Returns how many
 * attempts were made.
 */
export async function deliverDueOutbox(
  db: Db,
  deliveries: ChannelDeliveries,
  opts: { now?: Date; batch?: number; maxAttempts?: number } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  const signal = new AbortController().signal;
  let made = 0;
  for (;;) {
    const claims = await claimDue(db, now, opts.batch ?? 10);
    if (claims.length === 0) return made;
    await Promise.all(claims.map((c) => deliverClaim(db, deliveries, c, signal, { now })));
    made += claims.length;
    if (made >= (opts.maxAttempts ?? 1000)) return made;
  }
}

/**
 * Writes a row and delivers it at once, without retries (the console's 测试): the call and its
 * outcome land in the delivery log like any other.
 */
export async function deliverNow(
  db: Db,
  input: OutboxInput,
  deliver: ChannelDelivery,
): Promise<{ claim: Claim; outcome: AttemptOutcome; durationMs: number }> {
  const now = new Date();
  const claim = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(outbox)
      .values({ ...input, nextAttemptAt: now })
      .returning({ vendorId: outbox.vendorId, id: outbox.id });
    const [opened] = await openAttempts(tx, [row!], now);
    return opened!;
  });
  const signal = new AbortController().signal;
  const started = performance.now();
  let outcome: AttemptOutcome;
  try {
    outcome = await deliver(claim.row, { attempt: claim.attempt, signal });
  } catch (err) {
    outcome = { result: 'failed', error: (err as Error).message || String(err) };
  }
  const durationMs = Math.round(performance.now() - started);
  await recordOutcome(db, claim, outcome, durationMs, { retry: false });
  return { claim, outcome, durationMs };
}

/**
 * On the embedded database a data directory belongs to one process: a row still leased at start-up
 * was being delivered when the process died. It is due again at once (with the same key), instead of
 * after its lease.
 */
export async function releaseInterruptedDeliveries(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const open = await tx
      .selectDistinct({ vendorId: outboxAttempts.vendorId, id: outboxAttempts.outboxId })
      .from(outboxAttempts)
      .innerJoin(
        outbox,
        and(eq(outbox.vendorId, outboxAttempts.vendorId), eq(outbox.id, outboxAttempts.outboxId)),
      )
      .where(
        and(
          eq(outbox.status, 'pending'),
          isNull(outboxAttempts.statusCode),
          isNull(outboxAttempts.error),
          isNull(outboxAttempts.response),
        ),
      );
    if (open.length === 0) return 0;
    await tx
      .update(outboxAttempts)
      .set({ error: 'interrupted: the server stopped during the attempt' })
      .where(openAttemptOf(open));
    await tx
      .update(outbox)
      .set({ nextAttemptAt: now, attempts: sql`greatest(${outbox.attempts} - 1, 0)` })
      .where(keyIn(open));
    return open.length;
  });
}
