import {
  idParam,
  templateIdParam,
  ticketWorkflowResponse,
  workflowAdvanceBody,
  workflowCatalogueSchema,
  workflowList,
  workflowReturnBody,
  workflowSaveBody,
  workflowSchema,
  workflowUpdateBody,
  workflowVersionList,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.js';
import { pickLang } from '../../platform/http/messages.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { type TicketContext, ticketContext } from '../tickets/context.js';
import {
  getWorkflowForTemplate,
  listWorkflows,
  listWorkflowVersions,
  publishWorkflow,
  saveWorkflowDraft,
  updateWorkflow,
  workflowEditorCatalogue,
} from './service.js';
import { advanceTicket, returnTicket } from './ticketFlow.js';
import { ticketWorkflowView } from './ticketView.js';

/**
 * 工单流 (manual 5.1.3–5.1.4): 工单设置 edits and publishes a template's workflow; agents who may edit
 * a ticket see where it is, submit it to the next step and return it (参与者 only).
 */
export function workflowRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const ctx = (req: FastifyRequest) => ticketContext(db, actorOf(req));
  const lang = (req: FastifyRequest) => pickLang(req.headers['accept-language']);
  const manage = { config: { permission: 'ticket.settings' as const } };
  const tags = ['workflows'];

  app.get(
    '/api/v1/workflows',
    { ...manage, schema: { tags, summary: '工单流列表（含模板名称）', response: { 200: workflowList } } },
    async (req) => ({ items: await listWorkflows(db, actorOf(req).vendorId) }),
  );
  app.get(
    '/api/v1/workflows/catalogue',
    {
      ...manage,
      schema: {
        tags,
        summary: '工单流编辑器可用的连线条件、节点操作与参与者',
        response: { 200: workflowCatalogueSchema },
      },
    },
    async (req) => workflowEditorCatalogue(db, await ctx(req)),
  );
  app.get(
    '/api/v1/workflows/by-template/:templateId',
    {
      ...manage,
      schema: {
        tags,
        summary: '模板的工单流（草稿、问题、当前版本）；尚未保存时返回初始草稿',
        params: templateIdParam,
        response: { 200: workflowSchema },
      },
    },
    async (req) => getWorkflowForTemplate(db, await ctx(req), req.params.templateId, lang(req)),
  );
  app.put(
    '/api/v1/workflows/by-template/:templateId',
    {
      ...manage,
      schema: {
        tags,
        summary: '保存草稿（有问题也保存，问题在 problems 中返回；发布时才必须没有问题）',
        params: templateIdParam,
        body: workflowSaveBody,
        response: { 200: workflowSchema },
      },
    },
    async (req) => saveWorkflowDraft(db, await ctx(req), req.params.templateId, req.body, lang(req)),
  );
  app.post(
    '/api/v1/workflows/:id/publish',
    {
      ...manage,
      schema: {
        tags,
        summary: '发布草稿为新版本（有问题时 422，errors 与 problems 指出节点和连线）',
        params: idParam,
        response: { 200: workflowSchema },
      },
    },
    async (req) => publishWorkflow(db, await ctx(req), req.params.id, lang(req)),
  );
  app.patch(
    '/api/v1/workflows/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '启用 / 停用工单流，修改名称',
        params: idParam,
        body: workflowUpdateBody,
        response: { 200: workflowSchema },
      },
    },
    async (req) => updateWorkflow(db, await ctx(req), req.params.id, req.body, lang(req)),
  );
  app.get(
    '/api/v1/workflows/:id/versions',
    {
      ...manage,
      schema: { tags, summary: '已发布的版本', params: idParam, response: { 200: workflowVersionList } },
    },
    async (req) => ({ items: await listWorkflowVersions(db, actorOf(req).vendorId, req.params.id) }),
  );

  app.get(
    '/api/v1/tickets/:id/workflow',
    {
      config: { permission: 'ticket.view' as const },
      schema: {
        tags,
        summary: '工单在工单流中的位置：当前节点、用时、是否超期、流转记录、可退回的节点',
        params: idParam,
        response: { 200: ticketWorkflowResponse },
      },
    },
    async (req) => ({ workflow: await ticketWorkflowView(db, await ctx(req), req.params.id) }),
  );
  const edit = { config: { permission: 'ticket.edit' as const } };
  // A node's actions may hand the ticket to others the caller cannot see: then there is nothing to show.
  const viewAfterMove = (c: TicketContext, id: number) =>
    ticketWorkflowView(db, c, id).catch((err) => {
      if (err instanceof AppError && err.code === 'not_found') return null;
      throw err;
    });
  app.post(
    '/api/v1/tickets/:id/workflow/advance',
    {
      ...edit,
      schema: {
        tags,
        summary: '提交到下一步（当前节点的参与者）',
        params: idParam,
        body: workflowAdvanceBody,
        response: { 200: ticketWorkflowResponse },
      },
    },
    async (req) => {
      const c = await ctx(req);
      await advanceTicket(deps, c, req.params.id, req.body);
      return { workflow: await viewAfterMove(c, req.params.id) };
    },
  );
  app.post(
    '/api/v1/tickets/:id/workflow/return',
    {
      ...edit,
      schema: {
        tags,
        summary: '退回到之前经过的节点（当前节点的参与者；触发器看到 event.type = returned）',
        params: idParam,
        body: workflowReturnBody,
        response: { 200: ticketWorkflowResponse },
      },
    },
    async (req) => {
      const c = await ctx(req);
      await returnTicket(deps, c, req.params.id, req.body);
      return { workflow: await viewAfterMove(c, req.params.id) };
    },
  );
}
