export const notificationKeys = {
  all: ['notifications'] as const,
  list: (filter: 'all' | 'unread') => ['notifications', 'list', filter] as const,
  unread: ['notifications', 'unread'] as const,
};
