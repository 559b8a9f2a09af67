import {
  idParam,
  slaCatalogueSchema,
  slaPolicyCreateBody,
  slaPolicyList,
  slaPolicyOrderBody,
  slaPolicySchema,
  slaPolicyUpdateBody,
  slaPreviewBody,
  slaPreviewResult,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { ticketContext } from '../tickets/context.js';
import {
  createSlaPolicy,
  deleteSlaPolicy,
  getSlaPolicy,
  listSlaPolicies,
  orderSlaPolicies,
  previewSlaPolicy,
  slaBuilderCatalogue,
  updateSlaPolicy,
} from './policies.js';
import { presentSlaPolicy } from './present.js';

/** SLA 策略 (manual 5.3.3): agents may read them; 工单设置 manages them. */
export function slaRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const ctx = (req: FastifyRequest) => ticketContext(db, actorOf(req));
  const vendor = (req: FastifyRequest) => actorOf(req).vendorId;
  const view = { config: { permission: 'ticket.view' as const } };
  const manage = { config: { permission: 'ticket.settings' as const } };
  const tags = ['sla'];

  app.get(
    '/api/v1/sla-policies',
    { ...view, schema: { tags, summary: 'SLA 策略列表（按匹配顺序）', response: { 200: slaPolicyList } } },
    async (req) => ({ items: (await listSlaPolicies(db, vendor(req))).map(presentSlaPolicy) }),
  );
  app.get(
    '/api/v1/sla-policies/catalogue',
    {
      ...view,
      schema: { tags, summary: 'SLA 策略可用的条件字段与执行动作', response: { 200: slaCatalogueSchema } },
    },
    async (req) => slaBuilderCatalogue(db, await ctx(req)),
  );
  app.put(
    '/api/v1/sla-policies/order',
    {
      ...manage,
      schema: { tags, summary: 'SLA 策略排序', body: slaPolicyOrderBody, response: { 200: slaPolicyList } },
    },
    async (req) => ({ items: (await orderSlaPolicies(db, vendor(req), req.body.ids)).map(presentSlaPolicy) }),
  );
  app.post(
    '/api/v1/sla-policies/preview',
    {
      ...manage,
      schema: {
        tags,
        summary: '预览：条件匹配的未解决工单（前 50 张及总数）',
        body: slaPreviewBody,
        response: { 200: slaPreviewResult },
      },
    },
    async (req) => previewSlaPolicy(db, await ctx(req), req.body.conditions),
  );
  app.post(
    '/api/v1/sla-policies',
    {
      ...manage,
      schema: {
        tags,
        summary: '添加 SLA 策略（排在最后）',
        body: slaPolicyCreateBody,
        response: { 201: slaPolicySchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentSlaPolicy(await createSlaPolicy(deps, await ctx(req), req.body))),
  );
  app.get(
    '/api/v1/sla-policies/:id',
    { ...view, schema: { tags, params: idParam, response: { 200: slaPolicySchema } } },
    async (req) => presentSlaPolicy(await getSlaPolicy(db, vendor(req), req.params.id)),
  );
  app.patch(
    '/api/v1/sla-policies/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改 SLA 策略（使用它的未解决工单随即重算）',
        params: idParam,
        body: slaPolicyUpdateBody,
        response: { 200: slaPolicySchema },
      },
    },
    async (req) => presentSlaPolicy(await updateSlaPolicy(deps, await ctx(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/sla-policies/:id',
    { ...manage, schema: { tags, summary: '删除 SLA 策略', params: idParam } },
    async (req, reply) => {
      await deleteSlaPolicy(deps, vendor(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
