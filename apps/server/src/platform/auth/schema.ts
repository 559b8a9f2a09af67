import {
  bigint,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { agents } from '../../modules/org/schema.js';
import { createdAt, rowId, tenantKey } from '../db/columns.js';

/** Console sessions; the cookie carries `<vendorId>.<secret>`, the row keeps the secret's SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    vendorId: tenantKey(),
    id: text('id').notNull(),
    agentId: bigint('agent_id', { mode: 'number' }).notNull(),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({ columns: [t.vendorId, t.agentId], foreignColumns: [agents.vendorId, agents.id] }).onDelete(
      'cascade',
    ),
    index('sessions_agent').on(t.vendorId, t.agentId),
  ],
);

/** Per-agent API tokens; the token is `ydt_<vendorId>_<secret>`, the row keeps the secret's SHA-256. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    vendorId: tenantKey(),
    id: rowId(),
    agentId: bigint('agent_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({ columns: [t.vendorId, t.agentId], foreignColumns: [agents.vendorId, agents.id] }).onDelete(
      'cascade',
    ),
    index('api_tokens_secret').on(t.vendorId, t.secretHash),
  ],
);

/**
 * Login failure counters keyed by `acct:<vendorId>:<account>` or `ip:<address>`.
 * A platform table, not tenant data: IP counters span vendors on purpose.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
