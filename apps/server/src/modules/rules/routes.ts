import {
  idParam,
  triggerCatalogueSchema,
  triggerCreateBody,
  triggerList,
  triggerOrderBody,
  triggerSchema,
  triggerUpdateBody,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { ticketContext } from '../tickets/context.js';
import {
  createTrigger,
  deleteTrigger,
  getTrigger,
  listTriggers,
  orderTriggers,
  presentTrigger,
  triggerBuilderCatalogue,
  updateTrigger,
} from './service.js';

/** 触发器 (manual 5.1.6.1): agents may read them; 工单设置 manages them. */
export function triggerRoutes(app: App, { db }: Deps) {
  const ctx = (req: FastifyRequest) => ticketContext(db, actorOf(req));
  const vendor = (req: FastifyRequest) => actorOf(req).vendorId;
  const view = { config: { permission: 'ticket.view' as const } };
  const manage = { config: { permission: 'ticket.settings' as const } };
  const tags = ['triggers'];

  app.get(
    '/api/v1/triggers',
    { ...view, schema: { tags, summary: '触发器列表（按执行顺序）', response: { 200: triggerList } } },
    async (req) => ({ items: (await listTriggers(db, vendor(req))).map(presentTrigger) }),
  );
  app.get(
    '/api/v1/triggers/catalogue',
    {
      ...view,
      schema: {
        tags,
        summary: '触发器可用的条件字段与操作',
        response: { 200: triggerCatalogueSchema },
      },
    },
    async (req) => triggerBuilderCatalogue(db, await ctx(req)),
  );
  app.put(
    '/api/v1/triggers/order',
    {
      ...manage,
      schema: { tags, summary: '触发器排序', body: triggerOrderBody, response: { 200: triggerList } },
    },
    async (req) => ({ items: (await orderTriggers(db, vendor(req), req.body.ids)).map(presentTrigger) }),
  );
  app.post(
    '/api/v1/triggers',
    {
      ...manage,
      schema: {
        tags,
        summary: '添加触发器（排在最后）',
        body: triggerCreateBody,
        response: { 201: triggerSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentTrigger(await createTrigger(db, await ctx(req), req.body))),
  );
  app.get(
    '/api/v1/triggers/:id',
    { ...view, schema: { tags, params: idParam, response: { 200: triggerSchema } } },
    async (req) => presentTrigger(await getTrigger(db, vendor(req), req.params.id)),
  );
  app.patch(
    '/api/v1/triggers/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改触发器',
        params: idParam,
        body: triggerUpdateBody,
        response: { 200: triggerSchema },
      },
    },
    async (req) => presentTrigger(await updateTrigger(db, await ctx(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/triggers/:id',
    { ...manage, schema: { tags, summary: '删除触发器', params: idParam } },
    async (req, reply) => {
      await deleteTrigger(db, vendor(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
