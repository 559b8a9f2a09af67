import {
  notificationCreateBody,
  notificationListQuery,
  notificationReadBody,
  notificationSchema,
} from '@yidan/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { SCHEDULED_NOTIFICATION_JOB } from './listeners.js';
import { listNotifications, markRead, notifyAgents, presentNotification } from './service.js';

const sendBody = notificationCreateBody.extend({
  /** Deliver later (a reminder); kept in the job queue across restarts. */
  sendAt: z.string().datetime({ offset: true }).optional(),
});

export function notificationRoutes(app: App, { db, events, jobs }: Deps) {
  const tags = ['notifications'];
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: '通知中心',
        querystring: notificationListQuery,
        response: {
          200: z.object({
            items: z.array(notificationSchema),
            nextCursor: z.string().nullable(),
            unread: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const cursor =
        req.query.cursor && /^\d{1,15}$/.test(req.query.cursor) ? Number(req.query.cursor) : undefined;
      return listNotifications(db, actor.vendorId, actor.agentId, {
        unread: req.query.unread === 'true',
        cursor,
        limit: req.query.limit ?? 20,
      });
    },
  );
  app.post(
    '/api/v1/notifications/read',
    {
      schema: {
        tags,
        summary: '标记已读',
        body: notificationReadBody,
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return markRead(db, events, actor.vendorId, actor.agentId, req.body);
    },
  );
  app.post(
    '/api/v1/notifications',
    {
      config: { permission: 'org.agents' },
      schema: {
        tags,
        summary: '发送通知（可定时）',
        body: sendBody,
        response: { 201: z.object({ items: z.array(notificationSchema), scheduled: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { sendAt, agentIds, ...input } = req.body;
      if (sendAt && new Date(sendAt).getTime() > Date.now()) {
        if (!jobs) throw new AppError('unavailable');
        await jobs.send(
          SCHEDULED_NOTIFICATION_JOB,
          { vendorId: actor.vendorId, agentIds, kind: 'system', ...input },
          { startAfter: new Date(sendAt) },
        );
        return reply.code(201).send({ items: [], scheduled: true });
      }
      const rows = await notifyAgents(db, events, actor.vendorId, agentIds, { kind: 'system', ...input });
      return reply.code(201).send({ items: rows.map(presentNotification), scheduled: false });
    },
  );
}
