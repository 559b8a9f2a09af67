import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { revokeSessions } from '../../platform/auth/service.js';
import { invalidateVendorCache } from '../../platform/cache/vendorCache.js';
import type { Db } from '../../platform/db/client.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/errors.js';
import { AppError } from '../../platform/http/errors.js';
import { GROUP_MEMBERSHIPS } from './groups.js';
import { agents, groupMembers, roles } from './schema.js';

export type AgentRow = typeof agents.$inferSelect & { groupIds: number[] };

const agentColumns = {
  vendorId: agents.vendorId,
  id: agents.id,
  account: agents.account,
  name: agents.name,
  passwordHash: agents.passwordHash,
  employeeNo: agents.employeeNo,
  mobile: agents.mobile,
  email: agents.email,
  tags: agents.tags,
  maxChats: agents.maxChats,
  grants: agents.grants,
  roleId: agents.roleId,
  enabled: agents.enabled,
  available: agents.available,
  createdAt: agents.createdAt,
  updatedAt: agents.updatedAt,
  groupIds: sql<number[]>`coalesce((select array_agg(gm.group_id order by gm.group_id) from group_members gm
    where gm.vendor_id = "agents"."vendor_id" and gm.agent_id = "agents"."id"), '{}')`.mapWith((v: unknown) =>
    (Array.isArray(v) ? v : []).map(Number),
  ),
};

export async function listAgents(
  db: Db,
  vendorId: number,
  filter: { q?: string | undefined; groupId?: number | undefined; enabled?: boolean | undefined } = {},
): Promise<AgentRow[]> {
  const conditions = [eq(agents.vendorId, vendorId)];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(agents.account, like), ilike(agents.name, like), ilike(agents.employeeNo, like))!,
    );
  }
  if (filter.enabled !== undefined) conditions.push(eq(agents.enabled, filter.enabled));
  if (filter.groupId) {
    conditions.push(
      sql`exists (select 1 from group_members gm where gm.vendor_id = "agents"."vendor_id"
        and gm.agent_id = "agents"."id" and gm.group_id = ${filter.groupId})`,
    );
  }
  return db
    .select(agentColumns)
    .from(agents)
    .where(and(...conditions))
    .orderBy(asc(agents.id));
}

