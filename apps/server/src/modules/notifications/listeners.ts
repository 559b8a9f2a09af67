import type { DomainEvents } from '../../platform/events.js';
import type { Deps } from '../../platform/http/route.js';
import type { Realtime } from '../../platform/realtime/gateway.js';
import { type NotificationInput, notifyAgents } from './service.js';

export const SCHEDULED_NOTIFICATION_JOB = 'notifications.scheduled';
export type ScheduledNotification = NotificationInput & { vendorId: number; agentIds: number[] };

/** Turns notification events into pushes to the agent's room (on whichever node holds the socket). */
export function notificationListeners(events: DomainEvents, realtime: () => Realtime | null) {
  events.on('notification.created', (e) =>
    realtime()?.toAgent(e.vendorId, e.agentId, 'notification.created', {
      notification: e.notification,
      unread: e.unread,
    }),
  );
  events.on('notification.read', (e) =>
    realtime()?.toAgent(e.vendorId, e.agentId, 'notification.read', { unread: e.unread }),
  );
}

/** Notifications scheduled for later (reminders) are delivered by a job, so they survive restarts. */
export async function notificationJobs(deps: Deps) {
  await deps.jobs?.work<ScheduledNotification>(SCHEDULED_NOTIFICATION_JOB, async (data) => {
    await notifyAgents(deps.db, deps.events, data.vendorId, data.agentIds, data);
  });
}
