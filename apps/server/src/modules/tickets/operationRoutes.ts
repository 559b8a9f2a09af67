import {
  idParam,
  ticketBatchCreateBody,
  ticketBatchCreateResult,
  ticketBatchResult,
  ticketBatchUpdateBody,
  ticketFaqDraft,
  ticketMergeBody,
  ticketPage,
  ticketSchema,
  ticketSplitBody,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Lang, pickLang } from '../../platform/http/messages.js';
import { localizeResults } from '../../platform/http/problem.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { batchCreateTickets, batchUpdateTickets } from './batch.js';
import { ticketContext } from './context.js';
import { faqDraft } from './faq.js';
import { mergeTicket } from './merge.js';
import { presentTickets } from './presenter.js';
import { splitTicket } from './split.js';

const splitResult = z.object({ items: ticketPage.shape.items });
const mergeResult = z.object({ source: ticketSchema, target: ticketSchema });

/** Ticket operations beyond a single edit: merge, split, batch create and edit, FAQ draft. */
export function ticketOperationRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const ctx = (req: FastifyRequest) => ticketContext(db, actorOf(req));
  const tags = ['tickets'];

  app.post(
    '/api/v1/tickets/:id/merge',
    {
      config: { permission: 'ticket.edit' },
      schema: {
        tags,
        summary: '合并工单（同一客户；原工单关闭并指向目标工单，服务记录、标签、抄送转入目标工单）',
        params: idParam,
        body: ticketMergeBody,
        response: { 200: mergeResult },
      },
    },
    async (req) => {
      const c = await ctx(req);
      const { source, target } = await mergeTicket(deps, c, req.params.id, req.body);
      const [s, t] = await presentTickets(db, c, [source, target]);
      return { source: s!, target: t! };
    },
  );
  app.post(
    '/api/v1/tickets/:id/split',
    {
      config: { permission: 'ticket.create' },
      schema: {
        tags,
        summary: '拆单（1–15 张子单，继承客户、模板和优先级；子单可继续拆单）',
        params: idParam,
        body: ticketSplitBody,
        response: { 201: splitResult },
      },
    },
    async (req, reply) => {
      const c = await ctx(req);
      const rows = await splitTicket(deps, c, req.params.id, req.body.children);
      return reply.code(201).send({ items: await presentTickets(db, c, rows) });
    },
  );
  app.post(
    '/api/v1/tickets/batch-create',
    {
      config: { permission: 'ticket.create' },
      schema: {
        tags,
        summary: '批量创建工单（每个所选公司或联系人一张；不分配、平均分配或按个数分配）',
        body: ticketBatchCreateBody,
        response: { 201: ticketBatchCreateResult },
      },
    },
    async (req, reply) => reply.code(201).send(await batchCreateTickets(deps, await ctx(req), req.body)),
  );
  app.post(
    '/api/v1/tickets/batch-update',
    {
      config: { permission: 'ticket.edit' },
      schema: {
        tags,
        summary: '批量编辑工单（最多 100 张，逐张处理：字段、流转、回复或注释；某张失败不影响其他）',
        body: ticketBatchUpdateBody,
        response: { 200: ticketBatchResult },
      },
    },
    async (req) => {
      const c = await ctx(req);
      const lang = pickLang(req.headers['accept-language']);
      const items = localizeResults(
        await batchUpdateTickets(deps, c, req.body),
        req.headers['accept-language'],
      );
      const rows = items.flatMap((i) => (i.row ? [i.row] : []));
      const presented = new Map((await presentTickets(db, c, rows)).map((t) => [t.id, t]));
      return {
        items: items.map((i) => ({
          id: i.id,
          ok: i.ok,
          ...(i.error ? { error: errorText(i.error, lang) } : {}),
          ...(presented.has(i.id) ? { ticket: presented.get(i.id)! } : {}),
        })),
      };
    },
  );
  app.post(
    '/api/v1/tickets/:id/faq-draft',
    {
      config: { permission: 'ticket.view' },
      schema: {
        tags,
        summary: '工单生成 FAQ 草稿（标题作问题，最后一条公开回复或描述作答案；由知识库保存为 FAQ）',
        params: idParam,
        response: { 200: ticketFaqDraft },
      },
    },
    async (req) => faqDraft(db, await ctx(req), req.params.id),
  );
}

/** A batch item's localised error as one line: the reason, then the field messages. */
function errorText(e: { code: string; errors?: { path: string; message: string }[] }, lang: Lang) {
  const head = (e as { message?: string }).message ?? e.code;
  const [colon, semi] = lang === 'en' ? [': ', '; '] : ['：', '；'];
  return e.errors?.length ? `${head}${colon}${e.errors.map((f) => f.message).join(semi)}` : head;
}
