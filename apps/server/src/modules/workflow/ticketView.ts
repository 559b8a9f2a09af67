import type { TicketWorkflow, WorkflowPassage } from '@yidan/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { businessMinutesBetween } from '../calendar/businessTime.js';
import { agents } from '../org/schema.js';
import { vendorCalendar } from '../rules/automationConditions.js';
import type { TicketContext } from '../tickets/context.js';
import { loadTemplate } from '../tickets/customFields.js';
import type { TicketRow } from '../tickets/schema.js';
import { getTicketRow } from '../tickets/service.js';
import { nodeName, type TaskNode } from './graph.js';
import { type LoadedVersion, loadVersion } from './runtime.js';
import { workflowPassages, workflows } from './schema.js';
import { isParticipant, visitedTasks } from './ticketFlow.js';

const overdue = (dueAt: Date | null, until: Date) => dueAt !== null && until > dueAt;

async function history(
  db: Db,
  row: TicketRow,
  version: LoadedVersion,
  now: Date,
): Promise<WorkflowPassage[]> {
  const rows = await db
    .select({ passage: workflowPassages, agentName: agents.name })
    .from(workflowPassages)
    .leftJoin(
      agents,
      and(eq(agents.vendorId, workflowPassages.vendorId), eq(agents.id, workflowPassages.agentId)),
    )
    .where(and(eq(workflowPassages.vendorId, row.vendorId), eq(workflowPassages.ticketId, row.id)))
    .orderBy(asc(workflowPassages.enteredAt), asc(workflowPassages.id));
  return rows.map(({ passage: p, agentName }) => {
    const node = version.index.node(p.nodeId);
    return {
      id: p.id,
      nodeId: p.nodeId,
      nodeName: node ? nodeName(node) : p.nodeId,
      nodeType: node?.type ?? 'task',
      enteredAt: p.enteredAt.toISOString(),
      leftAt: p.leftAt?.toISOString() ?? null,
      dueAt: p.dueAt?.toISOString() ?? null,
      overdue: overdue(p.dueAt, p.leftAt ?? now),
      outcome: p.outcome ?? null,
      agentId: p.agentId,
      agentName: agentName ?? null,
    };
  });
}

/** Time spent in the node so far, on the clock of its time limit. */
async function spentMinutes(db: Db, ctx: TicketContext, node: TaskNode, since: Date, now: Date) {
  if (node.data.timeLimit?.clock !== 'business')
    return Math.floor((now.getTime() - since.getTime()) / 60_000);
  const calendar = await vendorCalendar(db, ctx.actor.vendorId, ctx.actor.vendor.timeZone);
  return businessMinutesBetween(since, now, calendar);
}

/**
 * The ticket's place in its workflow for the ticket page (节点信息, manual 5.1.4): the version, the
 * current node with time spent, due time and overdue state, its field rules and participants, the
 * history of passages, where 退回 may go, and what the caller may do. Null without a workflow.
 */
export async function ticketWorkflowView(
  db: Db,
  ctx: TicketContext,
  ticketId: number,
): Promise<TicketWorkflow | null> {
  const row = await getTicketRow(db, ctx, ticketId);
  if (!row.workflowVersionId) return null;
  const version = await loadVersion(db, row.vendorId, row.workflowVersionId);
  if (!version) return null;
  const [wf] = await db
    .select({ name: workflows.name })
    .from(workflows)
    .where(and(eq(workflows.vendorId, row.vendorId), eq(workflows.id, version.workflowId)));
  const now = new Date();
  const current = version.index.node(row.workflowNodeId);
  const task = current?.type === 'task' ? current : null;
  const template = task && row.templateId ? await loadTemplate(db, row.vendorId, row.templateId) : null;
  const targets = task ? await visitedTasks(db, row, version, task.id) : [];
  const open =
    row.status !== 'closed' && row.mergedIntoId === null && ctx.actor.permissions.has('ticket.edit');
  const may = Boolean(task && open && isParticipant(ctx, task));
  const enteredAt = row.workflowNodeEnteredAt ?? now;
  return {
    workflowId: version.workflowId,
    workflowName: wf?.name ?? '',
    versionId: version.id,
    version: version.version,
    node: task
      ? {
          id: task.id,
          type: task.type,
          name: nodeName(task),
          enteredAt: enteredAt.toISOString(),
          dueAt: row.workflowNodeDueAt?.toISOString() ?? null,
          overdue: overdue(row.workflowNodeDueAt, now),
          spentMinutes: await spentMinutes(db, ctx, task, enteredAt, now),
          timeLimit: task.data.timeLimit,
          fields: { ...task.data.fields, governed: template?.fields.map((f) => f.key) ?? [] },
          participants: task.data.participants,
        }
      : null,
    finished: current?.type === 'end',
    history: await history(db, row, version, now),
    returnTargets: targets.map((n) => ({ nodeId: n.id, name: nodeName(n) })),
    can: { advance: may, return: may && targets.length > 0 },
  };
}
