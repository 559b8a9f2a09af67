import {
  type DataScope,
  FEATURES,
  type Feature,
  MODULE_GRANTS,
  type ModuleGrant,
  PERMISSION_MODULE,
  PERMISSIONS,
  type Permission,
} from '@yidan/contracts';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agents, apiTokens, roles, sessions, vendors } from '../db/schema.js';
import { sha256 } from './secrets.js';

/** Who is calling, with everything permission checks need, loaded once per request. */
export interface Actor {
  vendorId: number;
  agentId: number;
  account: string;
  name: string;
  roleId: number | null;
  roleName: string | null;
  roleSystem: 'admin' | 'agent' | null;
  grants: ModuleGrant[];
  /** Granted modules whose feature switch is on: what the agent can actually use. */
  modules: ModuleGrant[];
  features: Feature[];
  permissions: Set<Permission>;
  dataScope: DataScope;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  vendorStatus: 'active' | 'disabled';
  agentEnabled: boolean;
  /** The vendor's profile as the console header needs it, loaded with the actor. */
  vendor: {
    name: string;
    displayName: string | null;
    loginKey: string;
    timeZone: string;
    customerMode: '2b' | '2c';
    logoFile: string | null;
  };
}

const actorColumns = {
  vendorId: agents.vendorId,
  agentId: agents.id,
  account: agents.account,
  name: agents.name,
  grants: agents.grants,
  enabled: agents.enabled,
  roleId: agents.roleId,
  roleName: roles.name,
  roleSystem: roles.system,
  rolePermissions: roles.permissions,
  dataScope: roles.dataScope,
  vendorFeatures: vendors.features,
  vendorStatus: vendors.status,
  vendorName: vendors.name,
  vendorDisplayName: vendors.displayName,
  vendorLoginKey: vendors.loginKey,
  vendorTimeZone: vendors.timeZone,
  vendorCustomerMode: vendors.customerMode,
  vendorLogoFile: vendors.logoFile,
};
type ActorRow = {
  [K in keyof typeof actorColumns]: (typeof actorColumns)[K]['_']['data'] | null;
};

export function enabledFeatures(switches: Record<string, boolean>): Feature[] {
  return FEATURES.filter((f) => switches[f] !== false);
}

function toActor(row: ActorRow, via: Actor['via'], session: { id: string; csrf: string } | null): Actor {
  const features = enabledFeatures(row.vendorFeatures ?? {});
  const grants = MODULE_GRANTS.filter((g) => row.grants?.includes(g));
  const modules = grants.filter((g) => features.includes(g));
  const isAdmin = row.roleSystem === 'admin';
  const fromRole = isAdmin ? PERMISSIONS : PERMISSIONS.filter((p) => row.rolePermissions?.includes(p));
  // A module the agent is not granted (or that is switched off) is unusable whatever the role says.
  const permissions = new Set(
    fromRole.filter((p) => {
      const needs = PERMISSION_MODULE[p];
      return !needs || modules.includes(needs);
    }),
  );
  return {
    vendorId: row.vendorId!,
    agentId: row.agentId!,
    account: row.account!,
    name: row.name!,
    roleId: row.roleId ?? null,
    roleName: row.roleName ?? null,
    roleSystem: row.roleSystem ?? null,
    grants,
    modules,
    features,
    permissions,
    dataScope: isAdmin ? 'all' : (row.dataScope ?? 'own'),
    via,
    sessionId: session?.id ?? null,
    csrfToken: session?.csrf ?? null,
    vendorStatus: row.vendorStatus ?? 'disabled',
    agentEnabled: row.enabled ?? false,
    vendor: {
      name: row.vendorName ?? '',
      displayName: row.vendorDisplayName ?? null,
      loginKey: row.vendorLoginKey ?? '',
      timeZone: row.vendorTimeZone ?? 'Asia/Shanghai',
      customerMode: row.vendorCustomerMode ?? '2b',
      logoFile: row.vendorLogoFile ?? null,
    },
  };
}

function actorQuery(db: Db) {
  return db
    .select(actorColumns)
    .from(agents)
    .innerJoin(vendors, eq(vendors.id, agents.vendorId))
    .leftJoin(roles, and(eq(roles.vendorId, agents.vendorId), eq(roles.id, agents.roleId)));
}

export async function loadActor(db: Db, vendorId: number, agentId: number, via: Actor['via'] = 'session') {
  const [row] = await actorQuery(db).where(and(eq(agents.vendorId, vendorId), eq(agents.id, agentId)));
  return row ? toActor(row, via, null) : null;
}

function sessionQuery(db: Db) {
  return db
    .select({ ...actorColumns, csrf: sessions.csrfToken })
    .from(sessions)
    .innerJoin(agents, and(eq(agents.vendorId, sessions.vendorId), eq(agents.id, sessions.agentId)))
    .innerJoin(vendors, eq(vendors.id, agents.vendorId))
    .leftJoin(roles, and(eq(roles.vendorId, agents.vendorId), eq(roles.id, agents.roleId)))
    .where(
      and(
        eq(sessions.vendorId, sql.placeholder('vendorId')),
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .prepare('actor_from_session');
}
// Every request runs this lookup: prepared once per database, it skips re-planning the join.
const preparedSessionQueries = new WeakMap<Db, ReturnType<typeof sessionQuery>>();

export async function actorFromSession(db: Db, vendorId: number, secret: string): Promise<Actor | null> {
  const id = sha256(secret);
  let query = preparedSessionQueries.get(db);
  if (!query) {
    query = sessionQuery(db);
    preparedSessionQueries.set(db, query);
  }
  const [row] = await query.execute({ vendorId, id });
  return row ? toActor(row, 'session', { id, csrf: row.csrf }) : null;
}

function tokenQuery(db: Db) {
  return db
    .select({ ...actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(agents, and(eq(agents.vendorId, apiTokens.vendorId), eq(agents.id, apiTokens.agentId)))
    .innerJoin(vendors, eq(vendors.id, agents.vendorId))
    .leftJoin(roles, and(eq(roles.vendorId, agents.vendorId), eq(roles.id, agents.roleId)))
    .where(
      and(
        eq(apiTokens.vendorId, sql.placeholder('vendorId')),
        eq(apiTokens.secretHash, sql.placeholder('hash')),
      ),
    )
    .prepare('actor_from_token');
}
const preparedTokenQueries = new WeakMap<Db, ReturnType<typeof tokenQuery>>();

export async function actorFromToken(db: Db, vendorId: number, secret: string): Promise<Actor | null> {
  let query = preparedTokenQueries.get(db);
  if (!query) {
    query = tokenQuery(db);
    preparedTokenQueries.set(db, query);
  }
  const [row] = await query.execute({ vendorId, hash: sha256(secret) });
  if (!row) return null;
  // Record use at most once a minute so token-authenticated reads stay reads.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiTokens.vendorId, vendorId), eq(apiTokens.id, row.tokenId)));
  }
  return toActor(row, 'token', null);
}
