import type { TicketChange, WorkflowAdvanceInput, WorkflowReturnInput } from '@yidan/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { sendTriggerNotifications } from '../rules/triggerNotifications.js';
import type { TicketContext } from '../tickets/context.js';
import { loadTemplate } from '../tickets/customFields.js';
import type { TicketRow } from '../tickets/schema.js';
import {
  authorOf,
  lockTicket,
  onTicketChangedInTransaction,
  onTicketWrite,
  outermostChange,
  type TicketChangedInTransaction,
  type TicketDeps,
} from '../tickets/service.js';
import { nodeName, type TaskNode } from './graph.js';
import { publishedWorkflows } from './published.js';
import { type LoadedVersion, loadVersion, paragraph, quoted, WorkflowRun } from './runtime.js';
import { workflowPassages } from './schema.js';

/**
 * 工单流 on a new ticket: when its template has an enabled, published workflow, the ticket starts
 * at the start node and moves on to the first task (through any branches), whose on-enter actions
 * run. Runs inside the creating transaction, after the triggers. Imported tickets do not start.
 */
export async function startWorkflow(
  tx: Db,
  ctx: TicketContext,
  change: TicketChangedInTransaction,
): Promise<{ row: TicketRow; changes: TicketChange[] } | undefined> {
  const { row } = change;
  if ((change.kind !== 'created' && change.kind !== 'split') || row.source === 'import') return undefined;
  if (row.templateId === null || row.workflowVersionId !== null) return undefined;
  const wf = (await publishedWorkflows(tx, row.vendorId)).get(row.templateId);
  const version = wf ? await loadVersion(tx, row.vendorId, wf.versionId) : null;
  const start = version?.index.start;
  if (!wf || !version || !start) return undefined;
  const agentId = change.author.type === 'agent' ? (change.author.agentId ?? null) : null;
  const run = new WorkflowRun(tx, ctx, version, row, agentId);
  await run.passThrough(start);
  const first = await run.chooseEdge(start);
  if (!first) return undefined;
  const node = await run.follow(first);
  await run.settle(node);
  await run.note(paragraph(`工单流「${wf.name}」（版本 ${version.version}）开始：${run.route.join(' → ')}`), {
    type: 'system',
    via: `工单流「${wf.name}」`,
  });
  await run.arrive(node);
  await sendTriggerNotifications(tx, ctx, run.row, run.notifications);
  return { row: run.row, changes: run.changes };
}

/** The task node a ticket is in, on the version it runs on (409 when it is in none). */
export async function currentTask(
  tx: Db,
  row: TicketRow,
): Promise<{ version: LoadedVersion; node: TaskNode }> {
  const version = row.workflowVersionId ? await loadVersion(tx, row.vendorId, row.workflowVersionId) : null;
  const node = version?.index.task(row.workflowNodeId);
  if (!version || !node) throw new AppError('workflow_not_in_task');
  return { version, node };
}

/** 参与者: listed agents and members of listed groups; nobody listed means everyone; admins always. */
export function isParticipant(ctx: TicketContext, node: TaskNode): boolean {
  const { agentIds, groupIds } = node.data.participants;
  if (ctx.writer.isAdmin || (agentIds.length === 0 && groupIds.length === 0)) return true;
  return agentIds.includes(ctx.actor.agentId) || groupIds.some((g) => ctx.groupIds.includes(g));
}

function assertParticipant(ctx: TicketContext, node: TaskNode) {
  if (!isParticipant(ctx, node)) throw new AppError('workflow_not_participant', { node: nodeName(node) });
}

const blank = (v: unknown) =>
  v === null ||
  v === undefined ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && !v.length);

/** The node's required fields (必填) still blank on the ticket, at the ticket form's paths. */
function missingRequired(ctx: TicketContext, row: TicketRow, node: TaskNode): FieldError[] {
  const system = new Set(ctx.fields.filter((f) => f.system).map((f) => f.key));
  return node.data.fields.required.flatMap((key) => {
    const isSystem = system.has(key);
    const value = isSystem ? row[key as keyof TicketRow] : row.custom[key];
    return blank(value) ? [{ path: isSystem ? key : `custom.${key}`, message: 'required' }] : [];
  });
}

/**
 * One move of a ticket by an agent (提交 or 退回), in one transaction: the ticket locked and in a task
 * node, the caller a participant, `check` (before anything changes), then `work` as one ticket change
 * of `kind` — the triggers run once after it — with node notifications; ticket.changed after commit.
 */
async function moveTicket<T>(
  deps: TicketDeps,
  ctx: TicketContext,
  ticketId: number,
  kind: 'updated' | 'returned',
  check: (tx: Db, row: TicketRow, version: LoadedVersion, node: TaskNode) => Promise<T>,
  work: (run: WorkflowRun, node: TaskNode, checked: T) => Promise<void>,
): Promise<void> {
  const author = authorOf(ctx);
  const { changes } = await deps.db.transaction(async (tx) => {
    const row = await lockTicket(tx, ctx, ticketId);
    const { version, node } = await currentTask(tx, row);
    assertParticipant(ctx, node);
    const checked = await check(tx, row, version, node);
    return outermostChange(
      tx,
      ctx,
      () => ({ author, kind }),
      async () => {
        const run = new WorkflowRun(tx, ctx, version, row, ctx.actor.agentId);
        await work(run, node, checked);
        await sendTriggerNotifications(tx, ctx, run.row, run.notifications);
        return { row: run.row, changes: run.changes };
      },
    );
  });
  deps.events.emit('ticket.changed', {
    vendorId: ctx.actor.vendorId,
    ticketId,
    kind: 'updated',
    changes,
    author,
  });
}

