import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { cachedForVendor, invalidateVendorCache } from '../../platform/cache/vendorCache.js';
import type { Db } from '../../platform/db/client.js';
import { isForeignKeyViolation } from '../../platform/db/errors.js';
import { AppError } from '../../platform/http/errors.js';
import { groupMembers, groups } from './schema.js';

export interface GroupView {
  id: number;
  name: string;
  parentId: number | null;
  sortOrder: number;
  memberIds: number[];
  supervisorIds: number[];
}

export async function listGroups(db: Db, vendorId: number): Promise<GroupView[]> {
  const rows = await db
    .select()
    .from(groups)
    .where(eq(groups.vendorId, vendorId))
    .orderBy(asc(groups.sortOrder), asc(groups.id));
  const members = await db.select().from(groupMembers).where(eq(groupMembers.vendorId, vendorId));
  return rows.map((g) => {
    const mine = members.filter((m) => m.groupId === g.id);
    return {
      id: g.id,
      name: g.name,
      parentId: g.parentId,
      sortOrder: g.sortOrder,
      memberIds: mine.map((m) => m.agentId).sort((a, b) => a - b),
      supervisorIds: mine
        .filter((m) => m.supervisor)
        .map((m) => m.agentId)
        .sort((a, b) => a - b),
    };
  });
}

export async function getGroup(db: Db, vendorId: number, id: number) {
  const found = (await listGroups(db, vendorId)).find((g) => g.id === id);
  if (!found) throw new AppError('not_found');
  return found;
}

async function assertParent(
  db: Db,
  vendorId: number,
  id: number | null,
  parentId: number | null | undefined,
) {
  if (parentId == null) return;
  const all = await db
    .select({ id: groups.id, parentId: groups.parentId })
    .from(groups)
    .where(eq(groups.vendorId, vendorId));
  const byId = new Map(all.map((g) => [g.id, g.parentId]));
  if (!byId.has(parentId)) {
    throw new AppError('reference_not_found', { entity: '上级分组' }, [
      { path: 'body.parentId', message: 'not_found' },
    ]);
  }
  // Walk up from the new parent: meeting the group itself means a cycle.
  for (let at: number | null | undefined = parentId, steps = 0; at != null && steps <= all.length; steps++) {
    if (at === id) throw new AppError('group_cycle', {}, [{ path: 'body.parentId', message: 'cycle' }]);
    at = byId.get(at);
  }
}

/** The cache kind of a vendor's group memberships (agent → groups), read on every ticket request. */
export const GROUP_MEMBERSHIPS = 'groupMemberships';

/** The groups an agent belongs to, through the per-vendor cache (membership writes invalidate it). */
export async function agentGroupIds(db: Db, vendorId: number, agentId: number): Promise<number[]> {
  const byAgent = await cachedForVendor(GROUP_MEMBERSHIPS, vendorId, async () => {
    const rows = await db
      .select({ agentId: groupMembers.agentId, groupId: groupMembers.groupId })
      .from(groupMembers)
      .where(eq(groupMembers.vendorId, vendorId));
    const map = new Map<number, number[]>();
    for (const r of rows) map.set(r.agentId, [...(map.get(r.agentId) ?? []), r.groupId]);
    return map;
  });
  return byAgent.get(agentId) ?? [];
}

async function setMembers(
  db: Db,
  vendorId: number,
  groupId: number,
  memberIds: number[],
  supervisorIds: number[],
) {
  await db
    .delete(groupMembers)
    .where(and(eq(groupMembers.vendorId, vendorId), eq(groupMembers.groupId, groupId)));
  const ids = [...new Set([...memberIds, ...supervisorIds])];
  if (ids.length) {
    await db
      .insert(groupMembers)
      .values(
        ids.map((agentId) => ({ vendorId, groupId, agentId, supervisor: supervisorIds.includes(agentId) })),
      );
  }
  invalidateVendorCache(GROUP_MEMBERSHIPS, vendorId);
}

const mapFk = (err: unknown): never => {
  if (isForeignKeyViolation(err)) throw new AppError('reference_not_found', { entity: '客服' });
  throw err;
};

export interface GroupInput {
  name: string;
  parentId?: number | null | undefined;
  memberIds?: number[] | undefined;
  supervisorIds?: number[] | undefined;
}

export async function createGroup(db: Db, vendorId: number, input: GroupInput) {
  await assertParent(db, vendorId, null, input.parentId);
  const id = await db
    .transaction(async (tx) => {
      const parent = input.parentId ?? null;
      const [{ next } = { next: 0 }] = await tx
        .select({ next: sql<number>`coalesce(max(${groups.sortOrder}) + 1, 0)::int` })
        .from(groups)
        .where(
          and(
            eq(groups.vendorId, vendorId),
            parent == null ? isNull(groups.parentId) : eq(groups.parentId, parent),
          ),
        );
      const [row] = await tx
        .insert(groups)
        .values({ vendorId, name: input.name, parentId: parent, sortOrder: next })
        .returning({ id: groups.id });
      await setMembers(tx, vendorId, row!.id, input.memberIds ?? [], input.supervisorIds ?? []);
      return row!.id;
    })
    .catch(mapFk);
  return getGroup(db, vendorId, id);
}

export async function updateGroup(db: Db, vendorId: number, id: number, patch: Partial<GroupInput>) {
  const current = await getGroup(db, vendorId, id);
  await assertParent(db, vendorId, id, patch.parentId);
  await db
    .transaction(async (tx) => {
      const set: Partial<typeof groups.$inferInsert> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.parentId !== undefined) set.parentId = patch.parentId;
      if (Object.keys(set).length) {
        await tx
          .update(groups)
          .set(set)
          .where(and(eq(groups.vendorId, vendorId), eq(groups.id, id)));
      }
      if (patch.memberIds !== undefined || patch.supervisorIds !== undefined) {
        await setMembers(
          tx,
          vendorId,
          id,
          patch.memberIds ?? current.memberIds,
          patch.supervisorIds ?? current.supervisorIds,
        );
      }
    })
    .catch(mapFk);
  return getGroup(db, vendorId, id);
}

export async function deleteGroup(db: Db, vendorId: number, id: number) {
  await getGroup(db, vendorId, id);
  const children = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.vendorId, vendorId), eq(groups.parentId, id)))
    .limit(1);
  if (children.length) throw new AppError('group_has_children');
  await db.delete(groups).where(and(eq(groups.vendorId, vendorId), eq(groups.id, id)));
  invalidateVendorCache(GROUP_MEMBERSHIPS, vendorId);
}

/** Drag-to-reorder: sets the order of siblings; every id must already sit under `parentId`. */
export async function reorderGroups(db: Db, vendorId: number, parentId: number | null, orderedIds: number[]) {
  const siblings = await db
    .select({ id: groups.id })
    .from(groups)
    .where(
      and(
        eq(groups.vendorId, vendorId),
        inArray(groups.id, orderedIds),
        parentId == null ? isNull(groups.parentId) : eq(groups.parentId, parentId),
      ),
    );
  if (siblings.length !== new Set(orderedIds).size) throw new AppError('not_found');
  await db.transaction(async (tx) => {
    for (const [index, id] of orderedIds.entries()) {
      await tx
        .update(groups)
        .set({ sortOrder: index })
        .where(and(eq(groups.vendorId, vendorId), eq(groups.id, id)));
    }
  });
  return listGroups(db, vendorId);
}
