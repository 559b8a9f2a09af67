import {
  deliveryListQuery,
  idParam,
  OUTBOX_CHANNELS,
  outboxEntryList,
  outboxEntrySchema,
  sentMessageList,
  sentMessageListQuery,
  targetCreateBody,
  targetList,
  targetSchema,
  targetTestBody,
  targetTestResult,
  targetUpdateBody,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { listOutboxEntries, listSentMessages, retryOutboxEntry } from '../../platform/outbox/log.js';
import { ticketContext } from '../tickets/context.js';
import { testTarget } from './delivery.js';
import {
  createTarget,
  deleteTarget,
  getTarget,
  listTargets,
  presentTarget,
  updateTarget,
} from './service.js';

const outboxQuery = deliveryListQuery.extend({
  /** One channel, or `messages` for SMS, e-mail and WeChat together (客户通知记录). */
  channel: z.enum([...OUTBOX_CHANNELS, 'messages']).optional(),
  ticketId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

/**
 * 外部目标 (manual 5.2.19) and the delivery log. Targets hold credentials and reach other systems:
 * everything here needs 工单设置 (ticket.settings), reading included.
 */
export function targetRoutes(app: App, { db, events }: Deps) {
  const vendor = (req: FastifyRequest) => actorOf(req).vendorId;
  const manage = { config: { permission: 'ticket.settings' as const } };
  const tags = ['targets'];

  app.get(
    '/api/v1/targets',
    { ...manage, schema: { tags, summary: '外部目标列表', response: { 200: targetList } } },
    async (req) => ({ items: (await listTargets(db, vendor(req))).map(presentTarget) }),
  );
  app.post(
    '/api/v1/targets',
    {
      ...manage,
      schema: {
        tags,
        summary: '添加外部目标（网址可含占位符；密码与令牌只写不读）',
        body: targetCreateBody,
        response: { 201: targetSchema },
      },
    },
    async (req, reply) => reply.code(201).send(presentTarget(await createTarget(db, vendor(req), req.body))),
  );
  app.get(
    '/api/v1/targets/:id',
    { ...manage, schema: { tags, summary: '外部目标', params: idParam, response: { 200: targetSchema } } },
    async (req) => presentTarget(await getTarget(db, vendor(req), req.params.id)),
  );
  app.patch(
    '/api/v1/targets/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改外部目标（不传密码/令牌则保留原值）',
        params: idParam,
        body: targetUpdateBody,
        response: { 200: targetSchema },
      },
    },
    async (req) => presentTarget(await updateTarget(db, vendor(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/targets/:id',
    { ...manage, schema: { tags, summary: '删除外部目标（仍被规则使用时返回 409）', params: idParam } },
    async (req, reply) => {
      await deleteTarget(db, vendor(req), req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/v1/targets/:id/test',
    {
      ...manage,
      schema: {
        tags,
        summary: '测试外部目标：按工单（或示例工单）渲染消息体并立即发送一次',
        params: idParam,
        body: targetTestBody,
        response: { 200: targetTestResult },
      },
    },
    async (req) => testTarget(db, await ticketContext(db, actorOf(req)), req.params.id, req.body),
  );
  app.get(
    '/api/v1/targets/:id/deliveries',
    {
      ...manage,
      schema: {
        tags,
        summary: '外部目标的发送记录（最新在前，含每次尝试的状态码）',
        params: idParam,
        querystring: deliveryListQuery,
        response: { 200: outboxEntryList },
      },
    },
    async (req) => {
      await getTarget(db, vendor(req), req.params.id);
      return listOutboxEntries(db, vendor(req), { ...req.query, targetId: req.params.id });
    },
  );
  app.get(
    '/api/v1/outbox',
    {
      ...manage,
      schema: {
        tags,
        summary: '发送记录：外部目标调用与客户通知（短信、邮件、微信）',
        querystring: outboxQuery,
        response: { 200: outboxEntryList },
      },
    },
    async (req) => {
      const { channel, ...q } = req.query;
      const channels =
        channel === 'messages' ? (['sms', 'email', 'wechat'] as const) : channel ? [channel] : undefined;
      return listOutboxEntries(db, vendor(req), { ...q, channels: channels ? [...channels] : undefined });
    },
  );
  app.post(
    '/api/v1/outbox/:id/retry',
    {
      ...manage,
      schema: {
        tags,
        summary: '重试发送失败的记录（同一幂等键）',
        params: idParam,
        response: { 200: outboxEntrySchema },
      },
    },
    async (req) => {
      const entry = await retryOutboxEntry(db, vendor(req), req.params.id);
      events.emit('outbox.enqueued', { vendorId: vendor(req) });
      return entry;
    },
  );
  app.get(
    '/api/v1/sent-messages',
    {
      ...manage,
      schema: {
        tags,
        summary: '客户通知记录：已发出的短信、邮件与微信消息',
        querystring: sentMessageListQuery,
        response: { 200: sentMessageList },
      },
    },
    async (req) => listSentMessages(db, vendor(req), req.query),
  );
}
