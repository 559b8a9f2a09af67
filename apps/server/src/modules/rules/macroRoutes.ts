import {
  availableMacroList,
  idParam,
  macroAvailableQuery,
  macroCatalogueSchema,
  macroCreateBody,
  macroEvaluateBody,
  macroEvaluationSchema,
  macroList,
  macroOrderBody,
  macroSchema,
  macroUpdateBody,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { ticketContext } from '../tickets/context.js';
import { getTicketRow } from '../tickets/service.js';
import { registerRuleCatalogue } from './catalogueRoutes.js';
import { evaluateMacros } from './macroEvaluation.js';
import { registerMacroSubmitCheck } from './macroSubmitCheck.js';
import {
  availableMacros,
  createMacro,
  deleteMacro,
  getMacro,
  listMacros,
  macroBuilderCatalogue,
  orderMacros,
  presentMacro,
  updateMacro,
} from './macros.js';

/**
 * 宏 (manual 5.1.6.3): agents read the macros they may use and run them over their form (evaluate
 * only computes); 工单设置 manages them. Also enforces 工单提交 macros that block a console save.
 */
export function macroRoutes(app: App, { db }: Deps) {
  const ctx = (req: FastifyRequest) => ticketContext(db, actorOf(req));
  const view = { config: { permission: 'ticket.view' as const } };
  const manage = { config: { permission: 'ticket.settings' as const } };
  const tags = ['macros'];
  registerRuleCatalogue('macro', macroBuilderCatalogue);

  app.get(
    '/api/v1/macros',
    { ...view, schema: { tags, summary: '宏列表（按顺序）', response: { 200: macroList } } },
    async (req) => ({ items: (await listMacros(db, await ctx(req))).map(presentMacro) }),
  );
  app.get(
    '/api/v1/macros/catalogue',
    {
      ...view,
      schema: { tags, summary: '宏可用的条件字段、操作与表单字段', response: { 200: macroCatalogueSchema } },
    },
    async (req) => macroBuilderCatalogue(db, await ctx(req)),
  );
  app.get(
    '/api/v1/macros/available',
    {
      ...view,
      schema: {
        tags,
        summary: '当前客服在此模板（或工单）的表单中可用的宏',
        description: '已启用、对当前客服可见、适用于该模板的宏，按顺序。带 ticketId 时默认取该工单的模板。',
        querystring: macroAvailableQuery,
        response: { 200: availableMacroList },
      },
    },
    async (req) => {
      const c = await ctx(req);
      const ticket = req.query.ticketId ? await getTicketRow(db, c, req.query.ticketId) : null;
      const templateId = req.query.templateId ?? ticket?.templateId ?? null;
      const items = await availableMacros(db, c, templateId);
      return {
        items: items.map((m) => ({
          id: m.id,
          title: m.title,
          description: m.description,
          mode: m.mode,
          watchFields: m.watchFields,
        })),
      };
    },
  );
  app.post(
    '/api/v1/macros/evaluate',
    {
      ...view,
      schema: {
        tags,
        summary: '执行宏（只计算表单的变化，不保存工单）',
        description:
          '用户触发（macroId）、页面加载、工单提交（可阻止提交）或字段值改变（changedField）时，按顺序执行可用的宏，返回执行后的表单值、回复内容、显示/隐藏的字段与宏。',
        body: macroEvaluateBody,
        response: { 200: macroEvaluationSchema },
      },
    },
    async (req) => evaluateMacros(db, await ctx(req), req.body),
  );
  app.put(
    '/api/v1/macros/order',
    { ...manage, schema: { tags, summary: '宏排序', body: macroOrderBody, response: { 200: macroList } } },
    async (req) => ({ items: (await orderMacros(db, await ctx(req), req.body.ids)).map(presentMacro) }),
  );
  app.post(
    '/api/v1/macros',
    {
      ...manage,
      schema: { tags, summary: '添加宏（排在最后）', body: macroCreateBody, response: { 201: macroSchema } },
    },
    async (req, reply) => reply.code(201).send(presentMacro(await createMacro(db, await ctx(req), req.body))),
  );
  app.get(
    '/api/v1/macros/:id',
    { ...view, schema: { tags, summary: '宏详情', params: idParam, response: { 200: macroSchema } } },
    async (req) => presentMacro(await getMacro(db, await ctx(req), req.params.id)),
  );
  app.patch(
    '/api/v1/macros/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改宏',
        params: idParam,
        body: macroUpdateBody,
        response: { 200: macroSchema },
      },
    },
    async (req) => presentMacro(await updateMacro(db, await ctx(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/macros/:id',
    { ...manage, schema: { tags, summary: '删除宏', params: idParam } },
    async (req, reply) => {
      await deleteMacro(db, actorOf(req).vendorId, req.params.id);
      return reply.code(204).send();
    },
  );
  registerMacroSubmitCheck(app, db);
}
