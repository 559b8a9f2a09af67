import type { DataScope, Permission } from '@yidan/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError } from '../../platform/http/errors.js';
import { roles } from './schema.js';

const roleColumns = {
  id: roles.id,
  name: roles.name,
  description: roles.description,
  permissions: roles.permissions,
  dataScope: roles.dataScope,
  system: roles.system,
  // Qualified by hand: Drizzle renders columns inside select-list SQL without their table.
  agentCount: sql<number>`(select count(*)::int from agents a where a.vendor_id = "roles"."vendor_id" and a.role_id = "roles"."id")`,
};

export async function listRoles(db: Db, vendorId: number) {
  return db.select(roleColumns).from(roles).where(eq(roles.vendorId, vendorId)).orderBy(asc(roles.id));
}

export async function getRole(db: Db, vendorId: number, id: number) {
  const [row] = await db
    .select(roleColumns)
    .from(roles)
    .where(and(eq(roles.vendorId, vendorId), eq(roles.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

export interface RoleInput {
  name: string;
  description?: string | undefined;
  permissions: string[];
  dataScope: DataScope;
}

/** Nobody hands out a permission they do not hold themselves (administrators hold all). */
function assertNoEscalation(actor: Actor, permissions: string[] | undefined) {
  if (!permissions || actor.roleSystem === 'admin') return;
  if (permissions.some((p) => !actor.permissions.has(p as Permission))) throw new AppError('forbidden');
}

const mapUnique = (name: string | undefined) => (err: unknown) => {
  if (isUniqueViolation(err))
    throw new AppError('name_taken', { name: name ?? '' }, [{ path: 'body.name', message: 'taken' }]);
  throw err;
};

export async function createRole(db: Db, actor: Actor, input: RoleInput) {
  assertNoEscalation(actor, input.permissions);
  const [row] = await db
    .insert(roles)
    .values({
      vendorId: actor.vendorId,
      name: input.name,
      description: input.description ?? null,
      permissions: [...new Set(input.permissions)],
      dataScope: input.dataScope,
    })
    .returning({ id: roles.id })
    .catch(mapUnique(input.name));
  return getRole(db, actor.vendorId, row!.id);
}

export async function updateRole(db: Db, actor: Actor, id: number, patch: Partial<RoleInput>) {
  const current = await getRole(db, actor.vendorId, id);
  if (current.system === 'admin' && (patch.permissions || patch.dataScope)) throw new AppError('system_role');
  if (id === actor.roleId && actor.roleSystem !== 'admin') throw new AppError('self_escalation');
  assertNoEscalation(actor, patch.permissions);
  const set: Partial<typeof roles.$inferInsert> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.permissions !== undefined) set.permissions = [...new Set(patch.permissions)];
  if (patch.dataScope !== undefined) set.dataScope = patch.dataScope;
  if (Object.keys(set).length) {
    await db
      .update(roles)
      .set(set)
      .where(and(eq(roles.vendorId, actor.vendorId), eq(roles.id, id)))
      .catch(mapUnique(patch.name));
  }
  return getRole(db, actor.vendorId, id);
}

export async function deleteRole(db: Db, vendorId: number, id: number) {
  const current = await getRole(db, vendorId, id);
  if (current.system) throw new AppError('system_role');
  if (current.agentCount > 0) throw new AppError('role_in_use');
  await db.delete(roles).where(and(eq(roles.vendorId, vendorId), eq(roles.id, id)));
}
