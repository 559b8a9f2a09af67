import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/errors.js';
import { AppError } from '../../platform/http/errors.js';
import { type CustomerContext, companyScope } from './context.js';
import { companies, customerGroups } from './schema.js';

const columns = {
  id: customerGroups.id,
  name: customerGroups.name,
  parentId: customerGroups.parentId,
  sortOrder: customerGroups.sortOrder,
  companyCount: sql<number>`(select count(*)::int from companies c where c.vendor_id = "customer_groups"."vendor_id" and c.group_id = "customer_groups"."id")`,
};

/** 客户组: a tree of customer groups with their company counts. */
export async function listCustomerGroups(db: Db, vendorId: number) {
  return db
    .select(columns)
    .from(customerGroups)
    .where(eq(customerGroups.vendorId, vendorId))
    .orderBy(asc(customerGroups.sortOrder), asc(customerGroups.id));
}

/** The tree as a caller sees it: company counts only over the companies in their data scope. */
export async function listCustomerGroupsFor(db: Db, ctx: CustomerContext) {
  const vendorId = ctx.actor.vendorId;
  const [groups, counts] = await Promise.all([
    listCustomerGroups(db, vendorId),
    db
      .select({ groupId: companies.groupId, n: sql<number>`count(*)::int` })
      .from(companies)
      .where(and(eq(companies.vendorId, vendorId), isNotNull(companies.groupId), companyScope(ctx)))
      .groupBy(companies.groupId),
  ]);
  const byGroup = new Map(counts.map((c) => [c.groupId, c.n]));
  return groups.map((g) => ({ ...g, companyCount: byGroup.get(g.id) ?? 0 }));
}

async function getCustomerGroup(db: Db, vendorId: number, id: number) {
  const [row] = await db
    .select(columns)
    .from(customerGroups)
    .where(and(eq(customerGroups.vendorId, vendorId), eq(customerGroups.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

const mapErrors = (err: unknown): never => {
  if (isForeignKeyViolation(err)) {
    throw new AppError('reference_not_found', { entity: '上级客户组' }, [
      { path: 'body.parentId', message: 'not_found' },
    ]);
  }
  if (isUniqueViolation(err)) throw new AppError('name_taken', { name: '' });
  throw err;
};

export async function createCustomerGroup(
  db: Db,
  vendorId: number,
  input: { name: string; parentId?: number | null | undefined },
) {
  const parentId = input.parentId ?? null;
  const [{ next } = { next: 0 }] = await db
    .select({ next: sql<number>`coalesce(max(${customerGroups.sortOrder}) + 1, 0)::int` })
    .from(customerGroups)
    .where(
      and(
        eq(customerGroups.vendorId, vendorId),
        parentId == null ? isNull(customerGroups.parentId) : eq(customerGroups.parentId, parentId),
      ),
    );
  const [row] = await db
    .insert(customerGroups)
    .values({ vendorId, name: input.name, parentId, sortOrder: next })
    .returning({ id: customerGroups.id })
    .catch(mapErrors);
  return getCustomerGroup(db, vendorId, row!.id);
}

export async function updateCustomerGroup(
  db: Db,
  vendorId: number,
  id: number,
  patch: { name?: string | undefined; parentId?: number | null | undefined },
) {
  await getCustomerGroup(db, vendorId, id);
  if (patch.parentId != null) {
    // Walk up from the new parent: meeting this group means a cycle.
    const all = await listCustomerGroups(db, vendorId);
    const parentOf = new Map(all.map((g) => [g.id, g.parentId]));
    for (let at: number | null | undefined = patch.parentId, n = 0; at != null && n <= all.length; n++) {
      if (at === id) throw new AppError('group_cycle', {}, [{ path: 'body.parentId', message: 'cycle' }]);
      at = parentOf.get(at);
    }
  }
  const set: Partial<typeof customerGroups.$inferInsert> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.parentId !== undefined) set.parentId = patch.parentId;
  if (Object.keys(set).length) {
    await db
      .update(customerGroups)
      .set(set)
      .where(and(eq(customerGroups.vendorId, vendorId), eq(customerGroups.id, id)))
      .catch(mapErrors);
  }
  return getCustomerGroup(db, vendorId, id);
}

/** Deleting a group leaves its companies ungrouped; sub-groups must go first. */
export async function deleteCustomerGroup(db: Db, vendorId: number, id: number) {
  await getCustomerGroup(db, vendorId, id);
  const [child] = await db
    .select({ id: customerGroups.id })
    .from(customerGroups)
    .where(and(eq(customerGroups.vendorId, vendorId), eq(customerGroups.parentId, id)))
    .limit(1);
  if (child) throw new AppError('group_has_children');
  await db.transaction(async (tx) => {
    await tx
      .update(companies)
      .set({ groupId: null })
      .where(and(eq(companies.vendorId, vendorId), eq(companies.groupId, id)));
    await tx
      .delete(customerGroups)
      .where(and(eq(customerGroups.vendorId, vendorId), eq(customerGroups.id, id)));
  });
}
