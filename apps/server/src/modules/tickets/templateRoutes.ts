import {
  idParam,
  ticketTemplateCreateBody,
  ticketTemplateFormSchema,
  ticketTemplateList,
  ticketTemplateListQuery,
  ticketTemplateSchema,
  ticketTemplateUpdateBody,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { ticketContext } from './context.js';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  presentTemplate,
  templateForm,
  updateTemplate,
} from './templates.js';

/** 工单模板 (manual 5.1.2): agents read the templates visible to them; 工单设置 manages them. */
export function ticketTemplateRoutes(app: App, { db }: Deps) {
  const ctx = (req: FastifyRequest) => ticketContext(db, actorOf(req));
  const view = { config: { permission: 'ticket.view' as const } };
  const manage = { config: { permission: 'ticket.settings' as const } };
  const tags = ['ticket-templates'];

  app.get(
    '/api/v1/ticket-templates',
    {
      ...view,
      schema: {
        tags,
        summary: '工单模板列表（可见且启用的；all=true 时为全部，需工单设置权限）',
        querystring: ticketTemplateListQuery,
        response: { 200: ticketTemplateList },
      },
    },
    async (req) => ({ items: await listTemplates(db, await ctx(req), req.query.all ?? false) }),
  );
  app.post(
    '/api/v1/ticket-templates',
    {
      ...manage,
      schema: {
        tags,
        summary: '新建工单模板',
        body: ticketTemplateCreateBody,
        response: { 201: ticketTemplateSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createTemplate(db, await ctx(req), req.body)),
  );
  app.get(
    '/api/v1/ticket-templates/:id',
    {
      ...view,
      schema: { tags, summary: '工单模板', params: idParam, response: { 200: ticketTemplateSchema } },
    },
    async (req) => presentTemplate(await getTemplate(db, await ctx(req), req.params.id)),
  );
  app.get(
    '/api/v1/ticket-templates/:id/form',
    {
      ...view,
      schema: {
        tags,
        summary: '工单表单：模板的字段（按模板顺序，含分组、必填和可编辑）',
        params: idParam,
        response: { 200: ticketTemplateFormSchema },
      },
    },
    async (req) => templateForm(db, await ctx(req), req.params.id),
  );
  app.patch(
    '/api/v1/ticket-templates/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改工单模板（设为默认会取消其他模板的默认）',
        params: idParam,
        body: ticketTemplateUpdateBody,
        response: { 200: ticketTemplateSchema },
      },
    },
    async (req) => updateTemplate(db, await ctx(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/ticket-templates/:id',
    { ...manage, schema: { tags, summary: '删除工单模板（默认模板不能删除）', params: idParam } },
    async (req, reply) => {
      await deleteTemplate(db, await ctx(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
