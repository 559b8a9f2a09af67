import type { FieldDefinition } from '@yidan/contracts';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import type { Writer } from '../../platform/fields/values.js';
import { getCustomerSettingsCached } from '../customers/settings.js';
import { listFieldsCached } from '../fields/service.js';
import { agentGroupIds } from '../org/groups.js';
import { groupMembers } from '../org/schema.js';
import { type TicketRow, tickets } from './schema.js';

/** What every ticket operation needs to know about the caller, loaded once per request. */
export interface TicketContext {
  actor: Actor;
  groupIds: number[];
  /** Privacy mode: phone numbers masked in everything this caller gets. */
  masked: boolean;
  fields: FieldDefinition[];
  writer: Writer;
}

/** One context per actor (an actor is made per request), however often a request asks. */
const contexts = new WeakMap<Actor, Promise<TicketContext>>();

export function ticketContext(db: Db, actor: Actor): Promise<TicketContext> {
  let context = contexts.get(actor);
  if (!context) {
    context = loadTicketContext(db, actor);
    contexts.set(actor, context);
    context.catch(() => contexts.delete(actor));
  }
  return context;
}

async function loadTicketContext(db: Db, actor: Actor): Promise<TicketContext> {
  const [settings, fields, memberships] = await Promise.all([
    getCustomerSettingsCached(db, actor.vendorId),
    listFieldsCached(db, actor.vendorId, 'ticket'),
    agentGroupIds(db, actor.vendorId, actor.agentId),
  ]);
  const isAdmin = actor.roleSystem === 'admin';
  const groupIds = memberships;
  return {
    actor,
    groupIds,
    masked: settings.privacyMode && !(isAdmin && settings.privacyAdminsSeeFull),
    fields,
    writer: { agentId: actor.agentId, groupIds, isAdmin },
  };
}

/**
 * The tickets a caller may see by their role's data scope: all; their groups' (assigned to one
 * of their groups or to a member of one); or their own (assigned to, created by or CC'd to them).
 * Tickets CC'd to the caller or their groups are always visible.
 */
export function ticketScope(ctx: Pick<TicketContext, 'actor' | 'groupIds'>): SQL | undefined {
  const { actor, groupIds } = ctx;
  if (actor.dataScope === 'all') return undefined;
  const own = [
    eq(tickets.assigneeId, actor.agentId),
    eq(tickets.creatorAgentId, actor.agentId),
    sql`${tickets.ccAgentIds} @> array[${actor.agentId}]::bigint[]`,
  ];
  if (groupIds.length === 0) return or(...own);
  const groupArray = sql`array[${sql.join(
    groupIds.map((g) => sql`${g}`),
    sql`, `,
  )}]::bigint[]`;
  const mine = [...own, sql`${tickets.ccGroupIds} && ${groupArray}`];
  if (actor.dataScope === 'own') return or(...mine);
  return or(
    ...mine,
    inArray(tickets.groupId, groupIds),
    sql`${tickets.assigneeId} in (select gm.agent_id from group_members gm where gm.vendor_id = ${actor.vendorId} and gm.group_id in ${groupIds})`,
  );
}

/** The same rule in memory, for a ticket already loaded. */
export async function canSeeTicket(db: Db, ctx: TicketContext, t: TicketRow): Promise<boolean> {
  const { actor, groupIds } = ctx;
  if (actor.dataScope === 'all') return true;
  if (t.assigneeId === actor.agentId || t.creatorAgentId === actor.agentId) return true;
  if (t.ccAgentIds.includes(actor.agentId) || t.ccGroupIds.some((g) => groupIds.includes(g))) return true;
  if (actor.dataScope === 'own' || groupIds.length === 0) return false;
  if (t.groupId !== null && groupIds.includes(t.groupId)) return true;
  if (t.assigneeId === null) return false;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.vendorId, actor.vendorId),
        eq(groupMembers.agentId, t.assigneeId),
        inArray(groupMembers.groupId, groupIds),
      ),
    )
    .limit(1);
  return Boolean(row);
}
