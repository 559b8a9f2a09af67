import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { listNotifications } from '../api/notificationsApi';
import { notificationKeys } from './notificationKeys';

const PAGE_SIZE = 20;

/** Notifications newest first, page by page (cursor). */
export function useNotifications(filter: 'all' | 'unread', enabled = true) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(filter),
    queryFn: ({ pageParam }) =>
      listNotifications({
        unread: filter === 'unread' ? true : undefined,
        cursor: pageParam,
        limit: PAGE_SIZE,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** The unread count for the bell; realtime events keep it current between fetches. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => (await listNotifications({ unread: true, limit: 1 })).unread,
    staleTime: 60_000,
  });
}
