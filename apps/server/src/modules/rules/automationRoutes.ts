import {
  automationCatalogueSchema,
  automationCreateBody,
  automationList,
  automationOrderBody,
  automationPreviewBody,
  automationPreviewSchema,
  automationSchema,
  automationUpdateBody,
  idParam,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { ticketContext } from '../tickets/context.js';
import { presentTickets } from '../tickets/presenter.js';
import { previewAutomation } from './automationRunner.js';
import {
  automationBuilderCatalogue,
  createAutomation,
  deleteAutomation,
  getAutomation,
  listAutomations,
  orderAutomations,
  presentAutomation,
  updateAutomation,
} from './automations.js';

/** 自动化任务 (manual 5.1.6.2): agents may read them; 工单设置 manages them. */
export function automationRoutes(app: App, { db }: Deps) {
  const ctx = (req: FastifyRequest) => ticketContext(db, actorOf(req));
  const vendor = (req: FastifyRequest) => actorOf(req).vendorId;
  const view = { config: { permission: 'ticket.view' as const } };
  const manage = { config: { permission: 'ticket.settings' as const } };
  const tags = ['automations'];

  app.get(
    '/api/v1/automations',
    { ...view, schema: { tags, summary: '自动化任务列表（按执行顺序）', response: { 200: automationList } } },
    async (req) => ({ items: (await listAutomations(db, vendor(req))).map(presentAutomation) }),
  );
  app.get(
    '/api/v1/automations/catalogue',
    {
      ...view,
      schema: {
        tags,
        summary: '自动化任务可用的条件字段（含时间条件）与操作',
        response: { 200: automationCatalogueSchema },
      },
    },
    async (req) => automationBuilderCatalogue(db, await ctx(req)),
  );
  app.put(
    '/api/v1/automations/order',
    {
      ...manage,
      schema: {
        tags,
        summary: '自动化任务排序',
        body: automationOrderBody,
        response: { 200: automationList },
      },
    },
    async (req) => ({
      items: (await orderAutomations(db, vendor(req), req.body.ids)).map(presentAutomation),
    }),
  );
  app.post(
    '/api/v1/automations/preview',
    {
      ...manage,
      schema: {
        tags,
        summary: '预览：当前哪些未关闭的工单满足这些条件',
        body: automationPreviewBody,
        response: { 200: automationPreviewSchema },
      },
    },
    async (req) => {
      const c = await ctx(req);
      const { rows, ...counts } = await previewAutomation(db, c, req.body.conditions);
      return { ...counts, items: await presentTickets(db, c, rows) };
    },
  );
  app.post(
    '/api/v1/automations',
    {
      ...manage,
      schema: {
        tags,
        summary: '添加自动化任务（排在最后）',
        body: automationCreateBody,
        response: { 201: automationSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentAutomation(await createAutomation(db, await ctx(req), req.body))),
  );
  app.get(
    '/api/v1/automations/:id',
    { ...view, schema: { tags, params: idParam, response: { 200: automationSchema } } },
    async (req) => presentAutomation(await getAutomation(db, vendor(req), req.params.id)),
  );
  app.patch(
    '/api/v1/automations/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改自动化任务',
        params: idParam,
        body: automationUpdateBody,
        response: { 200: automationSchema },
      },
    },
    async (req) => presentAutomation(await updateAutomation(db, await ctx(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/automations/:id',
    { ...manage, schema: { tags, summary: '删除自动化任务', params: idParam } },
    async (req, reply) => {
      await deleteAutomation(db, vendor(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
