import type { Notification } from '@yidan/contracts';
import { Button, Drawer, Empty, Flex, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useMarkRead } from '../hooks/useMarkRead';
import { useNotifications, useUnreadCount } from '../hooks/useNotifications';
import { NotificationItem } from './NotificationItem';

export function NotificationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useT();
  const navigate = useNavigate();
  const showError = useApiError();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useNotifications(filter, open);
  const { data: unread = 0 } = useUnreadCount();
  const markRead = useMarkRead();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  const openItem = (n: Notification) => {
    if (n.readAt === null) markRead.mutate({ ids: [n.id] }, { onError: (e) => showError(e) });
    // Only in-app paths are followed; anything else stays a plain text notification.
    if (n.link?.startsWith('/')) {
      onClose();
      navigate(n.link);
    }
  };

  return (
    <Drawer
      title={t('notifications.title')}
      open={open}
      onClose={onClose}
      size={400}
      data-testid="notification-drawer"
      extra={
        <Button
          size="small"
          disabled={unread === 0}
          loading={markRead.isPending}
          data-testid="notification-read-all"
          onClick={() => markRead.mutate({ all: true }, { onError: (e) => showError(e) })}
        >
          {t('notifications.readAll')}
        </Button>
      }
    >
      <Segmented
        block
        value={filter}
        onChange={(value) => setFilter(value as 'all' | 'unread')}
        options={[
          { value: 'all', label: t('notifications.all') },
          { value: 'unread', label: `${t('notifications.unread')} (${unread})` },
        ]}
        style={{ marginBottom: 12 }}
      />
      {list.isLoading ? (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty description={t('notifications.empty')} />
      ) : (
        <Flex vertical gap={8}>
          {items.map((n) => (
            <NotificationItem key={n.id} notification={n} onOpen={() => openItem(n)} />
          ))}
          {list.hasNextPage && (
            <Button type="link" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
