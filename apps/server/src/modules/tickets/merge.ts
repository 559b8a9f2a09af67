import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { localTime } from '../calendar/clock.js';
import { agents, groups } from '../org/schema.js';
import type { TicketContext } from './context.js';
import { serviceRecords, type TicketRow, tickets } from './schema.js';
import { authorOf, changeTicket, lockTicket, type TicketDeps } from './service.js';
import { sanitizeRichText } from './text.js';
import { appendTicketEvent } from './timeline.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Same customer: the same contact, or the same company when both tickets have one. */
function sameCustomer(a: TicketRow, b: TicketRow): boolean {
  if (a.contactId !== null && a.contactId === b.contactId) return true;
  return a.companyId !== null && a.companyId === b.companyId;
}

/** Contract limits on a ticket's lists; a merge never grows a target past them. */
const MAX_TAGS = 50;
const MAX_CC_AGENTS = 50;
const MAX_CC_GROUPS = 20;

/**
 * 工单合并 (manual 5.2.3): the source ticket is closed and points at the target; its service
 * records, tags and CCs move to the target; both timelines say who merged what into which ticket
 * and when. One transaction, both tickets locked in id order so two opposite merges cannot deadlock.
 */
export async function mergeTicket(
  deps: TicketDeps,
  ctx: TicketContext,
  sourceId: number,
  input: { targetId: number; note?: string },
): Promise<{ source: TicketRow; target: TicketRow }> {
  const { targetId } = input;
  if (sourceId === targetId) throw new AppError('ticket_merge_same');
  const vendorId = ctx.actor.vendorId;
  const author = authorOf(ctx);
  const result = await deps.db.transaction(async (tx) => {
    const locked = new Map<number, TicketRow>();
    for (const id of [sourceId, targetId].sort((x, y) => x - y))
      locked.set(id, await lockTicket(tx, ctx, id));
    const source = locked.get(sourceId)!;
    let target = locked.get(targetId)!;
    if (!sameCustomer(source, target)) throw new AppError('ticket_merge_customer');

    const body = mergeNote(ctx, source, target, input.note);
    const closed = await changeTicket(tx, ctx, source, { status: 'closed' });
    const [merged] = await tx
      .update(tickets)
      .set({ mergedIntoId: targetId, updatedAt: new Date(), version: sql`${tickets.version} + 1` })
      .where(and(eq(tickets.vendorId, vendorId), eq(tickets.id, sourceId)))
      .returning();
    await appendTicketEvent(tx, vendorId, author, {
      ticketId: sourceId,
      kind: 'merged',
      body,
      relatedTicketId: targetId,
    });

    const moved = await tx
      .update(serviceRecords)
      .set({ ticketId: targetId })
      .where(and(eq(serviceRecords.vendorId, vendorId), eq(serviceRecords.ticketId, sourceId)))
      .returning({ id: serviceRecords.id });
    const combined = await combinedLists(tx, vendorId, source, target);
    const changed = await changeTicket(tx, ctx, target, combined);
    target = changed.row;
    await appendTicketEvent(tx, vendorId, author, {
      ticketId: targetId,
      kind: 'merged_from',
      body: moved.length ? `${body}<p>转入服务记录 ${moved.length} 条</p>` : body,
      relatedTicketId: sourceId,
    });
    return {
      source: merged ?? closed.row,
      target,
      sourceChanges: [...closed.changes, { field: 'mergedIntoId', from: null, to: targetId }],
      targetChanges: changed.changes,
    };
  });
  deps.events.emit('ticket.changed', {
    vendorId,
    ticketId: sourceId,
    kind: 'merged',
    changes: result.sourceChanges,
    author,
  });
  deps.events.emit('ticket.changed', {
    vendorId,
    ticketId: targetId,
    kind: 'merged',
    changes: result.targetChanges,
    author,
  });
  return { source: result.source, target: result.target };
}

/** "客服「张三」于 2026-01-05 10:00 将工单 #12 合并到工单 #15", plus the agent's note. */
function mergeNote(ctx: TicketContext, source: TicketRow, target: TicketRow, note?: string): string {
  const at = localTime(new Date(), ctx.actor.vendor.timeZone);
  const line = `<p>客服「${escapeHtml(ctx.actor.name)}」于 ${at.date} ${at.time} 将工单 #${source.number} 合并到工单 #${target.number}</p>`;
  const extra = note ? sanitizeRichText(note) : '';
  return extra ? `${line}${extra.startsWith('<') ? extra : `<p>${extra}</p>`}` : line;
}

/** The target's tags and CCs with the source's added (CC'd agents disabled or groups deleted since are left out). */
async function combinedLists(tx: Db, vendorId: number, source: TicketRow, target: TicketRow) {
  const extraAgents = source.ccAgentIds.filter((id) => !target.ccAgentIds.includes(id));
  const extraGroups = source.ccGroupIds.filter((id) => !target.ccGroupIds.includes(id));
  const [liveAgents, liveGroups] = await Promise.all([
    extraAgents.length
      ? tx
          .select({ id: agents.id })
          .from(agents)
          .where(
            and(eq(agents.vendorId, vendorId), inArray(agents.id, extraAgents), eq(agents.enabled, true)),
          )
      : [],
    extraGroups.length
      ? tx
          .select({ id: groups.id })
          .from(groups)
          .where(and(eq(groups.vendorId, vendorId), inArray(groups.id, extraGroups)))
      : [],
  ]);
  const live = (rows: { id: number }[]) => new Set(rows.map((r) => r.id));
  const agentOk = live(liveAgents);
  const groupOk = live(liveGroups);
  const upTo = (list: unknown[], max: number) => Math.max(max, list.length);
  const addAgents = extraAgents.filter((id) => agentOk.has(id));
  const addGroups = extraGroups.filter((id) => groupOk.has(id));
  const addTags = source.tags.filter((t) => !target.tags.includes(t));
  // Only lists that gain something are sent, so the target's own entries are not re-validated.
  return {
    ...(addTags.length ? { tags: [...target.tags, ...addTags].slice(0, upTo(target.tags, MAX_TAGS)) } : {}),
    ...(addAgents.length
      ? { ccAgentIds: [...target.ccAgentIds, ...addAgents].slice(0, upTo(target.ccAgentIds, MAX_CC_AGENTS)) }
      : {}),
    ...(addGroups.length
      ? { ccGroupIds: [...target.ccGroupIds, ...addGroups].slice(0, upTo(target.ccGroupIds, MAX_CC_GROUPS)) }
      : {}),
  };
}
