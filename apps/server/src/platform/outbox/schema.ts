import { sql } from 'drizzle-orm';
import {
  bigint,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, rowId, tenantKey } from '../db/columns.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** What an outbox row sends: a webhook to an external target, or a message to a customer. */
export type OutboxChannel = 'webhook' | 'sms' | 'email' | 'wechat';
export type OutboxStatus = 'pending' | 'delivered' | 'failed';

/**
 * The transactional outbox (DESIGN §3): outbound effects are written here in the transaction of the
 * change that causes them, fully rendered, and delivered afterwards by a job with retries and
 * exponential back-off. `idempotency_key` is sent with the delivery (Idempotency-Key) so a receiver
 * can drop a repeat after a crash between sending and recording.
 */
export const outbox = pgTable(
  'outbox',
  {
    vendorId: tenantKey(),
    id: rowId(),
    channel: text('channel').$type<OutboxChannel>().notNull(),
    /** The external target (webhook) or null; no foreign key, the log outlives a deleted target. */
    targetId: bigint('target_id', { mode: 'number' }),
    /** The ticket that caused it, if any (no foreign key, as above). */
    ticketId: bigint('ticket_id', { mode: 'number' }),
    idempotencyKey: text('idempotency_key').notNull(),
    /** The rendered request or message: url/method/headers/body, or recipient/subject/body. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('outbox_idempotency').on(t.vendorId, t.idempotencyKey),
    index('outbox_due').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('outbox_target').on(t.vendorId, t.targetId, t.createdAt),
    index('outbox_ticket').on(t.vendorId, t.ticketId),
  ],
);

/** One delivery attempt of an outbox row: the delivery log shown in the console. */
export const outboxAttempts = pgTable(
  'outbox_attempts',
  {
    vendorId: tenantKey(),
    id: rowId(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    response: text('response'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull().default(0),
    at: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({ columns: [t.vendorId, t.outboxId], foreignColumns: [outbox.vendorId, outbox.id] }).onDelete(
      'cascade',
    ),
    index('outbox_attempts_outbox').on(t.vendorId, t.outboxId),
  ],
);

/**
 * Messages sent to customers through a provider adapter (SMS, e-mail, WeChat template): the log the
 * console shows, and what the dev adapter "sends" (it records the message here and nothing else).
 */
export const sentMessages = pgTable(
  'sent_messages',
  {
    vendorId: tenantKey(),
    id: rowId(),
    channel: text('channel').$type<Exclude<OutboxChannel, 'webhook'>>().notNull(),
    provider: text('provider').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    ticketId: bigint('ticket_id', { mode: 'number' }),
    contactId: bigint('contact_id', { mode: 'number' }),
    outboxId: bigint('outbox_id', { mode: 'number' }),
    providerRef: text('provider_ref'),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    index('sent_messages_ticket').on(t.vendorId, t.ticketId),
    index('sent_messages_created').on(t.vendorId, t.createdAt),
    uniqueIndex('sent_messages_outbox').on(t.vendorId, t.outboxId),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
