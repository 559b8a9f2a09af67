import type { ConditionSet } from '@yidan/contracts';
import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { type QueryVisibility, savedQueries } from './schema.js';

type Row = typeof savedQueries.$inferSelect;

/** Who may use a saved query: its owner, or everyone its visibility names. */
function visibleTo(actor: Actor, groupIds: number[]): SQL {
  const v = sql`${savedQueries.visibility}`;
  return or(
    eq(savedQueries.ownerAgentId, actor.agentId),
    sql`${v}->>'scope' = 'all'`,
    sql`${v}->>'scope' = 'agents' and ${v}->'agentIds' @> ${JSON.stringify([actor.agentId])}::jsonb`,
    groupIds.length
      ? sql`${v}->>'scope' = 'groups' and exists (select 1 from jsonb_array_elements(${v}->'groupIds') g
          where (g)::bigint in ${groupIds})`
      : undefined,
  )!;
}

export interface SavedQueryInput {
  entity: 'companies' | 'contacts';
  name: string;
  conditions: ConditionSet;
  visibility: QueryVisibility;
  sort?: string | null | undefined;
}

export async function listSavedQueries(
  db: Db,
  actor: Actor,
  groupIds: number[],
  entity: SavedQueryInput['entity'],
) {
  return db
    .select()
    .from(savedQueries)
    .where(
      and(
        eq(savedQueries.vendorId, actor.vendorId),
        eq(savedQueries.entity, entity),
        visibleTo(actor, groupIds),
      ),
    )
    .orderBy(asc(savedQueries.sortOrder), asc(savedQueries.id));
}

export async function getSavedQuery(db: Db, actor: Actor, groupIds: number[], id: number): Promise<Row> {
  const [row] = await db
    .select()
    .from(savedQueries)
    .where(
      and(eq(savedQueries.vendorId, actor.vendorId), eq(savedQueries.id, id), visibleTo(actor, groupIds)),
    );
  if (!row) throw new AppError('not_found');
  return row;
}

/** Sharing beyond oneself is for those who manage the list's settings. */
function assertMayShare(visibility: QueryVisibility | undefined, mayShare: boolean) {
  if (visibility && visibility.scope !== 'me' && !mayShare) throw new AppError('forbidden');
}

export async function createSavedQuery(db: Db, actor: Actor, input: SavedQueryInput, mayShare: boolean) {
  assertMayShare(input.visibility, mayShare);
  const [row] = await db
    .insert(savedQueries)
    .values({ vendorId: actor.vendorId, ownerAgentId: actor.agentId, ...input, sort: input.sort ?? null })
    .returning();
  return row!;
}

/** Only the owner, or someone who manages the settings, edits or deletes a saved query. */
async function editable(db: Db, actor: Actor, groupIds: number[], id: number, mayShare: boolean) {
  const row = await getSavedQuery(db, actor, groupIds, id);
  if (row.ownerAgentId !== actor.agentId && !mayShare) throw new AppError('forbidden');
  return row;
}

export async function updateSavedQuery(
  db: Db,
  actor: Actor,
  groupIds: number[],
  id: number,
  patch: Partial<Omit<SavedQueryInput, 'entity'>>,
  mayShare: boolean,
) {
  await editable(db, actor, groupIds, id, mayShare);
  assertMayShare(patch.visibility, mayShare);
  const [row] = await db
    .update(savedQueries)
    .set(patch)
    .where(and(eq(savedQueries.vendorId, actor.vendorId), eq(savedQueries.id, id)))
    .returning();
  return row!;
}

export async function deleteSavedQuery(
  db: Db,
  actor: Actor,
  groupIds: number[],
  id: number,
  mayShare: boolean,
) {
  await editable(db, actor, groupIds, id, mayShare);
  await db
    .delete(savedQueries)
    .where(and(eq(savedQueries.vendorId, actor.vendorId), eq(savedQueries.id, id)));
}

export function presentSavedQuery(r: Row) {
  return {
    id: r.id,
    entity: r.entity,
    name: r.name,
    conditions: r.conditions,
    visibility: r.visibility,
    sort: r.sort,
    ownerAgentId: r.ownerAgentId,
    createdAt: r.createdAt.toISOString(),
  };
}
