import type { TicketChange, WorkflowEdge, WorkflowNode } from '@yidan/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { ConditionError } from '../../platform/rules/errors.js';
import { prepareEvaluator } from '../../platform/rules/evaluate.js';
import { addBusinessMinutes } from '../calendar/businessTime.js';
import type { NotificationValue } from '../rules/actions.js';
import { vendorCalendar } from '../rules/automationConditions.js';
import { relationsOf } from '../rules/engine.js';
import { fireRule } from '../rules/fire.js';
import { triggerEvaluationCatalogue } from '../rules/triggerCatalogue.js';
import { bindCurrentAgent, ticketConditionRecord } from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import { type TicketRow, tickets } from '../tickets/schema.js';
import { changeTicket } from '../tickets/service.js';
import type { ChangeAuthor } from '../tickets/timeline.js';
import { GraphIndex, nodeName, readGraph, type TaskNode } from './graph.js';
import { workflowPassages, workflowVersions } from './schema.js';

/** A published version as the runtime reads it; versions never change, so they are kept in memory. */
export interface LoadedVersion {
  id: number;
  version: number;
  workflowId: number;
  index: GraphIndex;
}

const versions = new Map<string, LoadedVersion>();
const MAX_CACHED_VERSIONS = 500;

export async function loadVersion(
  db: Db,
  vendorId: number,
  versionId: number,
): Promise<LoadedVersion | null> {
  const key = `${vendorId}:${versionId}`;
  const hit = versions.get(key);
  if (hit) return hit;
  const [row] = await db
    .select()
    .from(workflowVersions)
    .where(and(eq(workflowVersions.vendorId, vendorId), eq(workflowVersions.id, versionId)));
  if (!row) return null;
  const loaded = {
    id: row.id,
    version: row.version,
    workflowId: row.workflowId,
    index: new GraphIndex(readGraph(row.graph)),
  };
  if (versions.size >= MAX_CACHED_VERSIONS) versions.delete(versions.keys().next().value!);
  versions.set(key, loaded);
  return loaded;
}