/**
 * 提交到下一步: the current task's required fields must be filled; its on-submit actions run; the
 * ticket leaves by the connector chooseEdge picks (422 when none can be taken) and enters the next
 * task (on-enter actions, due time) or an end.
 */
export function advanceTicket(
  deps: TicketDeps,
  ctx: TicketContext,
  ticketId: number,
  input: WorkflowAdvanceInput,
): Promise<void> {
  return moveTicket(
    deps,
    ctx,
    ticketId,
    'updated',
    async (_tx, row, _version, node) => {
      const missing = missingRequired(ctx, row, node);
      if (missing.length === 0) return;
      const label = (path: string) => ctx.fields.find((f) => f.key === path.replace(/^custom\./, ''))?.label;
      const fields = missing.map((m) => label(m.path) ?? m.path).join('、');
      throw new AppError('workflow_required_fields', { node: nodeName(node), fields }, missing);
    },
    async (run, node) => {
      await run.act(node, node.data.onSubmit);
      const edge = await run.chooseEdge(node);
      if (!edge) throw new AppError('workflow_no_path', { node: nodeName(node) });
      await run.leave('advanced');
      run.route.push(quoted(node));
      const next = await run.follow(edge);
      await run.settle(next);
      await run.note(
        paragraph(`提交到下一步：${run.route.join(' → ')}`) + (input.note ? paragraph(input.note) : ''),
        authorOf(ctx),
      );
      await run.arrive(next);
    },
  );
}

/** Task nodes of the ticket's version it went through, first visits first, other than `except`. */
export async function visitedTasks(
  db: Db,
  row: TicketRow,
  version: LoadedVersion,
  except: string | null,
): Promise<TaskNode[]> {
  const passages = await db
    .select({ nodeId: workflowPassages.nodeId })
    .from(workflowPassages)
    .where(
      and(
        eq(workflowPassages.vendorId, row.vendorId),
        eq(workflowPassages.ticketId, row.id),
        eq(workflowPassages.versionId, version.id),
      ),
    )
    .orderBy(asc(workflowPassages.enteredAt), asc(workflowPassages.id));
  const ids = [...new Set(passages.map((p) => p.nodeId))].filter((id) => id !== except);
  return ids.map((id) => version.index.task(id)).filter((n): n is TaskNode => n !== undefined);
}

/**
 * 退回 (manual 5.1.4): back to a task node the ticket went through before; the ticket is then in
 * that node again (its field rules, participants and time limit, its on-enter actions run again).
 * The change reaches the triggers as `event.type = returned`.
 */
export function returnTicket(
  deps: TicketDeps,
  ctx: TicketContext,
  ticketId: number,
  input: WorkflowReturnInput,
): Promise<void> {
  return moveTicket(
    deps,
    ctx,
    ticketId,
    'returned',
    async (tx, row, version, node) => {
      const target = (await visitedTasks(tx, row, version, node.id)).find((n) => n.id === input.nodeId);
      if (!target)
        throw new AppError('workflow_return_target', {}, [{ path: 'body.nodeId', message: 'not_found' }]);
      return target;
    },
    async (run, node, target) => {
      await run.leave('returned');
      await run.settle(target);
      await run.note(
        paragraph(`退回：${quoted(node)} → ${quoted(target)}`) + (input.note ? paragraph(input.note) : ''),
        authorOf(ctx),
        'returned',
      );
      await run.arrive(target);
    },
  );
}

/**
 * Field rules (字段是否可编辑) while a ticket is in a task node: an agent's change to a field of the
 * ticket's template that the node does not make editable is refused (422, one path per field).
 * Fields outside the template are not the node's to rule; rules (system changes) are never stopped.
 */
export async function guardNodeFields(
  tx: Db,
  _ctx: TicketContext,
  current: TicketRow,
  changes: TicketChange[],
) {
  if (!current.workflowVersionId || !current.workflowNodeId || current.templateId === null) return;
  const version = await loadVersion(tx, current.vendorId, current.workflowVersionId);
  const node = version?.index.task(current.workflowNodeId);
  const template = node ? await loadTemplate(tx, current.vendorId, current.templateId) : null;
  if (!node || !template) return;
  const governed = new Set(template.fields.map((f) => f.key));
  const editable = new Set(node.data.fields.editable);
  const locked = changes.filter((c) => {
    const key = c.field.startsWith('custom.') ? c.field.slice('custom.'.length) : c.field;
    return governed.has(key) && !editable.has(key);
  });
  if (locked.length)
    throw new AppError(
      'workflow_field_locked',
      { node: nodeName(node) },
      locked.map((c) => ({ path: `body.${c.field}`, message: 'workflow_read_only' })),
    );
}

// Hooks live in module state; several servers in one process (tests) must register them once.
let registered = false;
/** Starts workflows on new tickets and enforces node field rules (once per process). */
export function registerWorkflowEngine() {
  if (registered) return;
  registered = true;
  onTicketChangedInTransaction(
    startWorkflow,
    async (db, vendorId) => (await publishedWorkflows(db, vendorId)).size > 0,
  );
  onTicketWrite(guardNodeFields);
}
