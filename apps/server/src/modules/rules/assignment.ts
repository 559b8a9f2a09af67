import type { AutoAssignStrategy } from '@yidan/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { agents, groupMembers, groups } from '../org/schema.js';
import { tickets } from '../tickets/schema.js';
import { assignmentCursors } from './schema.js';

/** Members of a group who may take tickets now: enabled, 可接单 and holding the ticket grant (as assignees must). */
export async function availableGroupAgents(tx: Db, vendorId: number, groupId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: agents.id })
    .from(groupMembers)
    .innerJoin(agents, and(eq(agents.vendorId, groupMembers.vendorId), eq(agents.id, groupMembers.agentId)))
    .where(
      and(
        eq(groupMembers.vendorId, vendorId),
        eq(groupMembers.groupId, groupId),
        eq(agents.enabled, true),
        eq(agents.available, true),
        sql`'ticket' = any(${agents.grants})`,
      ),
    )
    .orderBy(asc(agents.id));
  return rows.map((r) => r.id);
}

/** Unresolved (new, open, pending) tickets assigned to each of the agents. */
async function unresolvedLoad(tx: Db, vendorId: number, agentIds: number[]): Promise<Map<number, number>> {
  const rows = await tx
    .select({ agentId: tickets.assigneeId, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(
      and(
        eq(tickets.vendorId, vendorId),
        inArray(tickets.assigneeId, agentIds),
        inArray(tickets.status, ['new', 'open', 'pending']),
      ),
    )
    .groupBy(tickets.assigneeId);
  return new Map(rows.map((r) => [r.agentId!, r.n]));
}

/**
 * 组内自动分配: picks the agent of a group a ticket goes to, or null when nobody in it is available.
 * least_load: fewest unresolved tickets (ties: lowest id); round_robin: the next available agent
 * after the one picked last, by id. The group's cursor row is locked until the transaction ends,
 * so concurrent assignments in one group are serialised and never read a stale load or turn.
 */
export async function pickGroupAgent(
  tx: Db,
  vendorId: number,
  groupId: number,
  strategy: AutoAssignStrategy,
): Promise<number | null> {
  const [group] = await tx
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.vendorId, vendorId), eq(groups.id, groupId)));
  if (!group) return null;
  await tx.insert(assignmentCursors).values({ vendorId, groupId }).onConflictDoNothing();
  const [cursor] = await tx
    .select()
    .from(assignmentCursors)
    .where(and(eq(assignmentCursors.vendorId, vendorId), eq(assignmentCursors.groupId, groupId)))
    .for('update');
  const members = await availableGroupAgents(tx, vendorId, groupId);
  if (members.length === 0) return null;
  let chosen: number;
  if (strategy === 'round_robin') {
    const last = cursor?.lastAgentId ?? 0;
    chosen = members.find((id) => id > last) ?? members[0]!;
  } else {
    const load = await unresolvedLoad(tx, vendorId, members);
    chosen = members.reduce((best, id) => ((load.get(id) ?? 0) < (load.get(best) ?? 0) ? id : best));
  }
  await tx
    .update(assignmentCursors)
    .set({ lastAgentId: chosen, updatedAt: new Date() })
    .where(and(eq(assignmentCursors.vendorId, vendorId), eq(assignmentCursors.groupId, groupId)));
  return chosen;
}