export async function getAgent(db: Db, vendorId: number, id: number): Promise<AgentRow> {
  const [row] = await db
    .select(agentColumns)
    .from(agents)
    .where(and(eq(agents.vendorId, vendorId), eq(agents.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function isAccountAvailable(db: Db, vendorId: number, account: string) {
  const rows = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.vendorId, vendorId), sql`lower(${agents.account}) = ${account.toLowerCase()}`));
  return rows.length === 0;
}

async function roleOf(db: Db, vendorId: number, roleId: number) {
  const [role] = await db
    .select()
    .from(roles)
    .where(and(eq(roles.vendorId, vendorId), eq(roles.id, roleId)));
  if (!role)
    throw new AppError('reference_not_found', { entity: '角色' }, [
      { path: 'body.roleId', message: 'not_found' },
    ]);
  return role;
}

/** Only an administrator may hand out the administrator role. */
async function assertMayAssignRole(db: Db, actor: Actor, roleId: number | null | undefined) {
  if (roleId == null) return;
  const role = await roleOf(db, actor.vendorId, roleId);
  if (role.system === 'admin' && actor.roleSystem !== 'admin') throw new AppError('forbidden');
}

async function setGroups(db: Db, vendorId: number, agentId: number, groupIds: number[]) {
  await db
    .delete(groupMembers)
    .where(
      and(
        eq(groupMembers.vendorId, vendorId),
        eq(groupMembers.agentId, agentId),
        groupIds.length ? sql`${groupMembers.groupId} not in ${groupIds}` : sql`true`,
      ),
    );
  if (groupIds.length) {
    await db
      .insert(groupMembers)
      .values([...new Set(groupIds)].map((groupId) => ({ vendorId, groupId, agentId })))
      .onConflictDoNothing();
  }
  invalidateVendorCache(GROUP_MEMBERSHIPS, vendorId);
}

function mapWriteError(err: unknown, account?: string): never {
  if (isUniqueViolation(err)) throw new AppError('account_taken', { account: account ?? '' });
  if (isForeignKeyViolation(err)) throw new AppError('reference_not_found', { entity: '分组或角色' });
  throw err;
}

export interface AgentInput {
  account: string;
  name: string;
  password: string;
  roleId?: number | undefined;
  groupIds?: number[] | undefined;
  grants: string[];
  employeeNo?: string | undefined;
  mobile?: string | undefined;
  email?: string | undefined;
  tags?: string[] | undefined;
  maxChats?: number | undefined;
}

export async function createAgent(db: Db, actor: Actor, input: AgentInput): Promise<AgentRow> {
  await assertMayAssignRole(db, actor, input.roleId);
  if (!(await isAccountAvailable(db, actor.vendorId, input.account))) {
    throw new AppError('account_taken', { account: input.account }, [
      { path: 'body.account', message: 'taken' },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  const id = await db
    .transaction(async (tx) => {
      const roleId =
        input.roleId ??
        (
          await tx
            .select({ id: roles.id })
            .from(roles)
            .where(and(eq(roles.vendorId, actor.vendorId), eq(roles.system, 'agent')))
        )[0]?.id ??
        null;
      const [row] = await tx
        .insert(agents)
        .values({
          vendorId: actor.vendorId,
          account: input.account,
          name: input.name,
          passwordHash,
          roleId,
          grants: [...new Set(input.grants)],
          employeeNo: input.employeeNo ?? null,
          mobile: input.mobile ?? null,
          email: input.email ?? null,
          tags: input.tags ?? [],
          maxChats: input.maxChats ?? 5,
        })
        .returning({ id: agents.id });
      await setGroups(tx, actor.vendorId, row!.id, input.groupIds ?? []);
      return row!.id;
    })
    .catch((err) => mapWriteError(err, input.account));
  return getAgent(db, actor.vendorId, id);
}

export type AgentPatch = Partial<{
  name: string;
  password: string;
  roleId: number | null;
  groupIds: number[];
  grants: string[];
  employeeNo: string | null;
  mobile: string | null;
  email: string | null;
  tags: string[];
  maxChats: number;
  enabled: boolean;
  available: boolean;
}>;

async function countOtherEnabledAdmins(db: Db, vendorId: number, exceptId: number) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(agents)
    .innerJoin(roles, and(eq(roles.vendorId, agents.vendorId), eq(roles.id, agents.roleId)))
    .where(
      and(
        eq(agents.vendorId, vendorId),
        eq(roles.system, 'admin'),
        eq(agents.enabled, true),
        sql`${agents.id} <> ${exceptId}`,
      ),
    );
  return row?.n ?? 0;
}

export async function updateAgent(db: Db, actor: Actor, id: number, patch: AgentPatch): Promise<AgentRow> {
  const current = await getAgent(db, actor.vendorId, id);
  const self = id === actor.agentId;
  if (self && (patch.roleId !== undefined || patch.grants !== undefined || patch.enabled !== undefined)) {
    throw new AppError('self_escalation');
  }
  await assertMayAssignRole(db, actor, patch.roleId);
  const currentRole = current.roleId ? await roleOf(db, actor.vendorId, current.roleId) : null;
  if (currentRole?.system === 'admin') {
    if (actor.roleSystem !== 'admin') throw new AppError('forbidden');
    const demoted = patch.roleId !== undefined && patch.roleId !== current.roleId;
    if (
      (demoted || patch.enabled === false) &&
      (await countOtherEnabledAdmins(db, actor.vendorId, id)) === 0
    ) {
      throw new AppError('last_admin');
    }
  }
  const { password, groupIds, ...fields } = patch;
  const passwordHash = password ? await hashPassword(password) : undefined;
  await db
    .transaction(async (tx) => {
      const set = {
        ...fields,
        ...(fields.grants ? { grants: [...new Set(fields.grants)] } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        updatedAt: sql`now()`,
      };
      await tx
        .update(agents)
        .set(set)
        .where(and(eq(agents.vendorId, actor.vendorId), eq(agents.id, id)));
      if (groupIds) await setGroups(tx, actor.vendorId, id, groupIds);
      // A reset password or a disabled account ends the agent's sessions.
      if ((passwordHash && !self) || patch.enabled === false) await revokeSessions(tx, actor.vendorId, id);
    })
    .catch((err) => mapWriteError(err));
  return getAgent(db, actor.vendorId, id);
}

/** Agents by id that exist in the vendor; for validating references from other modules. */
export async function existingAgentIds(db: Db, vendorId: number, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.vendorId, vendorId), inArray(agents.id, ids)));
  return rows.map((r) => r.id);
}
