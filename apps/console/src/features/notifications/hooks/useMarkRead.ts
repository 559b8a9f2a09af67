import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '@yidan/contracts';
import type { NotificationPage } from '../../../api/types';
import { markNotificationsRead } from '../api/notificationsApi';
import { notificationKeys } from './notificationKeys';

function markItems(items: Notification[], ids: number[] | 'all', at: string): Notification[] {
  return items.map((n) =>
    n.readAt === null && (ids === 'all' || ids.includes(n.id)) ? { ...n, readAt: at } : n,
  );
}

/** Marks some or all notifications read; the cached lists and the count follow at once. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids?: number[]; all?: boolean }) => markNotificationsRead(input),
    onSuccess: ({ unread }, input) => {
      const ids = input.all ? 'all' : (input.ids ?? []);
      const at = new Date().toISOString();
      queryClient.setQueryData(notificationKeys.unread, unread);
      queryClient.setQueryData<InfiniteData<NotificationPage>>(notificationKeys.list('all'), (data) =>
        data
          ? { ...data, pages: data.pages.map((p) => ({ ...p, unread, items: markItems(p.items, ids, at) })) }
          : data,
      );
      void queryClient.invalidateQueries({ queryKey: notificationKeys.list('unread') });
    },
  });
}
