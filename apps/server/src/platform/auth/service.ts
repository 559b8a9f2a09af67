import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { findVendorByLoginKey, soleVendor } from '../../modules/vendors/service.js';
import type { Db } from '../db/client.js';
import { agents, apiTokens, sessions } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { type Actor, loadActor } from './actor.js';
import { TOKEN_PREFIX } from './hook.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { randomSecret, sha256 } from './secrets.js';
import {
  ACCOUNT_LIMIT,
  accountKey,
  assertNotLocked,
  clearFailures,
  IP_LIMIT,
  ipKey,
  recordFailure,
} from './throttle.js';

export interface LoginResult {
  actor: Actor;
  /** Cookie value `<vendorId>.<secret>`. */
  sessionCookie: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Checks the password (throttled per account and per IP) and opens a session. */
export async function login(
  db: Db,
  input: { account: string; password: string; vendor?: string | undefined },
  client: { ip: string; userAgent: string | null; ttlHours: number },
): Promise<LoginResult> {
  const vendor = input.vendor ? await findVendorByLoginKey(db, input.vendor) : await soleVendor(db);
  if (!vendor && !input.vendor) throw new AppError('vendor_required');
  const keys = vendor ? [accountKey(vendor.id, input.account), ipKey(client.ip)] : [ipKey(client.ip)];
  await assertNotLocked(db, keys);
  const [agent] = vendor
    ? await db
        .select({ id: agents.id, passwordHash: agents.passwordHash, enabled: agents.enabled })
        .from(agents)
        .where(
          and(eq(agents.vendorId, vendor.id), sql`lower(${agents.account}) = ${input.account.toLowerCase()}`),
        )
    : [];
  const ok = await verifyPassword(agent?.passwordHash ?? null, input.password);
  if (!ok || !vendor || !agent) {
    await recordFailure(
      db,
      vendor
        ? [
            [keys[0]!, ACCOUNT_LIMIT],
            [keys[1]!, IP_LIMIT],
          ]
        : [[keys[0]!, IP_LIMIT]],
    );
    throw new AppError('invalid_credentials');
  }
  if (vendor.status !== 'active') throw new AppError('vendor_disabled');
  if (!agent.enabled) throw new AppError('account_disabled');
  await clearFailures(db, keys[0]!);

  const secret = randomSecret();
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(Date.now() + client.ttlHours * 3600_000);
  await db.insert(sessions).values({
    vendorId: vendor.id,
    id: sha256(secret),
    agentId: agent.id,
    csrfToken,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    expiresAt,
  });
  const actor = await loadActor(db, vendor.id, agent.id);
  return { actor: { ...actor!, csrfToken }, sessionCookie: `${vendor.id}.${secret}`, csrfToken, expiresAt };
}

export async function logout(db: Db, actor: Actor) {
  if (!actor.sessionId) return;
  await db
    .delete(sessions)
    .where(and(eq(sessions.vendorId, actor.vendorId), eq(sessions.id, actor.sessionId)));
}

/** Changes the caller's password and ends their other sessions. */
export async function changePassword(db: Db, actor: Actor, current: string, next: string) {
  const [row] = await db
    .select({ hash: agents.passwordHash })
    .from(agents)
    .where(and(eq(agents.vendorId, actor.vendorId), eq(agents.id, actor.agentId)));
  if (!(await verifyPassword(row?.hash ?? null, current))) throw new AppError('wrong_password');
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx
      .update(agents)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(and(eq(agents.vendorId, actor.vendorId), eq(agents.id, actor.agentId)));
    const others = and(eq(sessions.vendorId, actor.vendorId), eq(sessions.agentId, actor.agentId));
    await tx.delete(sessions).where(actor.sessionId ? and(others, ne(sessions.id, actor.sessionId)) : others);
  });
}

/** Ends every session of an agent (password reset by an admin, disabling). */
export async function revokeSessions(db: Db, vendorId: number, agentId: number) {
  await db.delete(sessions).where(and(eq(sessions.vendorId, vendorId), eq(sessions.agentId, agentId)));
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

export async function createApiToken(db: Db, actor: Actor, name: string) {
  const secret = randomSecret();
  const token = `${TOKEN_PREFIX}${actor.vendorId}_${secret}`;
  const [row] = await db
    .insert(apiTokens)
    .values({
      vendorId: actor.vendorId,
      agentId: actor.agentId,
      name,
      prefix: `${token.slice(0, TOKEN_PREFIX.length + String(actor.vendorId).length + 5)}…`,
      secretHash: sha256(secret),
    })
    .returning(tokenColumns);
  return { ...row!, token };
}

export async function listApiTokens(db: Db, actor: Actor) {
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.vendorId, actor.vendorId), eq(apiTokens.agentId, actor.agentId)))
    .orderBy(desc(apiTokens.id));
}

export async function deleteApiToken(db: Db, actor: Actor, id: number) {
  const rows = await db
    .delete(apiTokens)
    .where(
      and(eq(apiTokens.vendorId, actor.vendorId), eq(apiTokens.agentId, actor.agentId), eq(apiTokens.id, id)),
    )
    .returning({ id: apiTokens.id });
  if (rows.length === 0) throw new AppError('not_found');
}
