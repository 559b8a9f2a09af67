import { type InfiniteData, useQueryClient } from '@tanstack/react-query';
import type { AgentEventPayload } from '@yidan/contracts';
import { App } from 'antd';
import { useEffect } from 'react';
import type { NotificationPage } from '../../../api/types';
import { useAgentSocket } from '../../../realtime/socketContext';
import { notificationKeys } from './notificationKeys';

/**
 * The one place where notification events from the server change the query cache:
 * a new notification is prepended to the cached lists and pops up; the unread count follows both events.
 */
export function useNotificationEvents(): void {
  const socket = useAgentSocket();
  const queryClient = useQueryClient();
  const { notification: toast } = App.useApp();

  useEffect(() => {
    if (!socket) return;

    const onCreated = ({ notification, unread }: AgentEventPayload<'notification.created'>) => {
      queryClient.setQueryData(notificationKeys.unread, unread);
      for (const filter of ['all', 'unread'] as const) {
        queryClient.setQueryData<InfiniteData<NotificationPage>>(notificationKeys.list(filter), (data) => {
          const [first, ...rest] = data?.pages ?? [];
          if (!data || !first || first.items.some((n) => n.id === notification.id)) return data;
          return { ...data, pages: [{ ...first, unread, items: [notification, ...first.items] }, ...rest] };
        });
      }
      toast.info({ title: notification.title, description: notification.body ?? undefined });
    };

    const onRead = ({ unread }: AgentEventPayload<'notification.read'>) => {
      queryClient.setQueryData(notificationKeys.unread, unread);
      // Read elsewhere (another tab or device): refresh the lists' read marks.
      void queryClient.invalidateQueries({ queryKey: ['notifications', 'list'] });
    };

    socket.on('notification.created', onCreated);
    socket.on('notification.read', onRead);
    return () => {
      socket.off('notification.created', onCreated);
      socket.off('notification.read', onRead);
    };
  }, [socket, queryClient, toast]);
}
