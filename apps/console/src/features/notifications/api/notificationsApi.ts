import { api } from '../../../api/client';
import type { NotificationPage } from '../../../api/types';

export interface NotificationListParams {
  unread?: boolean;
  cursor?: string;
  limit?: number;
}

export function listNotifications(params: NotificationListParams): Promise<NotificationPage> {
  return api.get<NotificationPage>('/notifications', {
    unread: params.unread === undefined ? undefined : String(params.unread),
    cursor: params.cursor,
    limit: params.limit,
  });
}

export function markNotificationsRead(input: { ids?: number[]; all?: boolean }): Promise<{ unread: number }> {
  return api.post<{ unread: number }>('/notifications/read', input);
}

export function sendNotification(input: {
  agentIds: number[];
  title: string;
  body?: string;
  link?: string;
}): Promise<unknown> {
  return api.post('/notifications', input);
}
