import {
  queryFieldsSchema,
  ticketViewCreateBody,
  ticketViewGroupsSchema,
  ticketViewIdParam,
  ticketViewList,
  ticketViewListQuery,
  ticketViewOptionsSchema,
  ticketViewOrderBody,
  ticketViewSchema,
  ticketViewUpdateBody,
  viewCountsSchema,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { pickLang } from '../../platform/http/messages.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { ticketCatalogue } from './catalogue.js';
import { ticketContext } from './context.js';
import { ticketViewCounts, ticketViewGroups } from './viewQueries.js';
import {
  createTicketView,
  deleteTicketView,
  getTicketView,
  listTicketViews,
  orderTicketViews,
  presentView,
  resetSystemView,
  updateTicketView,
} from './views.js';
import { ticketViewOptions } from './viewValidation.js';

/** 查询器 / 工单视图 (manual 5.1.5): views, their counts and groups, and the ticket condition fields. */
export function ticketViewRoutes(app: App, { db }: Deps) {
  const ctx = (req: FastifyRequest) => ticketContext(db, actorOf(req));
  const lang = (req: FastifyRequest) => pickLang(req.headers['accept-language']);
  // Personal views need only ticket.view; the services ask for ticket.settings for anything shared.
  const view = { config: { permission: 'ticket.view' as const } };
  const settings = { config: { permission: 'ticket.settings' as const } };
  const tags = ['ticket-views'];

  app.get(
    '/api/v1/tickets/query-fields',
    {
      ...view,
      schema: { tags: ['tickets'], summary: '工单条件可用字段', response: { 200: queryFieldsSchema } },
    },
    async (req) => ({ items: (await ticketCatalogue(db, await ctx(req))).fields }),
  );
  app.get(
    '/api/v1/ticket-views',
    {
      ...view,
      schema: {
        tags,
        summary: '查询器列表（侧栏；manage=true 为设置页）',
        querystring: ticketViewListQuery,
        response: { 200: ticketViewList },
      },
    },
    async (req) => {
      const views = await listTicketViews(db, await ctx(req), {
        manage: req.query.manage ?? false,
        lang: lang(req),
      });
      return { items: views.map(presentView) };
    },
  );
  app.get(
    '/api/v1/ticket-views/options',
    {
      ...view,
      schema: {
        tags,
        summary: '查询器可选的展示字段、分组和排序',
        response: { 200: ticketViewOptionsSchema },
      },
    },
    async (req) => ticketViewOptions(await ctx(req)),
  );
  app.get(
    '/api/v1/ticket-views/counts',
    { ...view, schema: { tags, summary: '侧栏查询器的工单数', response: { 200: viewCountsSchema } } },
    async (req) => ({ counts: await ticketViewCounts(db, await ctx(req)) }),
  );
  app.put(
    '/api/v1/ticket-views/order',
    {
      ...settings,
      schema: { tags, summary: '查询器排序', body: ticketViewOrderBody, response: { 200: ticketViewList } },
    },
    async (req) => {
      const views = await orderTicketViews(db, await ctx(req), req.body.ids, lang(req));
      return { items: views.map(presentView) };
    },
  );
  app.post(
    '/api/v1/ticket-views',
    {
      ...view,
      schema: {
        tags,
        summary: '添加查询器',
        body: ticketViewCreateBody,
        response: { 201: ticketViewSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentView(await createTicketView(db, await ctx(req), req.body, lang(req)))),
  );
  app.get(
    '/api/v1/ticket-views/:id',
    { ...view, schema: { tags, params: ticketViewIdParam, response: { 200: ticketViewSchema } } },
    async (req) => presentView(await getTicketView(db, await ctx(req), req.params.id, lang(req))),
  );
  app.patch(
    '/api/v1/ticket-views/:id',
    {
      ...view,
      schema: {
        tags,
        summary: '修改查询器（系统查询器首次修改时保存一份）',
        params: ticketViewIdParam,
        body: ticketViewUpdateBody,
        response: { 200: ticketViewSchema },
      },
    },
    async (req) =>
      presentView(await updateTicketView(db, await ctx(req), req.params.id, req.body, lang(req))),
  );
  app.delete(
    '/api/v1/ticket-views/:id',
    {
      ...view,
      schema: { tags, summary: '删除查询器（系统查询器为关闭）', params: ticketViewIdParam },
    },
    async (req, reply) => {
      await deleteTicketView(db, await ctx(req), req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/v1/ticket-views/:id/reset',
    {
      ...settings,
      schema: {
        tags,
        summary: '恢复系统查询器的默认设置',
        params: ticketViewIdParam,
        response: { 200: ticketViewSchema },
      },
    },
    async (req) => presentView(await resetSystemView(db, await ctx(req), req.params.id, lang(req))),
  );
  app.get(
    '/api/v1/ticket-views/:id/groups',
    {
      ...view,
      schema: {
        tags,
        summary: '查询器分组及各组工单数',
        params: ticketViewIdParam,
        response: { 200: ticketViewGroupsSchema },
      },
    },
    async (req) => ticketViewGroups(db, await ctx(req), req.params.id),
  );
}
