import {
  idParam,
  serviceRecordBody,
  serviceRecordSchema,
  ticketCommentBody,
  ticketCreateBody,
  ticketListQuery,
  ticketPage,
  ticketSchema,
  ticketUpdateBody,
  timelinePage,
  timelineQuery,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { ticketContext } from './context.js';
import { listTicketRows, parseSort } from './list.js';
import { presentTickets } from './presenter.js';
import { attachRecord, listRecords, presentRecord } from './records.js';
import { commentOnTicket, createTicket, deleteTicket, getTicketRow, updateTicket } from './service.js';
import { listTicketTimeline } from './timeline.js';
import { ticketViewFilter } from './viewQueries.js';

const recordPage = z.object({ items: z.array(serviceRecordSchema), nextCursor: z.string().nullable() });
const recordListQuery = z.object({
  companyId: z.coerce.number().int().positive().optional(),
  contactId: z.coerce.number().int().positive().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export function ticketRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const ctx = (req: FastifyRequest) => ticketContext(db, actorOf(req));
  const one = async (
    req: FastifyRequest,
    row: Parameters<typeof presentTickets>[2][number],
    opts?: Parameters<typeof presentTickets>[3],
  ) => {
    const [t] = await presentTickets(db, await ctx(req), [row], opts);
    return t as z.infer<typeof ticketSchema>;
  };
  const view = { config: { permission: 'ticket.view' as const } };
  const create = { config: { permission: 'ticket.create' as const } };
  const edit = { config: { permission: 'ticket.edit' as const } };
  const remove = { config: { permission: 'ticket.delete' as const } };
  const tags = ['tickets'];

  app.get(
    '/api/v1/tickets',
    {
      ...view,
      schema: { tags, summary: '工单列表', querystring: ticketListQuery, response: { 200: ticketPage } },
    },
    async (req) => {
      const c = await ctx(req);
      const { sort, cursor, limit, viewId, viewGroup, ...filter } = req.query;
      // 查询器: the view's conditions join the filters; its sort applies when none is asked for.
      const byView = viewId ? await ticketViewFilter(db, c, viewId, { group: viewGroup }) : null;
      const page = await listTicketRows(db, c, {
        ...filter,
        where: byView?.where,
        sort: parseSort(sort, byView?.sort ?? { field: 'updatedAt', direction: 'desc' }),
        cursor,
        limit,
      });
      return { items: await presentTickets(db, c, page.rows), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/api/v1/tickets',
    {
      ...create,
      schema: { tags, summary: '创建工单', body: ticketCreateBody, response: { 201: ticketSchema } },
    },
    async (req, reply) => {
      const row = await createTicket(deps, await ctx(req), req.body);
      return reply.code(201).send(await one(req, row, { created: true }));
    },
  );
  app.get(
    '/api/v1/tickets/:id',
    { ...view, schema: { tags, summary: '工单详情', params: idParam, response: { 200: ticketSchema } } },
    async (req) => one(req, await getTicketRow(db, await ctx(req), req.params.id)),
  );
  app.patch(
    '/api/v1/tickets/:id',
    {
      ...edit,
      schema: {
        tags,
        summary: '修改工单（字段、流转、抄送）',
        params: idParam,
        body: ticketUpdateBody,
        response: { 200: ticketSchema },
      },
    },
    async (req) => one(req, await updateTicket(deps, await ctx(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/tickets/:id',
    { ...remove, schema: { tags, summary: '删除工单', params: idParam } },
    async (req, reply) => {
      await deleteTicket(deps, await ctx(req), req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/v1/tickets/:id/comments',
    {
      ...edit,
      schema: {
        tags,
        summary: '公开回复或内部注释',
        params: idParam,
        body: ticketCommentBody,
        response: { 201: ticketSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await one(req, await commentOnTicket(deps, await ctx(req), req.params.id, req.body))),
  );
  app.get(
    '/api/v1/tickets/:id/timeline',
    {
      ...view,
      schema: {
        tags,
        summary: '工单时间线（新的在前）',
        params: idParam,
        querystring: timelineQuery,
        response: { 200: timelinePage },
      },
    },
    async (req) => {
      const c = await ctx(req);
      await getTicketRow(db, c, req.params.id);
      return listTicketTimeline(db, c.actor.vendorId, req.params.id, req.query);
    },
  );
  app.post(
    '/api/v1/tickets/:id/records',
    {
      ...edit,
      schema: {
        tags,
        summary: '关联服务记录（通话、会话、远程、上门、邮件、手工）',
        params: idParam,
        body: serviceRecordBody,
        response: { 201: serviceRecordSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentRecord(await attachRecord(deps, await ctx(req), req.params.id, req.body))),
  );
  app.get(
    '/api/v1/tickets/:id/records',
    { ...view, schema: { tags, summary: '工单的服务记录', params: idParam, response: { 200: recordPage } } },
    async (req) => {
      const c = await ctx(req);
      await getTicketRow(db, c, req.params.id);
      return listRecords(db, c.actor.vendorId, { ticketId: req.params.id, limit: 200 });
    },
  );
  app.get(
    '/api/v1/service-records',
    {
      config: { permission: 'record.view' as const },
      schema: {
        tags: ['service-records'],
        summary: '客户的服务记录',
        querystring: recordListQuery,
        response: { 200: recordPage },
      },
    },
    async (req) => listRecords(db, actorOf(req).vendorId, req.query),
  );
}
