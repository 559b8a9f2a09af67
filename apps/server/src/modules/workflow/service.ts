import type {
  Workflow,
  WorkflowCatalogue,
  WorkflowGraph,
  WorkflowListItem,
  WorkflowSaveInput,
  WorkflowUpdateInput,
  WorkflowVersionSummary,
} from '@yidan/contracts';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/http/messages.js';
import { agents } from '../org/schema.js';
import { triggerBuilderCatalogue } from '../rules/service.js';
import { ticketCatalogue } from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import { loadTemplate, type TemplateRow } from '../tickets/customFields.js';
import { tickets, ticketTemplates } from '../tickets/schema.js';
import { readGraph } from './graph.js';
import { forgetPublishedWorkflows } from './published.js';
import { type WorkflowRow, workflows, workflowVersions } from './schema.js';
import { describeProblems, workflowProblems } from './validation.js';

/** What a template's workflow starts as: a start and an end to draw between. */
const STARTER: WorkflowGraph = {
  nodes: [
    { id: 'start', type: 'start', position: { x: 40, y: 160 }, data: {} },
    { id: 'end', type: 'end', position: { x: 640, y: 160 }, data: {} },
  ],
  edges: [],
};

async function templateOf(db: Db, vendorId: number, templateId: number): Promise<TemplateRow> {
  const t = await loadTemplate(db, vendorId, templateId);
  if (!t) throw new AppError('not_found');
  return t;
}

async function workflowById(db: Db, vendorId: number, id: number): Promise<WorkflowRow> {
  const [row] = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.vendorId, vendorId), eq(workflows.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

async function workflowOfTemplate(db: Db, vendorId: number, templateId: number) {
  const [row] = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.vendorId, vendorId), eq(workflows.templateId, templateId)));
  return row ?? null;
}

