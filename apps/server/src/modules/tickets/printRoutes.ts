import {
  idParam,
  printPlaceholderList,
  printQuery,
  printRenderResult,
  printTemplateBody,
  printTemplateList,
  printTemplateSchema,
  printTemplateUpdateBody,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { ticketContext } from './context.js';
import {
  createPrintTemplate,
  deletePrintTemplate,
  listPrintTemplates,
  presentPrintTemplate,
  printPlaceholders,
  printTicket,
  updatePrintTemplate,
} from './print.js';

/** 工单打印 (manual 5.2.20): print templates (Liquid HTML) and a ticket rendered through one. */
export function ticketPrintRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const vendorOf = (req: FastifyRequest) => actorOf(req).vendorId;
  const view = { config: { permission: 'ticket.view' as const } };
  const settings = { config: { permission: 'ticket.settings' as const } };
  const tags = ['print-templates'];

  app.get(
    '/api/v1/print-templates',
    { ...view, schema: { tags, summary: '打印模板列表', response: { 200: printTemplateList } } },
    async (req) => ({ items: (await listPrintTemplates(db, vendorOf(req))).map(presentPrintTemplate) }),
  );
  app.get(
    '/api/v1/print-templates/placeholders',
    {
      ...view,
      schema: {
        tags,
        summary: '打印模板可用的占位符（含自定义字段）和默认打印模板源码',
        response: { 200: printPlaceholderList },
      },
    },
    async (req) => printPlaceholders(db, vendorOf(req)),
  );
  app.post(
    '/api/v1/print-templates',
    {
      ...settings,
      schema: {
        tags,
        summary: '新建打印模板（Liquid 语法错误时返回 400）',
        body: printTemplateBody,
        response: { 201: printTemplateSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentPrintTemplate(await createPrintTemplate(db, vendorOf(req), req.body))),
  );
  app.patch(
    '/api/v1/print-templates/:id',
    {
      ...settings,
      schema: {
        tags,
        summary: '修改打印模板（设为默认时取消其他模板的默认）',
        params: idParam,
        body: printTemplateUpdateBody,
        response: { 200: printTemplateSchema },
      },
    },
    async (req) =>
      presentPrintTemplate(await updatePrintTemplate(db, vendorOf(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/print-templates/:id',
    { ...settings, schema: { tags, summary: '删除打印模板', params: idParam } },
    async (req, reply) => {
      await deletePrintTemplate(db, vendorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/tickets/:id/print',
    {
      ...view,
      schema: {
        tags: ['tickets'],
        summary: '打印工单（指定模板，否则默认模板，否则内置 A4 版式）',
        params: idParam,
        querystring: printQuery,
        response: { 200: printRenderResult },
      },
    },
    async (req) =>
      printTicket(db, await ticketContext(db, actorOf(req)), req.params.id, req.query.templateId),
  );
}
