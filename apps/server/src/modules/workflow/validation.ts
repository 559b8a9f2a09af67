import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from '@yidan/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/http/errors.js';
import { FIELD_MESSAGES, type Lang } from '../../platform/http/messages.js';
import { validateConditions } from '../../platform/rules/catalogue.js';
import { agents, groups } from '../org/schema.js';
import { triggerActionErrors } from '../rules/actions.js';
import { bindCurrentAgent, ticketCatalogue } from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import type { TemplateRow } from '../tickets/customFields.js';
import { isDrawing, type TaskNode } from './graph.js';

/** A problem of a graph before it is put into words: `code` is a FIELD_MESSAGES key or plain text. */
export interface GraphProblem {
  path: string;
  code: string;
  nodeId?: string;
  edgeId?: string;
}

/**
 * Everything that keeps a workflow from being published, with paths inside the graph the editor can
 * highlight: exactly one start (one plain connector out) and at least one end; every connector joins
 * two existing process nodes; start, tasks and branches lead somewhere; each branch has exactly one
 * default path; every node is reachable from start and reaches an end; branches do not loop among
 * themselves; conditions are valid against the ticket catalogue, actions against the trigger actions,
 * field keys are the template's, participants exist.
 */
export async function workflowProblems(
  db: Db,
  ctx: TicketContext,
  template: Pick<TemplateRow, 'fields'>,
  graph: WorkflowGraph,
): Promise<GraphProblem[]> {
  const problems = structureProblems(graph);
  const catalogue = await ticketCatalogue(db, ctx);
  for (const [i, e] of graph.edges.entries()) {
    const conditions = e.data?.conditions;
    if (!conditions) continue;
    const bound = bindCurrentAgent(conditions, ctx.actor.agentId);
    for (const err of validateConditions(bound, catalogue.catalogue, {
      path: `graph.edges.${i}.data.conditions`,
    }))
      problems.push({ path: err.path, code: err.message, edgeId: e.id });
  }
  const templateKeys = new Set(template.fields.map((f) => f.key));
  for (const [i, n] of graph.nodes.entries()) {
    if (n.type !== 'task') continue;
    const at = `graph.nodes.${i}.data`;
    for (const rule of ['visible', 'editable', 'required'] as const)
      n.data.fields[rule].forEach((key, j) => {
        if (!templateKeys.has(key))
          problems.push({ path: `${at}.fields.${rule}.${j}`, code: 'not_in_template', nodeId: n.id });
      });
    const withNode = (errors: FieldError[]) =>
      errors.map((err) => ({ path: err.path, code: err.message, nodeId: n.id }));
    problems.push(...withNode(await participantErrors(db, ctx.actor.vendorId, n, at)));
    for (const list of ['onEnter', 'onSubmit'] as const)
      problems.push(
        ...withNode(
          await triggerActionErrors(db, ctx.actor.vendorId, ctx.fields, n.data[list], `${at}.${list}`),
        ),
      );
  }
  return problems;
}

async function participantErrors(db: Db, vendorId: number, n: TaskNode, at: string): Promise<FieldError[]> {
  const { agentIds, groupIds } = n.data.participants;
  const errors: FieldError[] = [];
  if (agentIds.length) {
    const found = new Set(
      (
        await db
          .select({ id: agents.id })
          .from(agents)
          .where(and(eq(agents.vendorId, vendorId), inArray(agents.id, agentIds), eq(agents.enabled, true)))
      ).map((r) => r.id),
    );
    agentIds.forEach((id, j) => {
      if (!found.has(id)) errors.push({ path: `${at}.participants.agentIds.${j}`, message: 'unknown_agent' });
    });
  }
  if (groupIds.length) {
    const found = new Set(
      (
        await db
          .select({ id: groups.id })
          .from(groups)
          .where(and(eq(groups.vendorId, vendorId), inArray(groups.id, groupIds)))
      ).map((r) => r.id),
    );
    groupIds.forEach((id, j) => {
      if (!found.has(id)) errors.push({ path: `${at}.participants.groupIds.${j}`, message: 'unknown_group' });
    });
  }
  return errors;
}

const hasConditions = (e: WorkflowEdge) =>
  Boolean(e.data?.conditions && (e.data.conditions.all.length || e.data.conditions.any.length));