/** Node actions are the system's, like triggers': read-only scopes and template visibility do not stop them. */
export function systemContext(ctx: TicketContext): TicketContext {
  return {
    ...ctx,
    writer: { ...ctx.writer, isAdmin: true },
    actor: { ...ctx.actor, permissions: new Set([...ctx.actor.permissions, 'ticket.settings']) },
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** A node's name as notes quote it (「受理」); `paragraph` escapes the note's text. */
export const quoted = (node: WorkflowNode) => `「${nodeName(node)}」`;
export const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

const hasConditions = (e: WorkflowEdge) =>
  Boolean(e.data?.conditions && (e.data.conditions.all.length || e.data.conditions.any.length));

/** Branches passed in a row at most; validation refuses loops of branches, this only guards the loop. */
const MAX_BRANCH_STEPS = 100;

/**
 * One movement of a ticket through its workflow inside the caller's transaction: the ticket as it
 * is now, what node actions changed, and the notifications they asked for.
 */
export class WorkflowRun {
  readonly system: TicketContext;
  readonly changes: TicketChange[] = [];
  readonly notifications: NotificationValue[] = [];
  /** The nodes passed, for the timeline note (「受理」 → 「分支」 → 「技术处理」). */
  readonly route: string[] = [];

  constructor(
    readonly tx: Db,
    readonly ctx: TicketContext,
    readonly version: LoadedVersion,
    public row: TicketRow,
    /** The agent moving the ticket (`$me` of conditions and actions); null for the system. */
    readonly agentId: number | null,
  ) {
    this.system = systemContext(ctx);
  }

  private get vendorId() {
    return this.row.vendorId;
  }

  /**
   * The connector a node leaves by. Start: its one connector. A branch (分支, manual 5.1.3): the one
   * conditioned connector whose conditions hold; when several hold, none holds or none has
   * conditions, its default path. A task: the first connector (in drawing order) without conditions
   * or whose conditions hold; null when none does.
   */
  async chooseEdge(node: WorkflowNode): Promise<WorkflowEdge | null> {
    const edges = this.version.index.outgoing(node.id);
    if (node.type === 'start') return edges[0] ?? null;
    const record = ticketConditionRecord(this.row, await relationsOf(this.tx, this.row), this.ctx.fields);
    const catalogue = triggerEvaluationCatalogue(this.ctx.fields);
    const evaluation = { now: new Date(), timeZone: this.ctx.actor.vendor.timeZone };
    const holds = (e: WorkflowEdge) => {
      try {
        const test = prepareEvaluator(bindCurrentAgent(e.data!.conditions!, this.agentId), catalogue);
        return test(record, evaluation);
      } catch (err) {
        // A field deleted since publishing: the condition cannot hold.
        if (err instanceof ConditionError) return false;
        throw err;
      }
    };
    if (node.type === 'branch') {
      const holding = edges.filter((e) => !e.data?.isDefault && hasConditions(e) && holds(e));
      return holding.length === 1 ? holding[0]! : (edges.find((e) => e.data?.isDefault) ?? null);
    }
    return edges.find((e) => !hasConditions(e) || holds(e)) ?? null;
  }

  /** Follows a connector, passing through branches, to the task or end node the ticket stops in. */
  async follow(edge: WorkflowEdge): Promise<WorkflowNode> {
    const index = this.version.index;
    let node = index.node(edge.target);
    for (let step = 0; node?.type === 'branch'; step++) {
      if (step === MAX_BRANCH_STEPS) throw new Error(`workflow ${this.version.id}: branches loop`);
      await this.passThrough(node);
      const next = await this.chooseEdge(node);
      node = index.node(next?.target);
    }
    if (!node) throw new Error(`workflow ${this.version.id}: connector ${edge.id} leads nowhere`);
    return node;
  }

  /** A node the ticket only passes (start, branches): a passage entered and left at once. */
  async passThrough(node: WorkflowNode) {
    const now = new Date();
    await this.tx.insert(workflowPassages).values({
      vendorId: this.vendorId,
      ticketId: this.row.id,
      versionId: this.version.id,
      nodeId: node.id,
      enteredAt: now,
      leftAt: now,
      outcome: 'advanced',
      agentId: this.agentId,
    });
    this.route.push(quoted(node));
  }

  /** Ends the stay in the current node (提交 or 退回). */
  async leave(outcome: 'advanced' | 'returned') {
    await this.tx
      .update(workflowPassages)
      .set({ leftAt: new Date(), outcome, agentId: this.agentId })
      .where(
        and(
          eq(workflowPassages.vendorId, this.vendorId),
          eq(workflowPassages.ticketId, this.row.id),
          isNull(workflowPassages.leftAt),
        ),
      );
  }

  /** The ticket now rests in a task (with its due time) or has reached an end. */
  async settle(node: WorkflowNode) {
    const now = new Date();
    const dueAt = node.type === 'task' ? await this.dueTime(node, now) : null;
    const ended = node.type === 'end';
    await this.tx.insert(workflowPassages).values({
      vendorId: this.vendorId,
      ticketId: this.row.id,
      versionId: this.version.id,
      nodeId: node.id,
      enteredAt: now,
      dueAt,
      ...(ended ? { leftAt: now, outcome: 'ended' as const, agentId: this.agentId } : {}),
    });
    const [row] = await this.tx
      .update(tickets)
      .set({
        workflowVersionId: this.version.id,
        workflowNodeId: node.id,
        workflowNodeEnteredAt: now,
        workflowNodeDueAt: dueAt,
      })
      .where(and(eq(tickets.vendorId, this.vendorId), eq(tickets.id, this.row.id)))
      .returning();
    this.row = row!;
    this.route.push(quoted(node));
  }

  /** 节点时限: the due time of a stay starting now, on the calendar or in business hours. */
  private async dueTime(node: TaskNode, from: Date): Promise<Date | null> {
    const limit = node.data.timeLimit;
    if (!limit) return null;
    if (limit.clock === 'calendar') return new Date(from.getTime() + limit.minutes * 60_000);
    const calendar = await vendorCalendar(this.tx, this.vendorId, this.ctx.actor.vendor.timeZone);
    return addBusinessMinutes(from, limit.minutes, calendar);
  }

  /** A timeline note (内部注释) through the ticket service, by the given author. */
  async note(html: string, author: ChangeAuthor, kind?: 'returned') {
    const result = await changeTicket(this.tx, this.system, this.row, {}, { author, note: html, kind });
    this.row = result.row;
  }

  /** Node actions as one system change named after the node (由工单流「技术处理」修改 …). */
  async act(node: WorkflowNode, actions: TaskNode['data']['onEnter']) {
    if (actions.length === 0) return;
    const fired = await fireRule(
      this.tx,
      this.system,
      'workflow',
      { title: nodeName(node), actions },
      this.row,
      this.agentId,
    );
    this.row = fired.row;
    this.changes.push(...fired.changes);
    this.notifications.push(...fired.notifications);
  }

  /** On arrival: a task's on-enter actions; an end that solves (结束时设为已解决) solves the ticket. */
  async arrive(node: WorkflowNode) {
    if (node.type === 'task') await this.act(node, node.data.onEnter);
    else if (node.type === 'end' && node.data.solve && !['solved', 'closed'].includes(this.row.status))
      await this.act(node, [{ field: 'ticket.status', value: 'solved' }]);
  }
}