/** 工单流 list: every template's workflow with the template's name and the published version. */
export async function listWorkflows(db: Db, vendorId: number): Promise<WorkflowListItem[]> {
  const rows = await db
    .select({
      id: workflows.id,
      templateId: workflows.templateId,
      templateName: ticketTemplates.name,
      name: workflows.name,
      enabled: workflows.enabled,
      currentVersion: workflowVersions.version,
      updatedAt: workflows.updatedAt,
    })
    .from(workflows)
    .innerJoin(
      ticketTemplates,
      and(eq(ticketTemplates.vendorId, workflows.vendorId), eq(ticketTemplates.id, workflows.templateId)),
    )
    .leftJoin(
      workflowVersions,
      and(
        eq(workflowVersions.vendorId, workflows.vendorId),
        eq(workflowVersions.id, workflows.currentVersionId),
      ),
    )
    .where(eq(workflows.vendorId, vendorId))
    .orderBy(asc(ticketTemplates.sortOrder), asc(ticketTemplates.id));
  return rows.map((r) => ({
    ...r,
    currentVersion: r.currentVersion ?? null,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Published versions with who published them, newest first. */
function versionRows(db: Db, vendorId: number, which: SQL) {
  return db
    .select({
      id: workflowVersions.id,
      version: workflowVersions.version,
      createdAt: workflowVersions.createdAt,
      createdBy: workflowVersions.createdBy,
      createdByName: agents.name,
    })
    .from(workflowVersions)
    .leftJoin(
      agents,
      and(eq(agents.vendorId, workflowVersions.vendorId), eq(agents.id, workflowVersions.createdBy)),
    )
    .where(and(eq(workflowVersions.vendorId, vendorId), which))
    .orderBy(desc(workflowVersions.version));
}

/** The workflow as the editor loads it: draft, its problems, the published version, the template's fields. */
async function presentWorkflow(
  db: Db,
  ctx: TicketContext,
  template: TemplateRow,
  row: WorkflowRow | null,
  lang: Lang,
): Promise<Workflow> {
  const draft = row ? readGraph(row.draft) : STARTER;
  const [current] = row?.currentVersionId
    ? await versionRows(db, row.vendorId, eq(workflowVersions.id, row.currentVersionId))
    : [];
  const labels = new Map(ctx.fields.map((f) => [f.key, f]));
  return {
    id: row?.id ?? null,
    templateId: template.id,
    templateName: template.name,
    name: row?.name ?? template.name,
    enabled: row?.enabled ?? true,
    draft,
    problems: describeProblems(await workflowProblems(db, ctx, template, draft), lang),
    currentVersion: current
      ? {
          ...current,
          createdAt: current.createdAt.toISOString(),
          createdByName: current.createdByName ?? null,
        }
      : null,
    templateFields: template.fields.flatMap((f) => {
      const def = labels.get(f.key);
      return def ? [{ key: f.key, label: def.label, system: def.system }] : [];
    }),
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The template's workflow; a template without one gets a starter draft (saved on first PUT). */
export async function getWorkflowForTemplate(db: Db, ctx: TicketContext, templateId: number, lang: Lang) {
  const template = await templateOf(db, ctx.actor.vendorId, templateId);
  return presentWorkflow(
    db,
    ctx,
    template,
    await workflowOfTemplate(db, ctx.actor.vendorId, templateId),
    lang,
  );
}

/**
 * 保存草稿: stores the draft even when it has problems (they come back in `problems`), so an
 * unfinished drawing is never lost; only publishing needs a graph without problems.
 */
export async function saveWorkflowDraft(
  db: Db,
  ctx: TicketContext,
  templateId: number,
  input: WorkflowSaveInput,
  lang: Lang,
): Promise<Workflow> {
  const vendorId = ctx.actor.vendorId;
  const template = await templateOf(db, vendorId, templateId);
  const [row] = await db
    .insert(workflows)
    .values({ vendorId, templateId, name: input.name ?? template.name, draft: input.graph })
    .onConflictDoUpdate({
      target: [workflows.vendorId, workflows.templateId],
      set: { draft: input.graph, ...(input.name ? { name: input.name } : {}), updatedAt: new Date() },
    })
    .returning();
  forgetPublishedWorkflows(vendorId);
  return presentWorkflow(db, ctx, template, row ?? null, lang);
}

/**
 * 发布: the draft, validated, becomes the next immutable version; tickets of the template created
 * from now on start on it, tickets already running keep the version they started on.
 */
export async function publishWorkflow(db: Db, ctx: TicketContext, id: number, lang: Lang): Promise<Workflow> {
  const vendorId = ctx.actor.vendorId;
  const { row, template } = await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(workflows)
      .where(and(eq(workflows.vendorId, vendorId), eq(workflows.id, id)))
      .for('update');
    if (!current) throw new AppError('not_found');
    const template = await templateOf(tx, vendorId, current.templateId);
    const graph = readGraph(current.draft);
    const problems = await workflowProblems(tx, ctx, template, graph);
    if (problems.length)
      throw new AppError(
        'workflow_invalid',
        { count: problems.length },
        describeProblems(problems, lang).map((p) => ({ path: p.path, message: p.message })),
        {},
        { problems: describeProblems(problems, lang) },
      );
    const [last] = await tx
      .select({ version: workflowVersions.version })
      .from(workflowVersions)
      .where(and(eq(workflowVersions.vendorId, vendorId), eq(workflowVersions.workflowId, id)))
      .orderBy(desc(workflowVersions.version))
      .limit(1);
    const [version] = await tx
      .insert(workflowVersions)
      .values({
        vendorId,
        workflowId: id,
        version: (last?.version ?? 0) + 1,
        graph,
        createdBy: ctx.actor.agentId,
      })
      .returning({ id: workflowVersions.id });
    const [row] = await tx
      .update(workflows)
      .set({ currentVersionId: version!.id, updatedAt: new Date() })
      .where(and(eq(workflows.vendorId, vendorId), eq(workflows.id, id)))
      .returning();
    return { row: row!, template };
  });
  forgetPublishedWorkflows(vendorId);
  return presentWorkflow(db, ctx, template, row, lang);
}

/** 启用 / 停用 and the name; a disabled workflow starts no new tickets, running ones go on. */
export async function updateWorkflow(
  db: Db,
  ctx: TicketContext,
  id: number,
  input: WorkflowUpdateInput,
  lang: Lang,
): Promise<Workflow> {
  const vendorId = ctx.actor.vendorId;
  const current = await workflowById(db, vendorId, id);
  const [row] = Object.keys(input).length
    ? await db
        .update(workflows)
        .set({ ...input, updatedAt: new Date() })
        .where(and(eq(workflows.vendorId, vendorId), eq(workflows.id, id)))
        .returning()
    : [current];
  forgetPublishedWorkflows(vendorId);
  return presentWorkflow(db, ctx, await templateOf(db, vendorId, current.templateId), row ?? current, lang);
}

/** 版本列表, newest first, with how many tickets (not closed) run on each. */
export async function listWorkflowVersions(
  db: Db,
  vendorId: number,
  id: number,
): Promise<WorkflowVersionSummary[]> {
  await workflowById(db, vendorId, id);
  const rows = await versionRows(db, vendorId, eq(workflowVersions.workflowId, id));
  const counts = rows.length
    ? await db
        .select({ versionId: tickets.workflowVersionId, n: sql<number>`count(*)::int` })
        .from(tickets)
        .where(
          and(
            eq(tickets.vendorId, vendorId),
            inArray(
              tickets.workflowVersionId,
              rows.map((r) => r.id),
            ),
            sql`${tickets.status} <> 'closed'`,
          ),
        )
        .groupBy(tickets.workflowVersionId)
    : [];
  const active = new Map(counts.map((c) => [c.versionId, c.n]));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName ?? null,
    activeTickets: active.get(r.id) ?? 0,
  }));
}

/** What the editor offers: connector conditions (the ticket catalogue), node actions, participants. */
export async function workflowEditorCatalogue(db: Db, ctx: TicketContext): Promise<WorkflowCatalogue> {
  const [cat, builder] = await Promise.all([ticketCatalogue(db, ctx), triggerBuilderCatalogue(db, ctx)]);
  const named = (key: string) =>
    (cat.fields.find((f) => f.key === key)?.options ?? [])
      .filter((o) => /^\d+$/.test(o.value))
      .map((o) => ({ id: Number(o.value), name: o.label.zh }));
  return {
    conditions: cat.fields,
    actions: builder.actions,
    agents: named('ticket.assigneeId'),
    groups: named('ticket.groupId'),
  };
}