/** The shape of the process: ids, connectors, start/end, branches' defaults, reachability, loops. */
export function structureProblems(graph: WorkflowGraph): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const nodeAt = new Map<string, number>();
  const ids = new Set<string>();
  graph.nodes.forEach((n, i) => {
    if (ids.has(n.id))
      problems.push({ path: `graph.nodes.${i}.id`, code: 'workflow_duplicate_id', nodeId: n.id });
    else nodeAt.set(n.id, i);
    ids.add(n.id);
  });
  graph.edges.forEach((e, i) => {
    if (ids.has(e.id))
      problems.push({ path: `graph.edges.${i}.id`, code: 'workflow_duplicate_id', edgeId: e.id });
    ids.add(e.id);
  });
  const byId = new Map([...nodeAt].map(([id, i]) => [id, graph.nodes[i]!]));
  const nodeProblem = (n: WorkflowNode, code: string, suffix = '') =>
    problems.push({ path: `graph.nodes.${nodeAt.get(n.id)}${suffix}`, code, nodeId: n.id });

  for (const n of graph.nodes)
    if (n.parentId !== undefined && byId.get(n.parentId)?.type !== 'swimlane')
      nodeProblem(n, 'workflow_unknown_lane', '.parentId');

  const starts = graph.nodes.filter((n) => n.type === 'start');
  if (starts.length === 0) problems.push({ path: 'graph.nodes', code: 'workflow_no_start' });
  for (const extra of starts.slice(1)) nodeProblem(extra, 'workflow_many_starts');
  const ends = graph.nodes.filter((n) => n.type === 'end');
  if (ends.length === 0) problems.push({ path: 'graph.nodes', code: 'workflow_no_end' });

  // Connectors that join two process nodes; the others are reported and left out of what follows.
  const valid: WorkflowEdge[] = [];
  for (const [i, e] of graph.edges.entries()) {
    const edgeProblem = (code: string, suffix = '') =>
      problems.push({ path: `graph.edges.${i}${suffix}`, code, edgeId: e.id });
    const broken = connectorProblem(byId.get(e.source), byId.get(e.target));
    if (broken) {
      edgeProblem(broken);
      continue;
    }
    if (e.data?.isDefault && byId.get(e.source)?.type !== 'branch')
      edgeProblem('workflow_default_outside_branch', '.data.isDefault');
    if (byId.get(e.source)?.type === 'start' && hasConditions(e))
      edgeProblem('workflow_start_conditions', '.data.conditions');
    valid.push(e);
  }

  const out = new Map<string, WorkflowEdge[]>();
  const into = new Map<string, string[]>();
  for (const e of valid) {
    out.set(e.source, [...(out.get(e.source) ?? []), e]);
    into.set(e.target, [...(into.get(e.target) ?? []), e.source]);
  }
  const process = graph.nodes.filter((n) => !isDrawing(n) && nodeAt.get(n.id) !== undefined);
  for (const n of process) {
    const leaving = out.get(n.id) ?? [];
    if (n.type === 'start' && leaving.length !== 1) nodeProblem(n, 'workflow_start_one');
    if ((n.type === 'task' || n.type === 'branch') && leaving.length === 0)
      nodeProblem(n, 'workflow_no_outgoing');
    if (n.type === 'branch' && leaving.length > 0 && leaving.filter((e) => e.data?.isDefault).length !== 1)
      nodeProblem(n, 'workflow_branch_default');
  }

  const walk = (from: string[], next: (id: string) => string[]) => {
    const seen = new Set(from);
    const queue = [...from];
    while (queue.length)
      for (const id of next(queue.shift()!)) if (!seen.has(id) && seen.add(id)) queue.push(id);
    return seen;
  };
  if (starts[0]) {
    const reached = walk([starts[0].id], (id) => (out.get(id) ?? []).map((e) => e.target));
    for (const n of process) if (!reached.has(n.id)) nodeProblem(n, 'workflow_unreachable');
  }
  if (ends.length) {
    const reaching = walk(
      ends.map((n) => n.id),
      (id) => into.get(id) ?? [],
    );
    for (const n of process) if (!reaching.has(n.id)) nodeProblem(n, 'workflow_end_unreachable');
  }
  for (const id of branchLoops(process, out)) nodeProblem(byId.get(id)!, 'workflow_branch_cycle');
  return problems;
}

/** Why a connector joins no two process nodes the way a process can run, if it does not. */
function connectorProblem(source: WorkflowNode | undefined, target: WorkflowNode | undefined): string | null {
  if (!source || !target) return 'workflow_dangling';
  if (isDrawing(source) || isDrawing(target)) return 'workflow_drawing_connected';
  if (source.id === target.id) return 'workflow_self_loop';
  if (target.type === 'start') return 'workflow_into_start';
  if (source.type === 'end') return 'workflow_from_end';
  return null;
}

/** Branch nodes on a loop made of branches only: the ticket would pass through them forever. */
function branchLoops(process: WorkflowNode[], out: Map<string, WorkflowEdge[]>): string[] {
  const branches = new Set(process.filter((n) => n.type === 'branch').map((n) => n.id));
  const next = (id: string) => (out.get(id) ?? []).map((e) => e.target).filter((t) => branches.has(t));
  const looping: string[] = [];
  for (const id of branches) {
    const seen = new Set<string>();
    const stack = next(id);
    while (stack.length) {
      const t = stack.pop()!;
      if (t === id) {
        looping.push(id);
        break;
      }
      if (seen.has(t)) continue;
      seen.add(t);
      stack.push(...next(t));
    }
  }
  return looping;
}

/** Problems in the user's language, for the editor. */
export function describeProblems(problems: GraphProblem[], lang: Lang) {
  return problems.map((p) => {
    const text = FIELD_MESSAGES[p.code];
    return { ...p, message: text ? (lang === 'en' ? text.en : text.zh) : p.code };
  });
}
