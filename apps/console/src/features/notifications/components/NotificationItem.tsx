import type { Notification } from '@yidan/contracts';
import { Badge, Card, Flex, Typography } from 'antd';
import dayjs from 'dayjs';

export function NotificationItem({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: () => void;
}) {
  const unread = notification.readAt === null;
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      data-testid="notification-item"
      style={{ cursor: 'pointer', background: unread ? undefined : 'transparent' }}
    >
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong={unread} ellipsis>
          {unread && <Badge status="processing" style={{ marginRight: 6 }} />}
          {notification.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, flexShrink: 0 }}>
          {dayjs(notification.createdAt).format('MM-DD HH:mm')}
        </Typography.Text>
      </Flex>
      {notification.body && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ margin: '4px 0 0' }}>
          {notification.body}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
